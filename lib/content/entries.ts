/**
 * How content files map to index entries and back: the path of each kind of file under content/,
 * the JSON each entry holds, and the Content the site reads, rebuilt from entries.
 */
import type { Author, Content, Section, SiteConfig, Story, TrendingLink } from "./types";

export const storyPath = (slug: string) => `articles/${slug}.mdx`;
export const authorPath = (id: string) => `authors/${id}.mdx`;

/** What a path under content/ holds. */
export type EntryKind = { kind: "story"; slug: string } | { kind: "author"; id: string } | { kind: "site"; name: string };

const SITE_FILE_NAMES = new Set(["site.yaml", "sections.yaml", "tags.yaml", "trending.yaml"]);

export function entryKind(p: string): EntryKind | undefined {
  const story = /^articles\/([^/]+)\.mdx$/.exec(p);
  if (story) return { kind: "story", slug: story[1] };
  const author = /^authors\/([^/]+)\.mdx$/.exec(p);
  if (author) return { kind: "author", id: author[1] };
  if (SITE_FILE_NAMES.has(p)) return { kind: "site", name: p };
  return undefined;
}

/** Dates travel as ISO strings in JSON; the site reads Dates. */
export function reviveStory(data: unknown): Story {
  const s = data as Story & { publishedAt: string; updatedAt?: string };
  return { ...s, publishedAt: new Date(s.publishedAt), updatedAt: s.updatedAt ? new Date(s.updatedAt) : undefined };
}

/** Sorts stories in place as Content.stories holds them: newest first, then by slug. */
export function byNewest(stories: Story[]): Story[] {
  return stories.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
}

/**
 * The Content the entries hold. `revived`: the stories already revived and sorted newest first (a
 * server's patched snapshot), so a publish does not revive the whole archive again.
 */
export function contentFromEntries(entries: Map<string, { data: unknown }>, revived?: Story[]): Content {
  const site = entries.get("site.yaml")?.data as SiteConfig | undefined;
  const stories: Story[] = revived ?? [];
  const authors: Author[] = [];
  for (const [p, { data }] of entries) {
    if (revived && !p.startsWith("authors/")) continue;
    const kind = entryKind(p);
    if (kind?.kind === "story") stories.push(reviveStory(data));
    else if (kind?.kind === "author") authors.push(data as Author);
  }
  if (!revived) byNewest(stories);
  authors.sort((a, b) => a.id.localeCompare(b.id));
  return {
    site: site ?? { name: "", tagline: "", language: "en", timeZone: "UTC", social: [] },
    sections: (entries.get("sections.yaml")?.data as Section[] | undefined) ?? [],
    tagLabels: (entries.get("tags.yaml")?.data as Record<string, string> | undefined) ?? {},
    trending: (entries.get("trending.yaml")?.data as TrendingLink[] | undefined) ?? [],
    stories,
    authors,
    issues: [],
  };
}
