import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { loadContent } from "../lib/content/load";
import { createQueries } from "../lib/content/queries";
import { expect, test } from "./fixtures";
import { INDEXABLE_PAGES } from "./sample-pages";
import { DRAFT, SCHEDULED } from "./hidden-stories";
import { NEWS_SITEMAP_PATH, sitemapChunkPath, SITEMAP_PATH } from "../lib/routes";

/**
 * robots.txt and the sitemaps, as crawlers fetch them from the production server: valid against
 * the official XSDs (e2e/schemas, checked with xmllint), complete, and free of hidden stories.
 */
test.skip(({ isMobile }) => isMobile, "one run is enough");

const ROOT = path.resolve(__dirname, "..");
const SCHEMAS = path.join(__dirname, "schemas");
const MINUTE = 60_000;
/**
 * The server re-checks its sitemaps every 30 s and serves the stale copy while it does, so a
 * story may join or leave up to about a minute after its time. Checks near a boundary allow this.
 */
const SLACK_MS = 2 * MINUTE;

let tmp = "";
test.beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-sitemaps-"));
});
test.afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Fails with xmllint's messages unless `xml` is valid (against `xsd`, when given). */
function expectValidXml(name: string, xml: string, xsd?: string) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", ...(xsd ? ["--schema", path.join(SCHEMAS, xsd)] : []), file], { encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  expect(run.status, `${name} against ${xsd ?? "XML well-formedness"}:\n${run.stderr.slice(0, 2000)}`).toBe(0);
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, "&"));
const articleSlug = (loc: string) => /\/articles\/([^/?#]+)$/.exec(new URL(loc).pathname)?.[1];

/** Slugs of the sample stories public at `at`, by the content layer's own rule. */
function publicSlugs(at: Date): string[] {
  return createQueries(loadContent({ root: ROOT }))
    .latest(at)
    .map((s) => s.slug);
}

async function getXml(request: APIRequestContext, url: string) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  return res.text();
}

test("robots.txt allows crawling, keeps out of /api/ and names both sitemaps", async ({ request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  const robots = await res.text();
  expect(robots).toMatch(/^User-Agent: \*$/im);
  expect(robots).toMatch(/^Allow: \/$/m);
  expect(robots).toMatch(/^Disallow: \/api\/$/m);
  const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => new URL(m[1]));
  expect(sitemaps.map((u) => u.pathname).sort()).toEqual([NEWS_SITEMAP_PATH, SITEMAP_PATH]);
  // Absolute URLs on the site's public origin (SITE_URL), the same one the sitemaps use.
  const sitemap = await getXml(request, SITEMAP_PATH);
  expect(new Set(sitemaps.map((u) => u.origin))).toEqual(new Set([new URL(locs(sitemap)[0]).origin]));
});

test("sitemap.xml is valid and lists every public page, and no hidden story", async ({ request }) => {
  const before = new Date();
  const xml = await getXml(request, SITEMAP_PATH);
  const after = new Date();
  // The sample is far below 50,000 URLs: one <urlset>.
  expect(xml).toContain("<urlset");
  expectValidXml("sitemap.xml", xml, "sitemap.xsd");

  const urls = locs(xml);
  expect(new Set(urls).size, "no URL twice").toBe(urls.length);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  expect(origins.size, "every URL absolute, on one origin").toBe(1);
  const paths = urls.map((u) => new URL(u).pathname);
  expect(paths).toEqual(expect.arrayContaining(INDEXABLE_PAGES));

  // Every story public for a while is listed; nothing that is not public yet is.
  const listed = new Set(urls.map(articleSlug).filter(Boolean));
  for (const slug of publicSlugs(new Date(before.getTime() - SLACK_MS))) expect(listed, `public story ${slug}`).toContain(slug);
  const mayBeListed = new Set(publicSlugs(after));
  for (const slug of listed) expect(mayBeListed, `listed story ${slug}`).toContain(slug!);
  expect(xml).not.toContain(DRAFT.slug);
  expect(xml).not.toContain(SCHEDULED.slug);

  // Every URL answers (fetched on the server under test, whatever origin SITE_URL names).
  for (const url of urls) {
    const { pathname } = new URL(url);
    expect((await request.get(pathname, { maxRedirects: 0 })).status(), pathname).toBe(200);
  }
});

test("news-sitemap.xml is valid and lists only public stories of the last 48 hours, newest first", async ({ request }) => {
  const before = new Date();
  const xml = await getXml(request, NEWS_SITEMAP_PATH);
  expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  const urls = locs(xml);
  if (urls.length > 0) {
    // The official sitemap.xsd with Google's news schema for the <news:news> wildcard (see news-urlset.xsd).
    expectValidXml("news-sitemap.xml", xml, "news-urlset.xsd");
  } else {
    // On a day with no story from the last 48 hours the <urlset> is empty, which the XSD (at least one <url>) rejects.
    expectValidXml("news-sitemap.xml", xml);
  }

  const dates = [...xml.matchAll(/<news:publication_date>([^<]+)<\/news:publication_date>/g)].map((m) => Date.parse(m[1]));
  expect(dates).toHaveLength(urls.length);
  expect(
    [...dates].sort((a, b) => b - a),
    "newest first",
  ).toEqual(dates);
  const now = Date.now();
  for (const [i, date] of dates.entries()) {
    expect(date, `${urls[i]} is published`).toBeLessThanOrEqual(now);
    expect(date, `${urls[i]} is at most 48 hours old`).toBeGreaterThan(now - 48 * 60 * MINUTE - SLACK_MS);
  }
  expect(urls.length).toBeLessThanOrEqual(1_000);
  expect(xml).not.toContain(DRAFT.slug);
  expect(xml).not.toContain(SCHEDULED.slug);

  // The window is the rule: every story published between 48 h and a little ago is there.
  const queries = createQueries(loadContent({ root: ROOT }));
  const due = queries
    .latest(new Date(before.getTime() - SLACK_MS))
    .filter((s) => s.publishedAt.getTime() > before.getTime() - 48 * 60 * MINUTE + SLACK_MS)
    .map((s) => s.slug);
  const listed = urls.map(articleSlug);
  for (const slug of due) expect(listed, `recent story ${slug}`).toContain(slug);

  for (const url of urls) {
    const { pathname } = new URL(url);
    expect((await request.get(pathname, { maxRedirects: 0 })).status(), pathname).toBe(200);
  }
  if (urls.length > 0) {
    expect(xml).toContain(`<news:name>${queries.site.name}</news:name>`);
    expect(xml).toContain("<news:language>en</news:language>");
  }
});

test("a sitemap chunk that does not exist is a 404", async ({ request }) => {
  for (const url of [sitemapChunkPath(999), "/sitemaps/abc", sitemapChunkPath(1), "/sitemaps/0.xml", "/sitemaps/1.xml.gz"]) {
    // The sample fits one <urlset>, so even /sitemaps/1.xml does not exist.
    expect((await request.get(url)).status(), url).toBe(404);
  }
});
