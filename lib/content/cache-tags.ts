/**
 * Cache tags: what each cached page or feed shows, so a publish expires exactly those (and a timer
 * is only a safety net). Pages declare theirs with tagResponse (lib/cache.ts); a publish expires
 * the tags of what it changed (lib/content/publish.ts).
 */
import type { Story } from "./types";

export const cacheTag = {
  /** Site files (name, sections, trending): shown by the layout of every page. */
  site: "site",
  /** The front page, the site-wide feed and the sitemaps: they show every story. */
  lists: "lists",
  /** A story's page, and every page that shows it as a card or a MORE: line. */
  story: (slug: string) => `story:${slug}`,
  section: (id: string) => `section:${id}`,
  tag: (tag: string) => `tag:${tag}`,
  author: (id: string) => `author:${id}`,
};

/** The tags of everything that shows this version of a story (its page, its lists, its feeds). */
export function storyTags(story: Story): string[] {
  return [
    cacheTag.lists,
    cacheTag.story(story.slug),
    cacheTag.section(story.section),
    ...story.tags.map(cacheTag.tag),
    ...story.authors.map(cacheTag.author),
  ];
}
