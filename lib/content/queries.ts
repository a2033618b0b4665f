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

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export function createQueries(content: Content) {
  const storyBySlug = new Map(content.stories.map((s) => [s.slug, s]));
  const authorById = new Map(content.authors.map((a) => [a.id, a]));
  const sectionById = new Map(content.sections.map((s) => [s.id, s]));
  const redirectOwner = new Map(content.stories.flatMap((s) => s.redirectFrom.map((old) => [old, s] as const)));

  const visibleStories = (v: ViewArg) => {
    const view = asView(v);
    return content.stories.filter((s) => isVisible(s, view));
  };

  return {
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
    /** The newest public stories: the ones a build prerenders (the rest render on first request). */
    recentSlugs: (now: Date, limit: number): string[] => visibleStories(now).slice(0, limit).map((s) => s.slug),
    /** Whether any story, public or not, has this slug (for the preview form). */
    storyExists: (slug: string): boolean => storyBySlug.has(slug),
    /** The public story that a renamed slug now lives at; never a hidden one, so a redirect cannot reveal it. */
    renamedTo: (oldSlug: string, now: Date): Story | undefined => {
      const story = redirectOwner.get(oldSlug);
      return story && isVisible(story, { now }) ? story : undefined;
    },

    latest: (view: ViewArg, limit = Infinity): Story[] => visibleStories(view).slice(0, limit),
    bySection: (id: string, view: ViewArg): Story[] => visibleStories(view).filter((s) => s.section === id),
    byTag: (tag: string, view: ViewArg): Story[] => visibleStories(view).filter((s) => s.tags.includes(tag)),
    byAuthor: (id: string, view: ViewArg): Story[] => visibleStories(view).filter((s) => s.authors.includes(id)),
    /** Tags used by at least one visible story. */
    publicTags: (view: ViewArg): string[] => [...new Set(visibleStories(view).flatMap((s) => s.tags))].sort(),

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
      const others = visibleStories(view).filter((s) => s.slug !== story.slug);
      const shared = (s: Story) => s.tags.filter((t) => story.tags.includes(t)).length;
      others
        .filter((s) => shared(s) > 0)
        .sort((a, b) => shared(b) - shared(a) || b.publishedAt.getTime() - a.publishedAt.getTime())
        .forEach(add);
      others.filter((s) => s.section === story.section).forEach(add);
      // A thin topic still leads readers on: top up with the latest stories.
      if (chosen.size < min) others.forEach((s) => chosen.size < min && add(s));
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
