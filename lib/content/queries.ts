/**
 * Typed queries over loaded content. Every query that feeds public output filters through
 * isPublic(story, now); `now` is an argument so tests (and later, previews) can set it.
 */
import type { Author, Content, Section, Story } from "./types";
import { isPublic } from "./visibility";

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

  const publicStories = (now: Date) => content.stories.filter((s) => isPublic(s, now));

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

    /** A story only if it is public at `now`. */
    publicStory: (slug: string, now: Date): Story | undefined => {
      const story = storyBySlug.get(slug);
      return story && isPublic(story, now) ? story : undefined;
    },
    /** Whether any story, public or not, has this slug (for the content check and build errors). */
    storyExists: (slug: string): boolean => storyBySlug.has(slug),

    latest: (now: Date, limit = Infinity): Story[] => publicStories(now).slice(0, limit),
    bySection: (id: string, now: Date): Story[] => publicStories(now).filter((s) => s.section === id),
    byTag: (tag: string, now: Date): Story[] => publicStories(now).filter((s) => s.tags.includes(tag)),
    byAuthor: (id: string, now: Date): Story[] => publicStories(now).filter((s) => s.authors.includes(id)),
    /** Tags used by at least one public story. */
    publicTags: (now: Date): string[] => [...new Set(publicStories(now).flatMap((s) => s.tags))].sort(),

    /**
     * Related stories: pinned `related` first (in the editor's order), then stories sharing the
     * most tags, then the same section, newest first within each tier; never the story itself.
     */
    related: (story: Story, now: Date, { min = 3, max = 6 } = {}): Story[] => {
      const chosen = new Map<string, Story>();
      const add = (s: Story | undefined) => {
        if (s && s.slug !== story.slug && isPublic(s, now) && chosen.size < max) chosen.set(s.slug, s);
      };
      story.related.forEach((slug) => add(storyBySlug.get(slug)));
      const others = publicStories(now).filter((s) => s.slug !== story.slug);
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
