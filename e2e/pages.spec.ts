import { expect, PAGE_TYPES, test } from "./fixtures";
import { LIVE_SLUG } from "./sample-pages";
import { ROOT } from "./publishing";
import { E2E_CONTENT_DIR } from "./server-env";
import { FEED_SIZE } from "../lib/feed/build";
import { loadContent } from "../lib/content/load";
import { createQueries } from "../lib/content/queries";
import { articlePath, feedPath, FRONT_PATH, livePagePath } from "../lib/routes";

test("front page: lead story, top stories, then the latest by section", async ({ page }) => {
  await page.goto(PAGE_TYPES.front);
  await expect(page.locator("h1")).toHaveCount(1);
  const lead = page.locator(".lead-story .story-card");
  await expect(lead.locator("h2")).toBeVisible();
  await expect(lead.locator("img")).toHaveAttribute("fetchpriority", "high");
  expect(await page.locator(".top-stories .story-card").count()).toBeGreaterThanOrEqual(3);
  const sections = page.locator("section.front-section");
  expect(await sections.count()).toBeGreaterThanOrEqual(4);
  await expect(sections.first().getByRole("heading", { level: 2 })).toBeVisible();
  // The newest public story leads, and nothing appears twice.
  const hrefs = await page
    .locator("main .story-card h2 a, main .story-card h3 a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(new Set(hrefs).size).toBe(hrefs.length);
});

test("header: trending strip and section navigation; footer", async ({ page }) => {
  await page.goto(PAGE_TYPES.front);
  const trending = page.getByRole("navigation", { name: "Trending" });
  await expect(trending.getByRole("link", { name: "Harlow Pass" })).toHaveAttribute("href", PAGE_TYPES.tag);
  const sections = page.getByRole("navigation", { name: "Sections" });
  for (const name of ["World", "Politics", "Business", "Science", "Culture"]) {
    await expect(sections.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.locator("body > footer, footer.site-footer")).toBeVisible();
});

test("section page lists its stories newest first", async ({ page }) => {
  await page.goto(PAGE_TYPES.section);
  await expect(page.locator("h1")).toHaveText("World");
  const times = await page.locator(".story-list time").evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute("datetime")!)));
  expect(times.length).toBeGreaterThanOrEqual(3);
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  // Each card names its section in the line above the headline.
  const sections = await page.locator(".story-list .story-card > p:first-of-type").allTextContents();
  expect(sections.every((s) => s.startsWith("World"))).toBe(true);
});

test("tag page lists every story with the tag", async ({ page }) => {
  await page.goto(PAGE_TYPES.tag);
  await expect(page.locator("h1")).toHaveText("Harlow Pass");
  const links = await page.locator(".story-list h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(links).toContain(PAGE_TYPES.article);
  expect(links).toContain(articlePath("harlow-pass-clash-what-we-know"));
});

test("author page shows the author box content and their stories", async ({ page }) => {
  await page.goto(PAGE_TYPES.author);
  await expect(page.locator("h1")).toHaveText("Mara Okafor");
  await expect(page.locator(".author-profile img")).toHaveAttribute("alt", "Photo of Mara Okafor");
  await expect(page.locator(".author-profile")).toContainText("Defence correspondent");
  await expect(page.locator(".author-bio")).not.toBeEmpty();
  const links = await page.locator(".story-list h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(links).toContain(PAGE_TYPES.article);
});

test("the feed is served as RSS", async ({ request }) => {
  const res = await request.get(feedPath());
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await res.text();
  expect(xml).toContain("<rss");
  // Every public sample story (fewer than a feed holds), by the content layer's own rule.
  const sample = createQueries(loadContent({ root: ROOT, contentDir: E2E_CONTENT_DIR })).latest(new Date());
  expect((xml.match(/<item>/g) ?? []).length).toBe(Math.min(sample.length, FEED_SIZE));
});

test.describe("unknown and malformed URLs are real 404s", () => {
  // Raw on purpose: these are URLs lib/routes would never build.
  const urls = [
    "/articles/no-such-story",
    "/sections/no-such-section",
    "/tags/no-such-tag",
    "/authors/no-such-author",
    "/articles/Vestria-Sends-Troops",
    "/articles/%E0%A4%A",
    "/articles/abc%zz",
    "/tags/%FF",
    "/articles/..%2f..%2fetc%2fpasswd",
    "/sections/world/page/0",
    "/sections/world/page/2",
    "/sections/world/page/abc",
    "/authors/mara-okafor/page/99999999999999999999",
    "/no/such/page",
  ];
  for (const url of urls) {
    test(url, async ({ request }) => {
      const res = await request.get(url);
      expect(res.status()).toBe(404);
      const html = await res.text();
      expect(html).toContain("find that page");
      expect(html).not.toMatch(/at \w+ \(|node_modules|\/work\//);
    });
  }

  // The proxy's rewrites (the 404 page, a live story's older updates) are served in-process. Were one
  // fetched over HTTP from the server itself, it would go out as https behind a TLS-terminating
  // proxy and fail against the plain-HTTP port: a 500 (ops/listen-host.ts).
  test("rewrites stay in-process behind a TLS-terminating proxy", async ({ request }) => {
    const headers = { "X-Forwarded-Proto": "https" };
    const missing = await request.get(PAGE_TYPES.notFound, { headers });
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain("find that page");
    const olderUpdates = await request.get(livePagePath(LIVE_SLUG, 2), { headers });
    expect(olderUpdates.status()).toBe(200);
    expect(await olderUpdates.text()).toContain('name="robots" content="noindex');
  });

  test("the 404 page helps the reader on", async ({ page }) => {
    const res = await page.goto(PAGE_TYPES.notFound);
    expect(res?.status()).toBe(404);
    await expect(page.locator("h1")).toContainText("find that page");
    await expect(page.getByRole("link", { name: "front page" })).toHaveAttribute("href", FRONT_PATH);
    expect(await page.locator("main .story-card").count()).toBe(3);
  });
});
