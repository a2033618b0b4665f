import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import path from "node:path";
import { JSDOM } from "jsdom";
import { loadContent } from "../lib/content/load";
import { createQueries } from "../lib/content/queries";
import { expect, test } from "./fixtures";
import {
  listsOf,
  removeStory,
  ROOT,
  runPublish,
  siteManifest,
  storyFile,
  storyLabel,
  storyStatus,
  urlsWith,
  urlsWithout,
  writeStory,
  type TestStory,
} from "./publishing";
import { E2E_CONTENT_DIR, E2E_ORIGIN, E2E_PRERENDER_STORIES } from "./server-env";
import { articlePath, cropPath, NEWS_SITEMAP_PATH, searchPath, SITEMAP_PATH } from "../lib/routes";

/**
 * Publishing without a rebuild, on the running production build (Playwright's server): a story
 * file written into the site's content folder and sent with `npm run publish` is served within
 * 10 s, everywhere it belongs; so are an edit with a correction, an unpublish (status: draft) and
 * a deletion, in site search too. A file with an error is refused, naming file, line and field, and changes nothing.
 * An archive story that no build prerendered renders with its status, metadata and JSON-LD.
 */
const VISIBLE_WITHIN = { timeout: 10_000, intervals: [250, 500, 1_000] };

/**
 * Slugs are new on every run: the site's caches outlive a server (Next's file-system cache under
 * .next/), and a URL answered for an earlier run must not decide what this one sees.
 */
const RUN = Date.now().toString(36);

const IMAGE = {
  src: "/images/articles/tidal-energy-trial-begins-off-port-alder.jpg",
  alt: "A large yellow turbine hangs from the crane of a work vessel above grey sea.",
  caption: "A work vessel off Port Alder, where the harbour authority is testing floating tide gauges.",
  credit: "Kessel Press Agency photo by Jens Aalto",
};

const story = (over: Partial<TestStory> = {}): TestStory => ({
  slug: `e2e-publish-floating-tide-gauges-${RUN}`,
  title: "Port Alder harbour tests floating tide gauges built by school pupils",
  dek: "Six gauges made in a city school workshop will report the height of the Kessel Sea every minute, the harbour authority said.",
  section: "science",
  authors: ["jonah-feld"],
  tags: ["energy", "port-alder"],
  publishedAt: new Date(Date.now() - 60_000),
  image: IMAGE,
  body: "The harbour authority of Port Alder has moored six floating tide gauges built by pupils of the Orlen Street school, it said on Monday.\n\nThe gauges send a reading every minute to a public page, according to the authority's marine officer, Ada Vell.",
  ...over,
});

const BAD = story({
  slug: `e2e-publish-unknown-section-${RUN}`,
  title: "Kessel Sea ferry timetable changes for the spring crossings",
  section: "no-such-section",
});

const ARCHIVE = story({
  slug: `e2e-publish-archive-lighthouse-keepers-${RUN}`,
  title: "Last keepers leave the Skarholm lighthouse as its lamp goes automatic",
  dek: "The two keepers of the island light handed over to a remote control room in Port Alder, the coastguard said.",
  section: "culture",
  authors: ["priya-vannelli"],
  tags: ["port-alder"],
  // Years before the newest stories, so no build would prerender it.
  publishedAt: new Date(Date.now() - 3 * 365 * 24 * 3_600_000),
  body: "The last two keepers of the Skarholm lighthouse left the island on Friday, the coastguard said.",
});

const TAKEN_DOWN = story({ slug: `e2e-publish-taken-down-share-image-${RUN}`, title: "Harbour crane contract goes to a Port Alder yard" });

const WRITTEN = [story().slug, BAD.slug, ARCHIVE.slug, TAKEN_DOWN.slug];

test.describe.configure({ timeout: 120_000 });

test.afterAll(async ({ playwright }) => {
  const removed = WRITTEN.filter(removeStory);
  const request = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
  const held = Object.keys(await siteManifest(request));
  await request.dispose();
  if (removed.length || WRITTEN.some((slug) => held.includes(`articles/${slug}.mdx`))) {
    const cleanup = await runPublish(E2E_ORIGIN);
    expect(cleanup.code, cleanup.output).toBe(0);
  }
});

/** A page as a reader should see it: its status, and text it must and must not show. */
interface Expected {
  url: string;
  status: number;
  has?: string[];
  hasNot?: string[];
}

/** What is not yet as expected, one line each (all URLs fetched at once). */
async function unmet(request: APIRequestContext, expected: Expected[]): Promise<string[]> {
  const results = await Promise.all(
    expected.map(async ({ url, status, has = [], hasNot = [] }) => {
      const res = await request.get(url, { maxRedirects: 0 });
      const body = await res.text();
      return [
        ...(res.status() === status ? [] : [`${url}: ${res.status()}, not ${status}`]),
        ...has.filter((t) => !body.includes(t)).map((t) => `${url}: lacks "${t}"`),
        ...hasNot.filter((t) => body.includes(t)).map((t) => `${url}: still shows "${t}"`),
      ];
    }),
  );
  return results.flat();
}

/**
 * Runs `npm run publish`, then waits until every page is as expected, at most 10 s after the
 * command returns. Returns how long the command and the wait took, for the log.
 */
async function publishAndWait(request: APIRequestContext, baseURL: string, expected: Expected[]): Promise<string> {
  const started = performance.now();
  const result = await runPublish(baseURL);
  expect(result.code, result.output).toBe(0);
  const published = performance.now();
  await expect.poll(() => unmet(request, expected), VISIBLE_WITHIN).toEqual([]);
  return `command ${Math.round(published - started)} ms + visible ${Math.round(performance.now() - published)} ms`;
}

test("a new story, an edit with a correction, an unpublish and a deletion each reach readers within 10 s", async ({ request, baseURL }) => {
  const first = story();
  const { slug } = first;
  const page = articlePath(slug);
  const lists = listsOf(first);
  const timings: string[] = [];
  expect(await storyStatus(request, slug)).toBe(404);
  // Site search finds it by a phrase from its body while it is public, and never otherwise.
  const search = searchPath({ q: '"Orlen Street school"' });

  await test.step("new story: its page, the front page, its section, feeds and sitemaps", async () => {
    writeStory(first);
    const took = await publishAndWait(request, baseURL!, [
      { url: page, status: 200, has: [first.title] },
      ...lists.all.map((url) => ({ url, status: 200, has: [page, ...(lists.withHeadline.includes(url) ? [first.title] : [])] })),
      { url: search, status: 200, has: [page, first.title] },
    ]);
    timings.push(`new story: ${took}`);
    const card = await request.get(cropPath(slug, "og"));
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/jpeg");
  });

  const edited = story({
    title: "School-built tide gauges go to sea in a Port Alder harbour trial",
    corrections: [
      {
        date: new Date().toISOString().slice(0, 10),
        text: "An earlier version of this story gave the wrong number of gauges; there are six.",
      },
    ],
  });
  await test.step("edit: a correction and a new headline", async () => {
    writeStory(edited);
    const took = await publishAndWait(request, baseURL!, [
      { url: page, status: 200, has: [edited.title, edited.corrections![0].text], hasNot: [first.title] },
      ...lists.withHeadline.map((url) => ({ url, status: 200, has: [edited.title], hasNot: [first.title] })),
      { url: search, status: 200, has: [page, edited.title], hasNot: [first.title] },
    ]);
    timings.push(`correction: ${took}`);
    const doc = new JSDOM(await (await request.get(page)).text()).window.document;
    expect(doc.querySelector("section.corrections")?.textContent).toContain(edited.corrections![0].text);
  });

  await test.step("unpublish (status: draft): 404, and gone from every list, feed and sitemap", async () => {
    writeStory({ ...edited, status: "draft" });
    const took = await publishAndWait(request, baseURL!, [
      { url: page, status: 404 },
      ...lists.all.map((url) => ({ url, status: 200, hasNot: [slug, edited.title, "tide gauges"] })),
      { url: search, status: 200, hasNot: [page, edited.title] },
    ]);
    timings.push(`unpublish: ${took}`);
  });

  await test.step("delete the file: still 404, and gone from the index", async () => {
    removeStory(slug);
    await publishAndWait(request, baseURL!, [
      { url: page, status: 404 },
      ...lists.all.map((url) => ({ url, status: 200, hasNot: [slug] })),
    ]);
    expect(Object.keys(await siteManifest(request))).not.toContain(`articles/${slug}.mdx`);
  });
  console.log(`publish to visible on every page, list, feed and sitemap: ${timings.join("; ")}`);
});

async function publish(baseURL: string) {
  const result = await runPublish(baseURL);
  expect(result.code, result.output).toBe(0);
}

test("a story with an error is refused, naming file, line and field, and the site is unchanged", async ({ request, baseURL }) => {
  const before = await siteManifest(request);
  writeStory(BAD);
  const line = fs.readFileSync(storyFile(BAD.slug), "utf8").split("\n").indexOf(`section: ${BAD.section}`) + 1;
  const result = await runPublish(baseURL!);
  removeStory(BAD.slug);

  expect(result.code, result.output).toBe(1);
  expect(result.output).toContain(`${storyLabel(BAD.slug)}:${line} section`);
  expect(result.output).toContain(`\`section\` is "${BAD.section}", which is not a declared section`);
  expect(await siteManifest(request)).toEqual(before);
  expect(await storyStatus(request, BAD.slug)).toBe(404);
  expect(await urlsWith(request, listsOf(story()).all, BAD.slug)).toEqual([]);
});

/** The page's canonical URL, Open Graph tags and JSON-LD article. */
async function articleMetadata(request: APIRequestContext, slug: string) {
  const res = await request.get(articlePath(slug), { maxRedirects: 0 });
  const doc = new JSDOM(await res.text()).window.document;
  const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((s) => [JSON.parse(s.textContent!)].flat());
  return {
    status: res.status(),
    title: doc.title,
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    og: {
      type: meta("og:type"),
      url: meta("og:url"),
      title: meta("og:title"),
      image: meta("og:image"),
      published: meta("article:published_time"),
    },
    article: jsonLd.find((d) => d["@type"] === "NewsArticle"),
  };
}

function expectArticleMetadata(
  m: Awaited<ReturnType<typeof articleMetadata>>,
  baseURL: string,
  s: { slug: string; title: string; publishedAt: Date },
) {
  const url = `${baseURL}${articlePath(s.slug)}`;
  expect(m.status).toBe(200);
  expect(m.title).toBe(`${s.title} | The Meridian Ledger`);
  expect(m.canonical).toBe(url);
  expect(m.og).toMatchObject({ type: "article", url, title: s.title, published: s.publishedAt.toISOString() });
  expect(m.og.image).toMatch(new RegExp(`^${baseURL}/`));
  expect(m.article).toMatchObject({ headline: s.title, datePublished: s.publishedAt.toISOString(), mainEntityOfPage: { "@id": url } });
}

const prerenderedArticles = () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, unknown>;
  };
  return new Set(Object.keys(manifest.routes).filter((r) => r.startsWith(articlePath(""))));
};

test("an archive story that no build prerendered renders on request, with its status, metadata and JSON-LD", async ({
  request,
  baseURL,
}) => {
  const prerendered = prerenderedArticles();
  expect(prerendered.size, "the e2e build prerenders only the newest stories").toBe(E2E_PRERENDER_STORIES);

  // A sample story older than the newest few: in the index since the build, never prerendered.
  const sample = createQueries(loadContent({ root: ROOT, contentDir: E2E_CONTENT_DIR }))
    .latest(new Date())
    .filter((s) => !prerendered.has(articlePath(s.slug)));
  expect(sample.length).toBeGreaterThan(0);
  const oldest = sample.at(-1)!;
  expectArticleMetadata(await articleMetadata(request, oldest.slug), baseURL!, oldest);

  // A story dated years ago, published now: its first request renders it.
  writeStory(ARCHIVE);
  await publish(baseURL!);
  expect(prerendered.has(articlePath(ARCHIVE.slug))).toBe(false);
  await expect.poll(() => storyStatus(request, ARCHIVE.slug), VISIBLE_WITHIN).toBe(200);
  const publishedAt = new Date(Math.floor(ARCHIVE.publishedAt.getTime() / 1000) * 1000);
  expectArticleMetadata(await articleMetadata(request, ARCHIVE.slug), baseURL!, { ...ARCHIVE, publishedAt });
  // In the sitemap; too old for the news sitemap (the last 48 hours).
  await expect.poll(() => urlsWithout(request, [SITEMAP_PATH], articlePath(ARCHIVE.slug)), VISIBLE_WITHIN).toEqual([]);
  expect(await urlsWith(request, [NEWS_SITEMAP_PATH], ARCHIVE.slug)).toEqual([]);
});

test("a story taken down loses its share image within 10 s too", async ({ request, baseURL }) => {
  // The crop route is cached; a publish expires it by the story's cache tag, as it does the page.
  writeStory(TAKEN_DOWN);
  await publish(baseURL!);
  await expect.poll(() => storyStatus(request, TAKEN_DOWN.slug), VISIBLE_WITHIN).toBe(200);
  expect((await request.get(cropPath(TAKEN_DOWN.slug, "og"))).status()).toBe(200);
  removeStory(TAKEN_DOWN.slug);
  await publish(baseURL!);
  expect(await storyStatus(request, TAKEN_DOWN.slug)).toBe(404);
  await expect.poll(async () => (await request.get(cropPath(TAKEN_DOWN.slug, "og"))).status(), VISIBLE_WITHIN).toBe(404);
});
