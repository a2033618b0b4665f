/**
 * Every URL on the site, in one place: pages, components, feeds, sitemaps, JSON-LD, the proxy,
 * next.config.ts and the tests build their paths here and nowhere else. Each id or slug is one
 * path segment, percent-encoded here (content ids are [a-z0-9-], so valid content is unchanged).
 *
 * Plain TypeScript with no "@/" imports: next.config.ts, scripts and Playwright load it too.
 */
import type { CropName } from "./seo/crops";

/** The public origin of the site, for canonical URLs and feeds: SITE_URL, or localhost in development. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** `path` (a path on this site, starting with "/") as an absolute URL on `base` (the site's origin by default). */
export function absoluteUrl(path: string, base: string = siteUrl()): string {
  if (!path.startsWith("/")) throw new Error(`absoluteUrl needs a path starting with "/", got "${path}"`);
  return new URL(`${base.replace(/\/+$/, "")}${path}`).href;
}

/** One id or slug as a single path segment. */
const segment = (value: string) => encodeURIComponent(value);

export const FRONT_PATH = "/";

export function articlePath(slug: string): string {
  return `/articles/${segment(slug)}`;
}

/**
 * Page `page` of a live story's updates: page 1 is the story's own URL, older updates are on
 * ?page=n (proxy.ts serves them from liveUpdatesPagePath, which is never linked).
 */
export function livePagePath(slug: string, page: number = 1): string {
  return page > 1 ? `${articlePath(slug)}?page=${page}` : articlePath(slug);
}

/** The element id of one update of a live story, and its permalink (on the page that shows it). */
export function updateAnchor(id: string): string {
  return `update-${id}`;
}
export function updatePermalink(slug: string, id: string, page: number = 1): string {
  return `${livePagePath(slug, page)}#${updateAnchor(id)}`;
}

/** Where proxy.ts rewrites ?page=n of a live story to (a cacheable route; answered 404 when asked for directly). */
export function liveUpdatesPagePath(slug: string, page: number): string {
  return `${articlePath(slug)}/updates/${page}`;
}
export const LIVE_UPDATES_PAGE_PATTERN = /^\/articles\/[^/]+\/updates(?:\/|$)/;

/** The poll endpoint of a live story: its updates newer than `after` (ms since the epoch), as HTML. */
export function livePollPath(slug: string, after?: number): string {
  const path = `${API_PREFIX}live/${segment(slug)}`;
  return after === undefined ? path : `${path}?after=${after}`;
}

/** A story's lead image cut to one of the crops in lib/seo/crops.ts. */
export function cropPath(slug: string, crop: CropName): string {
  return `${articlePath(slug)}/image/${crop}`;
}

/** The pages that list stories, and the folder each lives under. */
const LIST_FOLDERS = { section: "sections", tag: "tags", author: "authors" } as const;
export type ListKind = keyof typeof LIST_FOLDERS;
/** One list of stories: a section, a tag or an author. */
export interface ListRoute {
  kind: ListKind;
  id: string;
}

/** Page `page` of a list: page 1 is the list's own URL, page n is <list>/page/n. */
export function listPath(kind: ListKind, id: string, page: number = 1): string {
  const base = `/${LIST_FOLDERS[kind]}/${segment(id)}`;
  return page > 1 ? `${base}/page/${page}` : base;
}

/** The lists that have their own feed (tags do not). */
export type FeedKind = Exclude<ListKind, "tag">;

/** The site-wide RSS feed, or the feed of one section or author. */
export function feedPath(): string;
export function feedPath(kind: FeedKind, id: string): string;
export function feedPath(kind?: FeedKind, id?: string): string {
  return kind && id !== undefined ? `${listPath(kind, id)}/feed.xml` : "/feed.xml";
}

/** The newsroom's pages about itself (app/(trust)/). */
export const TRUST_PATHS = { about: "/about", standards: "/standards", correctionsPolicy: "/corrections-policy" } as const;

/** The site's share card (app/opengraph-image.tsx), for pages without a picture of their own. */
export const SITE_CARD_PATH = "/opengraph-image";

/** A section's own share card (app/sections/[id]/opengraph-image.tsx). */
export function sectionCardPath(id: string): string {
  return `${listPath("section", id)}${SITE_CARD_PATH}`;
}

/** Site search (app/search/): never indexed, so no canonical list of its URLs. */
export const SEARCH_PATH = "/search";

/** The parameters of a search page, in the order they appear in its URL. */
export interface SearchParams {
  q?: string;
  section?: string;
  range?: string;
  sort?: string;
  page?: number;
}

/** A search page: only the parameters that differ from the defaults (page 1, any date, relevance). */
export function searchPath(params: SearchParams = {}): string {
  const entries: [string, string][] = [];
  if (params.q) entries.push(["q", params.q]);
  if (params.section) entries.push(["section", params.section]);
  if (params.range && params.range !== "any") entries.push(["range", params.range]);
  if (params.sort && params.sort !== "relevance") entries.push(["sort", params.sort]);
  if (params.page && params.page > 1) entries.push(["page", String(params.page)]);
  return entries.length ? `${SEARCH_PATH}?${new URLSearchParams(entries).toString()}` : SEARCH_PATH;
}

/** The OpenSearch description (app/opensearch.xml/), which lets browsers add the site's search. */
export const OPENSEARCH_PATH = "/opensearch.xml";

export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/** The n-th (1-based) file of a sitemap split into an index. */
export function sitemapChunkPath(n: number): string {
  return `/sitemaps/${n}.xml`;
}

/** Routes under here are API endpoints, not pages: never crawled, never lowercased. */
export const API_PREFIX = "/api/";
/** Next's built-in not-found page, for the proxy to rewrite unroutable URLs to. */
export const NOT_FOUND_PATH = "/_not-found";

const query = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");

/**
 * The preview entrance: `{ token }` for a shared link, `{ slug }` for the editors' form (which posts
 * the secret to the bare endpoint: the secret never goes in a URL). With no parameters, the bare
 * endpoint.
 */
export function previewPath(params?: { token: string } | { slug: string }): string {
  const path = `${API_PREFIX}preview`;
  return params ? `${path}?${query(params)}` : path;
}

/** Leaves preview and goes back to `returnTo` (a path on this site). */
export function previewExitPath(returnTo: string): string {
  return `${previewPath()}/exit?${query({ returnTo })}`;
}

/** A page of the site that shows content which may not exist: what proxy.ts checks before rendering. */
export type ContentRoute = { kind: "article"; slug: string } | { kind: "list"; list: ListRoute; page: number };

const FOLDER_KINDS = Object.fromEntries(Object.entries(LIST_FOLDERS).map(([kind, folder]) => [folder, kind as ListKind]));

/**
 * The content page at `pathname` (as sent: percent-encoded), or undefined for any other path.
 * A page number that is not a plain positive integer comes back as NaN (a 404).
 */
export function matchContentRoute(pathname: string): ContentRoute | undefined {
  const parts = pathname.split("/");
  if (parts[0] !== "" || parts.length < 3) return undefined;
  const id = decodeURIComponent(parts[2]);
  if (parts[1] === "articles" && parts.length === 3) return { kind: "article", slug: id };
  const kind = FOLDER_KINDS[parts[1]];
  if (!kind) return undefined;
  if (parts.length === 3) return { kind: "list", list: { kind, id }, page: 1 };
  if (parts.length === 5 && parts[3] === "page")
    return { kind: "list", list: { kind, id }, page: /^[1-9][0-9]{0,5}$/.test(parts[4]) ? Number(parts[4]) : NaN };
  return undefined;
}
