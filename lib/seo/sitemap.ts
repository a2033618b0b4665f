/**
 * Sitemaps for crawlers (https://www.sitemaps.org/protocol.html) and the Google News sitemap
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 *
 * Pure functions: the routes pass the content layer's queries and the time of the request, so
 * only what the public view at that time may see is ever listed (drafts and scheduled stories
 * never are). Rendering knows nothing of content; it turns entries into XML.
 */
import type { Queries } from "@/lib/content/queries";
import type { Story } from "@/lib/content/types";
import { absoluteUrl, articlePath, FRONT_PATH, listPath, sitemapChunkPath, siteUrl } from "@/lib/routes";
import { TRUST_PAGES } from "@/lib/trust-pages";

/** The protocol's limit of URLs in one sitemap file (and of sitemaps in one index). */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News reads stories published in the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const MAX_NEWS_URLS = 1_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod?: Date;
}

export interface NewsSitemapEntry {
  /** Absolute URL of the story. */
  loc: string;
  publishedAt: Date;
  title: string;
  /** The latest change, when there was one after publication (a live story's newest update). */
  lastmod?: Date;
}

/** Characters XML 1.0 forbids even when escaped (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe inside an XML element or attribute: the five special characters escaped, invalid characters dropped. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** W3C Datetime (https://www.w3.org/TR/NOTE-datetime) in UTC to the second, e.g. 2026-11-23T07:30:00Z. */
export function w3cDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * The Google News language code for a BCP 47 tag: the ISO 639 language alone ("en-GB" -> "en"),
 * except Chinese, which keeps its script or region as zh-cn (Simplified) or zh-tw (Traditional).
 */
export function newsLanguage(tag: string): string {
  const [lang, ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  if (lang === "zh") return rest.some((s) => ["tw", "hk", "mo", "hant"].includes(s)) ? "zh-tw" : "zh-cn";
  if (!/^[a-z]{2,3}$/.test(lang)) throw new Error(`site.language "${tag}" does not start with an ISO 639 language code`);
  return lang;
}

const modified = (s: Story): Date => s.updatedAt ?? s.publishedAt;

/**
 * The newest change among the stories each list page shows, in one pass over the public stories:
 * asking each list in turn read every story once per list it is in (about 1 s a sitemap at
 * 100,000 stories). Keyed by the stories' own id strings (no keys built per story).
 */
function listLastmods(stories: Story[]) {
  const lists = {
    front: new Map<string, Date>(),
    section: new Map<string, Date>(),
    tag: new Map<string, Date>(),
    author: new Map<string, Date>(),
  };
  const bump = (list: Map<string, Date>, key: string, date: Date) => {
    const seen = list.get(key);
    if (!seen || date.getTime() > seen.getTime()) list.set(key, date);
  };
  for (const s of stories) {
    const date = modified(s);
    bump(lists.front, "", date);
    bump(lists.section, s.section, date);
    for (const t of s.tags) bump(lists.tag, t, date);
    for (const a of s.authors) bump(lists.author, a, date);
  }
  return lists;
}

/**
 * Every public page worth crawling at `now`: the front page, each section, each public story,
 * each tag with a public story, each author page and the trust pages (about, standards,
 * corrections). A story's lastmod is its updatedAt (or publishedAt); a list page's is the newest
 * change among the public stories it lists.
 */
export function sitemapEntries(queries: Queries, now: Date, baseUrl: string = siteUrl()): SitemapEntry[] {
  const url = (path: string) => absoluteUrl(path, baseUrl);
  const stories = queries.latest(now);
  const lastmod = listLastmods(stories);
  return [
    { loc: url(FRONT_PATH), lastmod: lastmod.front.get("") },
    ...queries.sections.map((s) => ({ loc: url(listPath("section", s.id)), lastmod: lastmod.section.get(s.id) })),
    ...stories.map((s) => ({ loc: url(articlePath(s.slug)), lastmod: modified(s) })),
    ...queries.publicTags(now).map((t) => ({ loc: url(listPath("tag", t)), lastmod: lastmod.tag.get(t) })),
    ...queries.authors().map((a) => ({ loc: url(listPath("author", a.id)), lastmod: lastmod.author.get(a.id) })),
    // No lastmod: the trust pages change with a deploy, not with a story.
    ...TRUST_PAGES.map((page) => ({ loc: url(page.path) })),
  ];
}

function urlElement(e: SitemapEntry): string {
  const lastmod = e.lastmod ? `<lastmod>${w3cDate(e.lastmod)}</lastmod>` : "";
  return `<url><loc>${escapeXml(e.loc)}</loc>${lastmod}</url>`;
}

/** One <urlset> of the entries (callers keep it within MAX_URLS_PER_SITEMAP). */
export function renderUrlset(entries: SitemapEntry[]): string {
  const urls = entries.map(urlElement);
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}">\n${urls.join("\n")}${urls.length ? "\n" : ""}</urlset>\n`;
}

export type RenderedSitemap =
  | { kind: "urlset"; xml: string }
  | {
      kind: "index";
      /** The <sitemapindex> pointing at /sitemaps/1.xml … /sitemaps/<chunks.length>.xml. */
      xml: string;
      chunks: SitemapEntry[][];
      /** The <urlset> of chunk n (1-based), or undefined when there is no such chunk. */
      chunk(n: number): string | undefined;
    };

/**
 * The sitemap at /sitemap.xml: a single <urlset> when the entries fit in one file, otherwise a
 * <sitemapindex> whose children are chunks of at most `maxPerFile` URLs each, in entry order.
 */
export function renderSitemap(
  entries: SitemapEntry[],
  { baseUrl, maxPerFile = MAX_URLS_PER_SITEMAP }: { baseUrl: string; maxPerFile?: number },
): RenderedSitemap {
  if (!Number.isInteger(maxPerFile) || maxPerFile < 1) throw new Error(`maxPerFile must be a positive integer, got ${maxPerFile}`);
  if (entries.length <= maxPerFile) return { kind: "urlset", xml: renderUrlset(entries) };
  const chunks: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += maxPerFile) chunks.push(entries.slice(i, i + maxPerFile));
  if (chunks.length > MAX_URLS_PER_SITEMAP) throw new Error(`${entries.length} URLs need more than ${MAX_URLS_PER_SITEMAP} sitemaps`);
  const sitemaps = chunks.map((chunk, i) => {
    const lastmod = chunk.reduce<Date | undefined>((max, e) => (e.lastmod && (!max || e.lastmod > max) ? e.lastmod : max), undefined);
    return `<sitemap><loc>${escapeXml(absoluteUrl(sitemapChunkPath(i + 1), baseUrl))}</loc>${lastmod ? `<lastmod>${w3cDate(lastmod)}</lastmod>` : ""}</sitemap>`;
  });
  return {
    kind: "index",
    xml: `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${sitemaps.join("\n")}\n</sitemapindex>\n`,
    chunks,
    chunk: (n) => (Number.isInteger(n) && n >= 1 && n <= chunks.length ? renderUrlset(chunks[n - 1]) : undefined),
  };
}

/** The sitemap last rendered from each snapshot's queries, and the times it is right for. */
const renderedSitemaps = new WeakMap<Queries, { base: string; from: number; until: number; sitemap: RenderedSitemap }>();

/**
 * The public sitemap at `now` (renderSitemap of sitemapEntries), rendered once per snapshot of the
 * content and kept until the next scheduled story goes public: /sitemap.xml and each
 * /sitemaps/<n>.xml are re-checked every 30 s and a build asks four times, and at 100,000 stories
 * each render holds the server's thread for most of a second. A publish makes new queries, so a
 * new render.
 */
export function publicSitemap(queries: Queries, now: Date, baseUrl: string = siteUrl()): RenderedSitemap {
  const t = now.getTime();
  const kept = renderedSitemaps.get(queries);
  if (kept && kept.base === baseUrl && t >= kept.from && t < kept.until) return kept.sitemap;
  const sitemap = renderSitemap(sitemapEntries(queries, now, baseUrl), { baseUrl });
  renderedSitemaps.set(queries, { base: baseUrl, from: t, until: queries.nextPublicChange(now)?.getTime() ?? Infinity, sitemap });
  return sitemap;
}

/**
 * Stories for the Google News sitemap: public at `now` and published within the last 48 hours
 * (after now - 48 h, not after now), or live coverage updated within them; newest first, at most
 * 1,000; with their latest change when they changed after publication.
 */
export function newsSitemapEntries(queries: Queries, now: Date, baseUrl: string = siteUrl()): NewsSitemapEntry[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  return (
    queries
      .latest(now)
      // Live coverage stays while it is being updated: its newest update is its latest news.
      .filter(
        (s) =>
          (s.publishedAt.getTime() > from || (s.type === "live" && modified(s).getTime() > from)) &&
          s.publishedAt.getTime() <= now.getTime(),
      )
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
      .slice(0, MAX_NEWS_URLS)
      .map((s) => ({
        loc: absoluteUrl(articlePath(s.slug), baseUrl),
        publishedAt: s.publishedAt,
        title: s.title,
        ...(s.updatedAt && s.updatedAt > s.publishedAt && { lastmod: s.updatedAt }),
      }))
  );
}

/**
 * The Google News sitemap: a <urlset> with one <news:news> per story. `language` is the site's
 * BCP 47 tag (site.language), written the way Google News wants it (see newsLanguage).
 * With no story in the window the <urlset> is empty, which crawlers accept but the XSD does not.
 */
export function renderNewsSitemap(entries: NewsSitemapEntry[], { name, language }: { name: string; language: string }): string {
  const publication = `<news:publication><news:name>${escapeXml(name)}</news:name><news:language>${escapeXml(newsLanguage(language))}</news:language></news:publication>`;
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${w3cDate(e.lastmod)}</lastmod>` : ""}<news:news>${publication}<news:publication_date>${w3cDate(e.publishedAt)}</news:publication_date><news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
  );
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join("\n")}${urls.length ? "\n" : ""}</urlset>\n`;
}

/** Headers for every sitemap response. */
export const XML_HEADERS = { "Content-Type": "application/xml; charset=utf-8" } as const;
