import { expect, seriousAxeViolations, test } from "./fixtures";
import { FLAGSHIP_SLUG, LIVE_PATH, LIVE_SLUG } from "./sample-pages";
import { articlePath, livePagePath, livePollPath, updateAnchor } from "../lib/routes";

/**
 * The sample live coverage (content/articles/storm-edda-live.mdx, 35 updates, one pinned): the
 * page, its pages of older updates, key events and permalinks, without JavaScript too, its
 * JSON-LD and the poll endpoint's answers to bad input. New updates arriving while a reader
 * watches are in live-publish.spec.ts (it publishes).
 */
const OLD_KEY_EVENT = "red-warning"; // 05:52 on the first day: on page 2
const NEW_KEY_EVENT = "night-tide-passes";
const PINNED = "rest-centres";

test.describe("live coverage page", () => {
  test("shows LIVE, the latest update's time, the summary, the pinned update first, then 20 updates newest first", async ({ page }) => {
    await page.goto(LIVE_PATH);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator(".live-badge")).toHaveText(/live/i);
    await expect(page.locator(".live-status")).toContainText("Latest update");
    await expect(page.locator(".live-summary li")).toHaveCount(3);
    await expect(page.locator(".live-pinned article")).toHaveAttribute("id", updateAnchor(PINNED));
    const list = page.locator("#live-updates > article");
    await expect(list).toHaveCount(20);
    const times = await list.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-update-time"))));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Each update has its permalink and both times.
    const first = list.first();
    await expect(first.locator("a.live-permalink")).toHaveAttribute("href", new RegExp(`#update-`));
    await expect(first.locator(".live-absolute")).toContainText(/\d\d:\d\d/);
    await expect(first.locator("time[datetime]")).toHaveCount(1);
    // The corrected update says so.
    await expect(page.locator(".live-update-correction")).toHaveCount(0); // on page 2
  });

  test("a key event on page 2 lands on its update, and a permalink there keeps it", async ({ page, isMobile }) => {
    await page.goto(LIVE_PATH);
    if (isMobile) await page.locator(".key-events-details summary").click();
    const keyEvents = page.locator(isMobile ? ".key-events-details" : "aside[aria-labelledby=key-events-heading]");
    await expect(keyEvents.getByRole("link")).toHaveCount(8);
    const link = keyEvents.getByRole("link", { name: /Red warning/ });
    await expect(link).toHaveAttribute("href", `${livePagePath(LIVE_SLUG, 2)}#${updateAnchor(OLD_KEY_EVENT)}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`\\?page=2#${updateAnchor(OLD_KEY_EVENT)}$`));
    const target = page.locator(`#${updateAnchor(OLD_KEY_EVENT)}`);
    await expect(target).toBeInViewport();
    await expect(page.locator(".live-update-correction")).toContainText("never been closed against a storm");
    // Its own permalink is the URL it was reached by.
    await expect(target.locator("a.live-permalink")).toHaveAttribute(
      "href",
      `${livePagePath(LIVE_SLUG, 2)}#${updateAnchor(OLD_KEY_EVENT)}`,
    );
    // A permalink typed in lands there too.
    await page.goto(`${livePagePath(LIVE_SLUG, 2)}#${updateAnchor(OLD_KEY_EVENT)}`);
    await expect(page.locator(`#${updateAnchor(OLD_KEY_EVENT)}`)).toBeInViewport();
  });

  test("a key event on page 1 lands on its update", async ({ page, isMobile }) => {
    await page.goto(LIVE_PATH);
    if (isMobile) await page.locator(".key-events-details summary").click();
    const keyEvents = page.locator(isMobile ? ".key-events-details" : "aside[aria-labelledby=key-events-heading]");
    await keyEvents.getByRole("link", { name: /Night tide passes/ }).click();
    await expect(page.locator(`#${updateAnchor(NEW_KEY_EVENT)}`)).toBeInViewport();
  });

  test("pages of older updates: 404 beyond the last, never indexed, the internal route is not a URL", async ({ page, request }) => {
    const res = await page.goto(livePagePath(LIVE_SLUG, 2));
    expect(res?.status()).toBe(200);
    await expect(page.locator("#live-updates > article")).toHaveCount(14);
    await expect(page.locator(".live-pinned")).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${LIVE_PATH}$`));
    expect((await request.get(livePagePath(LIVE_SLUG, 3))).status()).toBe(404);
    expect((await request.get(`${LIVE_PATH}?page=junk`)).status()).toBe(404);
    expect((await request.get(`${LIVE_PATH}/updates/2`)).status()).toBe(404);
    // Any other story ignores ?page.
    expect((await request.get(`${articlePath(FLAGSHIP_SLUG)}?page=2`)).status()).toBe(200);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`axe finds no serious or critical violation (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000); // a long page on a slow machine
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(scheme === "light" ? LIVE_PATH : livePagePath(LIVE_SLUG, 2));
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  test("LiveBlogPosting JSON-LD: start time, no end, every update identified by the canonical URL and a fragment", async ({ page }) => {
    await page.goto(LIVE_PATH);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const live = blocks.flatMap((b) => [JSON.parse(b)].flat()).find((d) => d["@type"] === "LiveBlogPosting");
    expect(live).toBeTruthy();
    expect(live.coverageStartTime).toBe("2026-11-25T05:40:00.000Z");
    expect(live.coverageEndTime).toBeUndefined();
    expect(live.liveBlogUpdate).toHaveLength(35);
    for (const u of live.liveBlogUpdate) {
      expect(u["@type"]).toBe("BlogPosting");
      // Identified by the canonical URL with a fragment, never by a page of its own.
      expect(u["@id"]).toMatch(new RegExp(`${LIVE_PATH}#update-[a-z0-9-]+$`));
      expect(u.url).toMatch(new RegExp(`${LIVE_PATH}(\\?page=2)?#update-[a-z0-9-]+$`));
      expect(u.headline.length).toBeGreaterThan(0);
      expect(u.headline.length).toBeLessThanOrEqual(110);
      expect(u.datePublished).toMatch(/^2026-11-2[56]T/);
      expect(u.author).toBeTruthy();
    }
    expect(live.dateModified).toBe("2026-11-26T04:10:00.000Z");
  });
});

test.describe("live coverage without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("reads fully: every update, key events, the refresh link and older pages", async ({ page }) => {
    await page.goto(LIVE_PATH);
    await expect(page.locator("#live-updates > article")).toHaveCount(20);
    await expect(page.locator(`#${updateAnchor(PINNED)}`)).toBeVisible();
    const refresh = page.getByRole("link", { name: "Refresh for new updates" });
    await expect(refresh).toHaveAttribute("href", LIVE_PATH);
    await refresh.click();
    await expect(page).toHaveURL(new RegExp(`${LIVE_PATH}$`));
    await page.getByRole("link", { name: "Older updates" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?page=2$`));
    await expect(page.locator("#live-updates > article")).toHaveCount(14);
    await expect(page.locator(`#${updateAnchor("welcome")}`)).toBeVisible();
  });
});

test.describe("live poll endpoint", () => {
  test("answers the updates newer than the cursor as HTML, cacheable for a few seconds", async ({ request }) => {
    const all = await request.get(livePollPath(LIVE_SLUG, 0));
    expect(all.status()).toBe(200);
    expect(all.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
    const body = await all.json();
    expect(body.count).toBe(35);
    expect(body.ended).toBe(false);
    expect(body.html).toContain(`id="${updateAnchor("overnight-close")}"`);
    expect(body.html).not.toMatch(/<script/i);
    const none = await (await request.get(livePollPath(LIVE_SLUG, body.latest))).json();
    expect(none).toMatchObject({ count: 0, html: "" });
    const some = await (await request.get(livePollPath(LIVE_SLUG, Date.parse("2026-11-26T01:00:00Z")))).json();
    expect(some.count).toBe(3);
  });

  test("bad input is 404 or 400, never 500", async ({ request }) => {
    const cases: [string, number][] = [
      [livePollPath("no-such-story", 0), 404],
      [livePollPath(FLAGSHIP_SLUG, 0), 404],
      [livePollPath("Not_A_Slug", 0), 404],
      [`${livePollPath("%E0%A4%A")}?after=0`, 404],
      [livePollPath(LIVE_SLUG), 400],
      [`${livePollPath(LIVE_SLUG)}?after=`, 400],
      [`${livePollPath(LIVE_SLUG)}?after=abc`, 400],
      [`${livePollPath(LIVE_SLUG)}?after=-1`, 400],
      [`${livePollPath(LIVE_SLUG)}?after=1e30`, 400],
      [`${livePollPath(LIVE_SLUG)}?after=99999999999999999999999999`, 400],
      [`${livePollPath(LIVE_SLUG)}?after=999999999999999`, 400],
      [`${livePollPath(LIVE_SLUG)}?after=0x10`, 400],
    ];
    const got = [];
    for (const [url, status] of cases) got.push([url, (await request.get(url)).status(), status]);
    expect(got.filter(([, actual, want]) => actual !== want)).toEqual([]);
  });
});
