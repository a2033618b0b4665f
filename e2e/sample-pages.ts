/**
 * Pages of the sample content that the end-to-end tests (e2e/, e2e-prod/) and the benchmarks (bench/)
 * visit. One place, so that renaming a sample story or section means one edit. Plain data, no
 * Playwright: bench/ and e2e-prod/ import it too. URLs are built by lib/routes.
 */
import { articlePath, feedPath, FRONT_PATH, listPath, TRUST_PATHS } from "../lib/routes";

/** The flagship story: the richest sample article (lead image, inline figures, related stories, tags). */
export const FLAGSHIP_SLUG = "vestria-sends-troops-to-harlow-pass";
export const FLAGSHIP_PATH = articlePath(FLAGSHIP_SLUG);

/** One URL of every page type, used by the checks that apply to all of them. */
export const PAGE_TYPES = {
  article: FLAGSHIP_PATH,
  front: FRONT_PATH,
  section: listPath("section", "world"),
  tag: listPath("tag", "harlow-pass"),
  author: listPath("author", "mara-okafor"),
  notFound: articlePath("no-such-story"),
  // The trust pages (app/(trust)/): MDX modules, not content.
  about: TRUST_PATHS.about,
  standards: TRUST_PATHS.standards,
  correctionsPolicy: TRUST_PATHS.correctionsPolicy,
} as const;

/** The page types that search engines should index: every one but the 404. */
export const INDEXABLE_PAGES = Object.entries(PAGE_TYPES)
  .filter(([type]) => type !== "notFound")
  .map(([, url]) => url);

/** The site-wide RSS feed. */
export const FEED_PATH = feedPath();

/** The sample live coverage (type: live): 35 updates over a day, key events, one pinned, one corrected. */
export const LIVE_SLUG = "storm-edda-live";
export const LIVE_PATH = articlePath(LIVE_SLUG);
