/**
 * Which RSS feeds a page announces (<link rel="alternate" type="application/rss+xml">), and what
 * a list's feed is called. Pages put the result in their metadata's `alternates.types`.
 */
import { feedPath, type FeedKind } from "@/lib/routes";

export const RSS_TYPE = "application/rss+xml";

/** The page asking: a page with no feed of its own, an article, or a section or author list. */
export type FeedPage =
  { kind: "site" } | { kind: "article"; section: { id: string; name: string } } | { kind: FeedKind; id: string; name: string };

/** A section's or author's feed title, the same in the feed itself and in the pages that link to it. */
export function listFeedTitle(name: string, siteName: string): string {
  return `${name} | ${siteName}`;
}

/**
 * The feeds `page` lists. A page's alternates replace the layout's, so every page lists the
 * site-wide feed again: after its own feed on a list, before the section's feed on an article.
 */
export function alternateFeeds(siteName: string, page: FeedPage = { kind: "site" }): { [RSS_TYPE]: { url: string; title: string }[] } {
  const siteFeed = { url: feedPath(), title: siteName };
  switch (page.kind) {
    case "site":
      return { [RSS_TYPE]: [siteFeed] };
    case "article":
      return { [RSS_TYPE]: [siteFeed, { url: feedPath("section", page.section.id), title: `${siteName}: ${page.section.name}` }] };
    default:
      return { [RSS_TYPE]: [{ url: feedPath(page.kind, page.id), title: listFeedTitle(page.name, siteName) }, siteFeed] };
  }
}
