import fs from "node:fs";
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
import { articlePath, NEWS_SITEMAP_PATH, SITEMAP_PATH } from "../lib/routes";

/**
 * Publishing without a rebuild, on the running production build (Playwright's server): a story
 * file written into the site's content folder and sent with `npm run publish` is served within
 * 10 s, everywhere it belongs; so are an edit with a correction, an unpublish (status: draft) and
 * a deletion. A file with an error is refused, naming file, line and field, and changes nothing.
 * An archive story that no build prerendered renders with its status, metadata and JSON-LD.
 */
const VISIBLE_WITHIN = { timeout: 10_000, intervals: [250, 500, 1_000] };

const IMAGE = {
  src: "/images/articles/tidal-energy-trial-begins-off-port-alder.jpg",
  alt: "A large yellow turbine hangs from the crane of a work vessel above grey sea.",
  caption: "A work vessel off Port Alder, where the harbour authority is testing floating tide gauges.",
  credit: "Kessel Press Agency photo by Jens Aalto",
};

const story = (over: Partial<TestStory> = {}): TestStory => ({
  slug: "e2e-publish-floating-tide-gauges",
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
  slug: "e2e-publish-unknown-section",
  title: "Kessel Sea ferry timetable changes for the spring crossings",
  section: "no-such-section",
});

const ARCHIVE = story({
  slug: "e2e-publish-archive-lighthouse-keepers",
  title: "Last keepers leave the Skarholm lighthouse as its lamp goes automatic",
  dek: "The two keepers of the island light handed over to a remote control room in Port Alder, the coastguard said.",
  section: "culture",
  authors: ["priya-vannelli"],
  tags: ["port-alder"],
  // Years before the newest stories, so no build would prerender it.
  publishedAt: new Date(Date.now() - 3 * 365 * 24 * 3_600_000),
  body: "The last two keepers of the Skarholm lighthouse left the island on Friday, the coastguard said.",
});

const WRITTEN = [story().slug, BAD.slug, ARCHIVE.slug];

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

/** Runs `npm run publish` and returns when it started (publish-to-visible includes the command). */
async function publish(baseURL: string) {
  const started = performance.now();
  const result = await runPublish(baseURL);
  expect(result.code, result.output).toBe(0);
  return started;
}

const since = (t: number) => `${Math.round(performance.now() - t)} ms`;

test("a new story, an edit with a correction, an unpublish and a deletion each reach readers within 10 s", async ({ request, baseURL }) => {
  const first = story();
  const { slug } = first;
  const lists = listsOf(first);
  const timings: string[] = [];
  expect(await storyStatus(request, slug)).toBe(404);

  await test.step("new story", async () => {
    writeStory(first);
    const published = await publish(baseURL!);
    await expect
      .poll(async () => {
        const res = await request.get(articlePath(slug));
        return res.status() === 200 && (await res.text()).includes(first.title);
      }, VISIBLE_WITHIN)
      .toBe(true);
    await expect.poll(() => urlsWithout(request, lists.all, articlePath(slug)), VISIBLE_WITHIN).toEqual([]);
    await expect.poll(() => urlsWithout(request, lists.withHeadline, first.title), VISIBLE_WITHIN).toEqual([]);
    timings.push(`new story ${since(published)}`);
  });

  const edited = story({
    title: "Port Alder harbour tests floating tide gauges built by school pupils after storm season",
    corrections: [
      {
        date: new Date().toISOString().slice(0, 10),
        text: "An earlier version of this story gave the wrong number of gauges; there are six.",
      },
    ],
  });
  await test.step("edit: a correction and a new headline", async () => {
    writeStory(edited);
    const published = await publish(baseURL!);
    await expect
      .poll(async () => {
        const res = await request.get(articlePath(slug));
        const html = await res.text();
        return res.status() === 200 && html.includes(edited.title) && html.includes("gave the wrong number of gauges");
      }, VISIBLE_WITHIN)
      .toBe(true);
    await expect.poll(() => urlsWithout(request, lists.withHeadline, edited.title), VISIBLE_WITHIN).toEqual([]);
    timings.push(`correction ${since(published)}`);
    const doc = new JSDOM(await (await request.get(articlePath(slug))).text()).window.document;
    expect(doc.querySelector("section.corrections")?.textContent).toContain(edited.corrections![0].text);
  });

  await test.step("unpublish: status draft", async () => {
    writeStory({ ...edited, status: "draft" });
    const published = await publish(baseURL!);
    await expect.poll(() => storyStatus(request, slug), VISIBLE_WITHIN).toBe(404);
    await expect.poll(() => urlsWith(request, lists.all, slug), VISIBLE_WITHIN).toEqual([]);
    await expect.poll(() => urlsWith(request, lists.all, "tide gauges"), VISIBLE_WITHIN).toEqual([]);
    timings.push(`unpublish ${since(published)}`);
  });

  await test.step("delete the file", async () => {
    removeStory(slug);
    await publish(baseURL!);
    expect(await storyStatus(request, slug)).toBe(404);
    expect(await urlsWith(request, lists.all, slug)).toEqual([]);
    expect(Object.keys(await siteManifest(request))).not.toContain(`articles/${slug}.mdx`);
  });
  console.log(`publish to visible (every list, feed and sitemap): ${timings.join(", ")}`);
});

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
async function articleMetadata(request: import("@playwright/test").APIRequestContext, slug: string) {
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
