/**
 * Typed queries over loaded content. Every query that feeds output filters through
 * isVisible(story, view); the view (time and preview scope) is an argument so tests can set it.
 */
import type { Author, Content, Section, Story } from "./types";
import { isVisible, type View } from "./visibility";

/** A View, or a Date meaning "the public view at that time". */
export type ViewArg = View | Date;
const asView = (v: ViewArg): View => (v instanceof Date ? { now: v } : v);

export const PAGE_SIZE = 20;

/** How many of each tag's newest stories compete to be a story's related stories. */
const RELATED_CANDIDATES = 1_000;

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** Newest first, then by slug: the order of every list. */
const newestFirst = (a: Story, b: Story) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug);

/** The lists a story belongs to: "all", "section:<id>", "tag:<t>", "author:<id>". */
const listKeys = (story: Story) => ["all", `section:${story.section}`, ...new Set(story.tags.map((t) => `tag:${t}`)), ...new Set(story.authors.map((a) => `author:${a}`))];

/**
 * Stories by slug, as a base map and a small overlay of the changes since it was built, so a
 * snapshot after a publish shares the archive's map instead of copying it. Compacted into a new
 * base once the overlay grows.
 */
export class StoriesBySlug {
  private static readonly MAX_OVERLAY = 1_000;
  constructor(
    private readonly base: ReadonlyMap<string, Story>,
    private readonly overlay: ReadonlyMap<string, Story | undefined> = new Map(),
  ) {}
  get(slug: string): Story | undefined {
    return this.overlay.has(slug) ? this.overlay.get(slug) : this.base.get(slug);
  }
  has(slug: string): boolean {
    return this.get(slug) !== undefined;
  }
  /** A new map with these stories set (undefined: removed); this one is unchanged. */
  with(changes: Map<string, Story | undefined>): StoriesBySlug {
    const overlay = new Map([...this.overlay, ...changes]);
    if (overlay.size <= StoriesBySlug.MAX_OVERLAY) return new StoriesBySlug(this.base, overlay);
    const base = new Map(this.base);
    for (const [slug, story] of overlay) {
      if (story) base.set(slug, story);
      else base.delete(slug);
    }
    return new StoriesBySlug(base);
  }
  *slugs(): Iterable<string> {
    for (const slug of this.base.keys()) if (!this.overlay.has(slug)) yield slug;
    for (const [slug, story] of this.overlay) if (story) yield slug;
  }
}

/**
 * Every list a page shows, built once per snapshot so a query slices a list instead of scanning
 * the archive, and patched on a publish (patchStoryIndex) so a server catching up with one changed
 * story does work in proportion to that story's lists, not to the archive.
 */
export interface StoryIndex {
  storyBySlug: StoriesBySlug;
  redirectOwner: Map<string, Story>;
  /** Every story of each list, public or not, newest first. */
  lists: Map<string, Story[]>;
  /** The published ones (public now, or scheduled) of each list, newest first. */
  published: Map<string, Story[]>;
}

export function buildStoryIndex(stories: Story[]): StoryIndex {
  const sorted = [...stories].sort(newestFirst);
  const lists = new Map<string, Story[]>();
  for (const story of sorted) {
    for (const key of listKeys(story)) {
      const list = lists.get(key);
      if (list) list.push(story);
      else lists.set(key, [story]);
    }
  }
  return {
    storyBySlug: new StoriesBySlug(new Map(sorted.map((s) => [s.slug, s]))),
    redirectOwner: new Map(sorted.flatMap((s) => s.redirectFrom.map((old) => [old, s] as const))),
    lists,
    published: new Map([...lists].map(([key, list]) => [key, list.filter((s) => s.status === "published")])),
  };
}

/** Where `story` is, or belongs, in a list sorted newest first (binary search). */
function placeOf(list: Story[], story: Story): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newestFirst(list[mid], story) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index with the stories of `removed` slugs taken out and `changed` ones put in (a changed
 * story is both). Copy-on-write: only the lists the old or new versions are in are copied, and
 * each story is taken out and put in by binary search, so a snapshot still being read keeps its
 * own and the work does not grow with the archive. Equals buildStoryIndex of the new stories.
 */
export function patchStoryIndex(prev: StoryIndex, removed: string[], changed: Story[]): StoryIndex {
  const added = [...new Map(changed.map((s) => [s.slug, s])).values()]; // the last version of each
  const lists = new Map(prev.lists);
  const published = new Map(prev.published);
  // The lists this patch has copied (its own to change), by map.
  const copied = new Map<Map<string, Story[]>, Set<string>>([
    [lists, new Set()],
    [published, new Set()],
  ]);
  const own = (map: Map<string, Story[]>, key: string): Story[] => {
    const mine = copied.get(map)!;
    if (!mine.has(key)) {
      mine.add(key);
      map.set(key, [...(map.get(key) ?? [])]);
    }
    return map.get(key)!;
  };
  const redirectOwner = new Map(prev.redirectOwner);
  const bySlug = new Map<string, Story | undefined>();

  for (const slug of new Set([...removed, ...added.map((s) => s.slug)])) {
    const old = prev.storyBySlug.get(slug);
    if (!old) continue;
    bySlug.set(slug, undefined);
    for (const from of old.redirectFrom) if (redirectOwner.get(from) === old) redirectOwner.delete(from);
    for (const key of listKeys(old)) {
      for (const map of old.status === "published" ? [lists, published] : [lists]) {
        const list = own(map, key);
        const at = placeOf(list, old);
        if (list[at]?.slug === old.slug) list.splice(at, 1);
      }
    }
  }
  for (const story of added) {
    bySlug.set(story.slug, story);
    for (const key of listKeys(story)) {
      for (const map of story.status === "published" ? [lists, published] : [lists]) {
        const list = own(map, key);
        list.splice(placeOf(list, story), 0, story);
      }
    }
  }
  for (const story of added) for (const from of story.redirectFrom) redirectOwner.set(from, story);
  // As a fresh build gives: no empty lists, and a published list (maybe empty) for every list.
  for (const key of copied.get(lists)!) if (!lists.get(key)!.length) lists.delete(key);
  for (const key of [...copied.get(lists)!, ...copied.get(published)!]) {
    if (!lists.has(key)) published.delete(key);
    else if (!published.has(key)) published.set(key, []);
  }
  return { storyBySlug: prev.storyBySlug.with(bySlug), redirectOwner, lists, published };
}

/** The queries over content; `index` is content.stories' StoryIndex when the caller has patched one. */
export function createQueries(content: Content, index: StoryIndex = buildStoryIndex(content.stories)) {
  const authorById = new Map(content.authors.map((a) => [a.id, a]));
  const sectionById = new Map(content.sections.map((s) => [s.id, s]));
  const { storyBySlug, redirectOwner, lists, published } = index;
  const EMPTY: Story[] = [];

  /**
   * The stories of one list that the view may see, newest first. The public view: published
   * stories newest first are the scheduled ones (not public yet) and then the public ones, so the
   * one rule (isVisible) finds the boundary by binary search. A preview (rare, never cached) scans.
   */
  const visibleIn = (key: string, v: ViewArg, limit = Infinity): Story[] => {
    const view = asView(v);
    if (view.preview) return (lists.get(key) ?? EMPTY).filter((s) => isVisible(s, view)).slice(0, limit);
    const list = published.get(key) ?? EMPTY;
    const first = firstPublic(list, view);
    return list.slice(first, first + limit);
  };
  /** Where the public part of a published list starts (everything before it is scheduled). */
  const firstPublic = (list: Story[], view: View): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (isVisible(list[mid], view)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  return {
    /** The lists these queries slice, for the next snapshot to patch. */
    storyIndex: index,
    site: content.site,
    sections: content.sections,
    trending: content.trending,

    section: (id: string): Section | undefined => sectionById.get(id),
    author: (id: string): Author | undefined => authorById.get(id),
    authors: (): Author[] => content.authors,
    /** The label of a tag slug: editors' spelling from tags.yaml, or the slug in title case. */
    tagLabel: (tag: string): string =>
      content.tagLabels[tag] ?? tag.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),

    /** A story only if the view may see it. */
    publicStory: (slug: string, view: ViewArg): Story | undefined => {
      const story = storyBySlug.get(slug);
      return story && isVisible(story, asView(view)) ? story : undefined;
    },
    /**
     * When the public view next changes without a publish: the time of the next scheduled story
     * (undefined when none is scheduled). Until then, anything computed from the public view at
     * `now` with these queries stays right.
     */
    nextPublicChange: (now: Date): Date | undefined => {
      const list = published.get("all") ?? EMPTY;
      const first = firstPublic(list, asView(now));
      return first > 0 ? list[first - 1].publishedAt : undefined;
    },
    /** The newest public stories: the ones a build prerenders (the rest render on first request). */
    recentSlugs: (now: Date, limit: number): string[] => visibleIn("all", now, limit).map((s) => s.slug),
    /** Whether any story, public or not, has this slug (for the preview form). */
    storyExists: (slug: string): boolean => storyBySlug.has(slug),
    /** The public story that a renamed slug now lives at; never a hidden one, so a redirect cannot reveal it. */
    renamedTo: (oldSlug: string, now: Date): Story | undefined => {
      const story = redirectOwner.get(oldSlug);
      return story && isVisible(story, { now }) ? story : undefined;
    },

    latest: (view: ViewArg, limit = Infinity): Story[] => visibleIn("all", view, limit),
    bySection: (id: string, view: ViewArg): Story[] => visibleIn(`section:${id}`, view),
    byTag: (tag: string, view: ViewArg): Story[] => visibleIn(`tag:${tag}`, view),
    byAuthor: (id: string, view: ViewArg): Story[] => visibleIn(`author:${id}`, view),
    /** Tags used by at least one visible story. */
    publicTags: (view: ViewArg): string[] =>
      [...lists.keys()]
        .filter((key) => key.startsWith("tag:") && visibleIn(key, view).length > 0)
        .map((key) => key.slice("tag:".length))
        .sort(),

    /**
     * Related stories: pinned `related` first (in the editor's order), then stories sharing the
     * most tags, then the same section, newest first within each tier; never the story itself.
     */
    related: (story: Story, v: ViewArg, { min = 3, max = 6 } = {}): Story[] => {
      const view = asView(v);
      const chosen = new Map<string, Story>();
      const add = (s: Story | undefined) => {
        if (s && s.slug !== story.slug && isVisible(s, view) && chosen.size < max) chosen.set(s.slug, s);
      };
      story.related.forEach((slug) => add(storyBySlug.get(slug)));
      // Shared tags, counted over the tags' own lists rather than the whole archive, and over the
      // newest RELATED_CANDIDATES of each: a popular tag in a large archive holds tens of thousands.
      const shared = new Map<Story, number>();
      for (const tag of new Set(story.tags)) {
        for (const s of visibleIn(`tag:${tag}`, view, RELATED_CANDIDATES)) {
          if (s.slug !== story.slug) shared.set(s, (shared.get(s) ?? 0) + 1);
        }
      }
      // Only the best `max` can be shown (pinned stories among them only make room for fewer):
      // keep those in order instead of sorting thousands of candidates (8.6 ms a story at 100,000).
      const best: [Story, number][] = [];
      const before = ([a, x]: [Story, number], [b, y]: [Story, number]) =>
        x - y || a.publishedAt.getTime() - b.publishedAt.getTime() || b.slug.localeCompare(a.slug);
      for (const candidate of shared) {
        if (best.length === max && before(candidate, best[max - 1]) <= 0) continue;
        let i = Math.min(best.length, max - 1);
        while (i > 0 && before(candidate, best[i - 1]) > 0) i--;
        best.splice(i, 0, candidate);
        if (best.length > max) best.pop();
      }
      best.forEach(([s]) => add(s));
      for (const s of visibleIn(`section:${story.section}`, view, max * 4 + story.related.length)) {
        if (chosen.size >= max) break;
        add(s);
      }
      // A thin topic still leads readers on: top up with the latest stories.
      for (const s of visibleIn("all", view, min * 4 + story.related.length)) {
        if (chosen.size >= min) break;
        add(s);
      }
      return [...chosen.values()];
    },
  };
}

export type Queries = ReturnType<typeof createQueries>;

export function paginate<T>(items: T[], page: number, perPage = PAGE_SIZE): Page<T> | undefined {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pageCount, total: items.length };
}
