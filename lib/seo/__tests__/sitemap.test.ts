import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createQueries } from "@/lib/content/queries";
import type { Content, Story } from "@/lib/content/types";
import { contentObject, storyObject } from "@/lib/content/__tests__/fixture";
import {
  escapeXml,
  MAX_NEWS_URLS,
  newsLanguage,
  newsSitemapEntries,
  publicSitemap,
  type RenderedSitemap,
  renderNewsSitemap,
  renderSitemap,
  renderUrlset,
  sitemapEntries,
  type SitemapEntry,
  w3cDate,
} from "../sitemap";
import { articlePath, FRONT_PATH, listPath, sitemapChunkPath, TRUST_PATHS } from "@/lib/routes";

/** The official XSDs (e2e/schemas), checked with xmllint (Debian's libxml2-utils). */
const SCHEMAS = path.resolve(__dirname, "../../../e2e/schemas");
const XSD = {
  urlset: path.join(SCHEMAS, "sitemap.xsd"),
  index: path.join(SCHEMAS, "siteindex.xsd"),
  news: path.join(SCHEMAS, "news-urlset.xsd"),
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sitemap-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let fileCount = 0;
function xmllint(xml: string, args: string[]) {
  const file = path.join(tmp, `${++fileCount}.xml`);
  fs.writeFileSync(file, xml);
  const run = spawnSync("xmllint", [...args, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return run;
}
/** Fails with xmllint's messages unless `xml` is valid against `xsd`. */
function expectValid(xml: string, xsd: string) {
  const run = xmllint(xml, ["--noout", "--schema", xsd]);
  expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
}
/** The value of an XPath expression (xmllint ends it with a newline). */
const xpath = (xml: string, expr: string) => xmllint(xml, ["--xpath", expr]).stdout.replace(/\n$/, "");

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

const NOW = new Date("2026-11-25T12:00:00Z");
const HOUR = 3_600_000;
const MINUTE = 60_000;
const BASE = "https://news.example.org";

/** A published story `ageMs` before NOW (negative: scheduled), with overrides. */
const story = (slug: string, ageMs: number, overrides: Partial<Story> = {}): Story =>
  storyObject(slug, new Date(NOW.getTime() - ageMs), overrides);

/** Content as loadContent returns it: stories newest first. */
const contentOf = (stories: Story[], language = "en-GB"): Content =>
  contentObject(stories, { site: { name: "The Test & <Ledger>", language, timeZone: "Europe/London" } });

/** `n` entries with distinct URLs. */
function generated(n: number): SitemapEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    loc: `${BASE}${articlePath(`story-${i}`)}`,
    lastmod: new Date(NOW.getTime() - i * MINUTE),
  }));
}

describe("sitemapEntries()", () => {
  // The entries are built while the suite is collected, so SITE_URL is set for its whole body.
  vi.stubEnv("SITE_URL", `${BASE}/`);
  afterAll(() => vi.unstubAllEnvs());

  const queries = createQueries(
    contentOf([
      story("old-news", 100 * HOUR, { tags: ["harbour"], updatedAt: new Date(NOW.getTime() - 2 * HOUR) }),
      story("fresh", 3 * HOUR, { section: "politics", authors: ["ben-editor"], tags: ["vote"] }),
      story("a-draft", HOUR, { status: "draft", tags: ["secret-tag"], authors: ["ben-editor"] }),
      story("scheduled", -HOUR, { section: "politics", tags: ["future-tag"], authors: ["ben-editor"] }),
    ]),
  );
  const entries = sitemapEntries(queries, NOW);
  const byLoc = new Map(entries.map((e) => [e.loc, e.lastmod?.toISOString()]));
  const iso = (ageMs: number) => new Date(NOW.getTime() - ageMs).toISOString();

  it("lists the front page, sections, public stories, public tags, authors and the trust pages, with absolute URLs from SITE_URL", () => {
    expect(entries.map((e) => e.loc).sort()).toEqual(
      [
        FRONT_PATH,
        listPath("section", "world"),
        listPath("section", "politics"),
        articlePath("old-news"),
        articlePath("fresh"),
        listPath("tag", "harbour"),
        listPath("tag", "vote"),
        listPath("author", "ana-writer"),
        listPath("author", "ben-editor"),
        TRUST_PATHS.about,
        TRUST_PATHS.standards,
        TRUST_PATHS.correctionsPolicy,
      ]
        .map((p) => BASE + p)
        .sort(),
    );
  });

  it("never lists a draft or a scheduled story, nor a tag only they use", () => {
    const all = entries.map((e) => e.loc).join("\n");
    for (const hidden of ["a-draft", "scheduled", "secret-tag", "future-tag"]) expect(all).not.toContain(hidden);
  });

  it("dates a story by updatedAt, else publishedAt, and a list by its newest public story", () => {
    expect(byLoc.get(`${BASE}${articlePath("old-news")}`)).toBe(iso(2 * HOUR));
    expect(byLoc.get(`${BASE}${articlePath("fresh")}`)).toBe(iso(3 * HOUR));
    expect(byLoc.get(`${BASE}/`)).toBe(iso(2 * HOUR));
    expect(byLoc.get(`${BASE}${listPath("section", "politics")}`)).toBe(iso(3 * HOUR));
    expect(byLoc.get(`${BASE}${listPath("tag", "harbour")}`)).toBe(iso(2 * HOUR));
    // Ben's only public story is "fresh": his draft and scheduled stories do not date his page.
    expect(byLoc.get(`${BASE}${listPath("author", "ben-editor")}`)).toBe(iso(3 * HOUR));
  });

  it("renders a valid <urlset> with W3C datetimes", () => {
    const sitemap = renderSitemap(entries, { baseUrl: BASE });
    expect(sitemap.kind).toBe("urlset");
    expectValid(sitemap.xml, XSD.urlset);
    expect(sitemap.xml).toContain(`<url><loc>${BASE}${articlePath("old-news")}</loc><lastmod>2026-11-25T10:00:00Z</lastmod></url>`);
  });
});

describe("renderSitemap()", () => {
  it("splits 120,000 URLs into a sitemap index of 3 valid sitemaps of at most 50,000, each URL once", () => {
    const entries = generated(120_000);
    const sitemap = renderSitemap(entries, { baseUrl: `${BASE}/` });
    if (sitemap.kind !== "index") throw new Error("expected a sitemap index");
    expectValid(sitemap.xml, XSD.index);
    expect(locs(sitemap.xml)).toEqual([1, 2, 3].map((n) => `${BASE}${sitemapChunkPath(n)}`));
    // Each child is dated by its newest URL.
    expect(sitemap.xml).toContain(`<loc>${BASE}${sitemapChunkPath(2)}</loc><lastmod>${w3cDate(entries[50_000].lastmod!)}</lastmod>`);

    expect(sitemap.chunks.map((c) => c.length)).toEqual([50_000, 50_000, 20_000]);
    const seen: string[] = [];
    for (const n of [1, 2, 3]) {
      const xml = sitemap.chunk(n)!;
      expectValid(xml, XSD.urlset);
      const urls = locs(xml);
      expect(urls.length).toBeLessThanOrEqual(50_000);
      seen.push(...urls);
    }
    expect(seen).toHaveLength(120_000);
    expect(new Set(seen).size).toBe(120_000);
    expect(seen).toEqual(entries.map((e) => e.loc));
    for (const n of [0, 4, 1.5, NaN]) expect(sitemap.chunk(n)).toBeUndefined();
  }, 60_000); // 120,000 URLs through xmllint: seconds on a busy 2-core machine

  it("keeps exactly 50,000 URLs in one <urlset>, and splits at 50,001", () => {
    const single = renderSitemap(generated(50_000), { baseUrl: BASE });
    expect(single.kind).toBe("urlset");
    expect(locs(single.xml)).toHaveLength(50_000);
    expectValid(single.xml, XSD.urlset);

    const split = renderSitemap(generated(50_001), { baseUrl: BASE });
    expect(split.kind === "index" && split.chunks.map((c) => c.length)).toEqual([50_000, 1]);
  });

  it("honours a smaller maxPerFile", () => {
    const sitemap = renderSitemap(generated(5), { baseUrl: BASE, maxPerFile: 2 });
    expect(sitemap.kind === "index" && sitemap.chunks.map((c) => c.length)).toEqual([2, 2, 1]);
  });
});

describe("XML escaping", () => {
  const nasty = `Tom & Jerry <b>"quoted"</b> it's ]]> done`;

  it("escapes the five special characters and drops characters XML cannot carry", () => {
    expect(escapeXml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&apos;");
    expect(escapeXml("a\u0000b\u0008c\u001Fd\tе\n")).toBe("abcd\tе\n");
    expect(escapeXml("\uD800x")).toBe("x");
    expect(escapeXml("emoji 📰 ok")).toBe("emoji 📰 ok");
  });

  it("round-trips URLs and titles through a real XML parser", () => {
    const loc = `${BASE}/search?q=a&b=<c>&d="e"&f='g'`;
    const urlset = renderUrlset([{ loc }]);
    expect(urlset).toContain("<loc>https://news.example.org/search?q=a&amp;b=&lt;c&gt;&amp;d=&quot;e&quot;&amp;f=&apos;g&apos;</loc>");
    expect(xpath(urlset, 'string(//*[local-name()="loc"])')).toBe(loc);

    const news = renderNewsSitemap([{ loc, publishedAt: NOW, title: nasty }], { name: "A & B <News>", language: "en-GB" });
    expectValid(news, XSD.news);
    expect(xpath(news, 'string(//*[local-name()="title"])')).toBe(nasty);
    expect(xpath(news, 'string(//*[local-name()="name"])')).toBe("A & B <News>");
  });
});

describe("news sitemap", () => {
  const at = (ageMs: number) => new Date(NOW.getTime() - ageMs);

  it("lists public stories of the last 48 hours only, newest first", () => {
    const queries = createQueries(
      contentOf([
        story("just-in", MINUTE),
        story("almost-two-days", 47 * HOUR + 59 * MINUTE),
        story("exactly-two-days", 48 * HOUR),
        story("just-over-two-days", 48 * HOUR + MINUTE),
        story("last-week", 7 * 24 * HOUR),
        story("scheduled", -MINUTE),
        story("draft", 2 * HOUR, { status: "draft" }),
        story("this-instant", 0),
      ]),
    );
    const entries = newsSitemapEntries(queries, NOW, BASE);
    expect(entries.map((e) => e.loc)).toEqual(["this-instant", "just-in", "almost-two-days"].map((s) => `${BASE}${articlePath(s)}`));
    expect(entries.map((e) => e.publishedAt)).toEqual([at(0), at(MINUTE), at(47 * HOUR + 59 * MINUTE)]);

    const xml = renderNewsSitemap(entries, { name: queries.site.name, language: queries.site.language });
    expectValid(xml, XSD.news);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain(
      `<url><loc>${BASE}${articlePath("just-in")}</loc><news:news><news:publication><news:name>The Test &amp; &lt;Ledger&gt;</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-11-25T11:59:00Z</news:publication_date><news:title>Headline just-in</news:title></news:news></url>`,
    );
  });

  it("keeps live coverage updated in the window, with its newest update as lastmod (schema-valid)", () => {
    const live = story("live-old-start", 72 * HOUR, { type: "live", updatedAt: at(HOUR) });
    const stale = story("live-stale", 96 * HOUR, { type: "live", updatedAt: at(50 * HOUR) });
    const entries = newsSitemapEntries(createQueries(contentOf([live, stale])), NOW, BASE);
    expect(entries.map((e) => e.loc)).toEqual([`${BASE}${articlePath("live-old-start")}`]);
    expect(entries[0].lastmod).toEqual(at(HOUR));
    const xml = renderNewsSitemap(entries, { name: "T", language: "en-GB" });
    expectValid(xml, XSD.news);
    expect(xml).toContain(`</loc><lastmod>${w3cDate(at(HOUR))}</lastmod><news:news>`);
  });

  it("keeps the 1,000 newest of 1,500 fresh stories", () => {
    // 1,500 stories published 1 to 1,500 minutes (25 h) ago, given to the content layer shuffled.
    const stories = Array.from({ length: 1_500 }, (_, i) => story(`fresh-${i + 1}`, (i + 1) * MINUTE));
    stories.sort((a, b) => a.slug.localeCompare(b.slug));
    const entries = newsSitemapEntries(createQueries(contentOf(stories)), NOW, BASE);
    expect(entries).toHaveLength(MAX_NEWS_URLS);
    expect(entries.map((e) => e.loc)).toEqual(Array.from({ length: 1_000 }, (_, i) => `${BASE}${articlePath(`fresh-${i + 1}`)}`));
    const xml = renderNewsSitemap(entries, { name: "T", language: "en-GB" });
    expectValid(xml, XSD.news);
    expect(locs(xml)).toHaveLength(1_000);
  });

  it("renders an empty but well-formed <urlset> when nothing is new", () => {
    const xml = renderNewsSitemap(newsSitemapEntries(createQueries(contentOf([story("old", 72 * HOUR)])), NOW, BASE), {
      name: "T",
      language: "en",
    });
    expect(xmllint(xml, ["--noout"]).status).toBe(0);
    expect(locs(xml)).toEqual([]);
  });

  it("writes the language as Google News wants it", () => {
    expect(newsLanguage("en-GB")).toBe("en");
    expect(newsLanguage("EN")).toBe("en");
    expect(newsLanguage("pt-BR")).toBe("pt");
    expect(newsLanguage("fil-PH")).toBe("fil");
    expect(newsLanguage("zh-CN")).toBe("zh-cn");
    expect(newsLanguage("zh-Hans")).toBe("zh-cn");
    expect(newsLanguage("zh-TW")).toBe("zh-tw");
    expect(newsLanguage("zh-Hant-HK")).toBe("zh-tw");
    expect(() => newsLanguage("English")).toThrow(/ISO 639/);
  });
});

describe("publicSitemap: rendered once per snapshot until the next scheduled story goes public", () => {
  const BASE_URL = "https://news.example.test";
  const stories = [story("scheduled", -HOUR, { tags: ["future-tag"] }), story("public", HOUR), story("later", -2 * HOUR)];
  const queries = createQueries(contentOf(stories));
  const locs = (s: RenderedSitemap) => s.xml;

  it("knows when the public view next changes on its own", () => {
    expect(queries.nextPublicChange(NOW)).toEqual(new Date(NOW.getTime() + HOUR));
    expect(queries.nextPublicChange(new Date(NOW.getTime() + HOUR))).toEqual(new Date(NOW.getTime() + 2 * HOUR));
    expect(queries.nextPublicChange(new Date(NOW.getTime() + 2 * HOUR))).toBeUndefined();
  });

  it("gives the same render until then, a new one from that moment, and a new one for new queries", () => {
    const first = publicSitemap(queries, NOW, BASE_URL);
    expect(locs(first)).not.toContain("scheduled");
    expect(publicSitemap(queries, new Date(NOW.getTime() + HOUR - 1), BASE_URL)).toBe(first);
    const atRelease = publicSitemap(queries, new Date(NOW.getTime() + HOUR), BASE_URL);
    expect(atRelease).not.toBe(first);
    expect(locs(atRelease)).toContain(articlePath("scheduled"));
    expect(locs(atRelease)).toContain(listPath("tag", "future-tag"));
    expect(locs(atRelease)).not.toContain(articlePath("later"));
    // An earlier time than the kept render's, another origin, or a publish (new queries): rendered again.
    expect(locs(publicSitemap(queries, NOW, BASE_URL))).not.toContain("scheduled");
    expect(locs(publicSitemap(queries, NOW, "https://other.example.test"))).toContain("https://other.example.test/");
    const republished = createQueries(contentOf(stories.filter((s) => s.slug !== "public")));
    expect(locs(publicSitemap(republished, NOW, BASE_URL))).not.toContain(articlePath("public"));
  });
});
