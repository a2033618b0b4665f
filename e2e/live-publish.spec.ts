import fs from "node:fs";
import { devices, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { removeStory, runCommand, runPublish, storyFile } from "./publishing";
import { E2E_ORIGIN } from "./server-env";
import { articlePath, updateAnchor } from "../lib/routes";

/**
 * New updates reach a reader of live coverage without a reload: an update added with
 * `npm run live:add` and sent with `npm run publish` to the running production build appears
 * within 30 s (the island polls every 15 s), inserted at once for a reader at the top, behind an
 * "N new updates" button for a reader further down (whose place on the page does not move).
 * A live story of its own, new on every run, so the sample and the other specs are untouched.
 */
const RUN = Date.now().toString(36);
const SLUG = `e2e-live-harbour-fog-${RUN}`;
const ARRIVES_WITHIN = 45_000; // one 15 s poll interval, twice, plus the publish

const paragraph =
  "Fog horns sounded along the quays as the pilot boats waited at their moorings, and the harbour office said it would decide on sailings within the hour. ".repeat(
    3,
  );

function liveSource(now: Date): string {
  const iso = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
  const updates = Array.from({ length: 12 }, (_, i) =>
    [
      "+++ update",
      `id: fog-${i}`,
      `time: ${iso(120 - i * 5)}`,
      "authors: [mara-okafor]",
      ...(i === 2 ? ["title: Harbour closed by fog", "keyEvent: true"] : []),
      "+++",
      "",
      paragraph,
      "",
    ].join("\n"),
  ).reverse();
  return [
    "---",
    "title: Fog closes Port Alder harbour to shipping for a second morning",
    "dek: Live updates as thick fog over the Kessel Sea keeps ferries and pilot boats in port.",
    "section: science",
    "type: live",
    "authors: [mara-okafor]",
    `publishedAt: ${iso(130)}`,
    "tags: [port-alder, kessel-sea]",
    "image:",
    "  src: /images/articles/tidal-energy-trial-begins-off-port-alder.jpg",
    "  alt: Grey sea with a work vessel and a crane, and the coastline of a city in the distance.",
    "  caption: The Kessel Sea off Port Alder earlier this month.",
    "  credit: Kessel Press Agency photo by Jens Aalto",
    "---",
    "",
    updates.join("\n"),
  ].join("\n");
}

async function addAndPublish(title: string, flags: string[] = []): Promise<string> {
  const added = await runCommand("npm", [
    "run",
    "--silent",
    "live:add",
    "--",
    SLUG,
    "--author",
    "jonah-feld",
    "--title",
    title,
    ...flags,
    `${title}, the harbour office said.`,
  ]);
  expect(added.code, added.output).toBe(0);
  const id = /Added update "([^"]+)"/.exec(added.output)![1];
  const published = await runPublish(E2E_ORIGIN);
  expect(published.code, published.output).toBe(0);
  return id;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  fs.writeFileSync(storyFile(SLUG), liveSource(new Date()));
  const published = await runPublish(E2E_ORIGIN);
  expect(published.code, published.output).toBe(0);
});

test.afterAll(async () => {
  if (removeStory(SLUG)) await runPublish(E2E_ORIGIN);
});

test("a reader at the top sees a new update appear without reloading, announced politely", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto(articlePath(SLUG));
  await expect(page.locator("#live-updates > article")).toHaveCount(12);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const live = page.locator('[aria-live="polite"]');
  await expect(live).toHaveText("");

  const id = await addAndPublish("Pilot boats resume work");
  const update = page.locator(`#live-updates > #${updateAnchor(id)}`);
  await expect(update).toBeVisible({ timeout: ARRIVES_WITHIN });
  await expect(page.locator("#live-updates > article").first()).toHaveAttribute("id", updateAnchor(id));
  await expect(live).toHaveText("1 new update");
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // The publish expired the cached page too: a fresh visit has the update.
  await expect(async () => expect(await (await request.get(articlePath(SLUG))).text()).toContain(`id="${updateAnchor(id)}"`)).toPass({
    timeout: 10_000,
  });
});

test("a reader further down gets a button and the count in the title; the page does not move until they click", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(articlePath(SLUG));
  const title = await page.title();
  await page.locator("#live-updates > article").nth(8).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  const scrolled = await page.evaluate(() => window.scrollY);

  const id = await addAndPublish("Fog lifts over the outer harbour");
  const button = page.getByRole("button", { name: "1 new update" });
  await expect(button).toBeVisible({ timeout: ARRIVES_WITHIN });
  await expect(page).toHaveTitle(`(1) ${title}`);
  await expect(page.locator(`#${updateAnchor(id)}`)).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

  await button.click();
  const update = page.locator(`#${updateAnchor(id)}`);
  await expect(update).toBeFocused();
  await expect(update).toBeInViewport();
  await expect(button).toHaveCount(0);
  await expect(page).toHaveTitle(title);
});

/** What the phone project uses (playwright.config.ts): this spec runs in the desktop-sized publish project. */
const PHONE = { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test("on a phone: a pinned update goes to the pinned slot for a reader at the top, and behind the button for one further down", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([browser.newContext(PHONE), browser.newContext(PHONE)]);
  const [atTop, below] = await Promise.all(contexts.map((c) => c.newPage()));
  const open = async (page: Page) => {
    await page.goto(articlePath(SLUG));
    await expect(page.locator("#live-updates > article").first()).toBeVisible();
  };
  await Promise.all([open(atTop), open(below)]);
  // Key events fold into a list the reader opens on a phone; the desktop sidebar is not shown.
  await expect(below.locator("details.key-events-details")).toBeVisible();
  await expect(below.locator('aside[aria-labelledby="key-events-heading"]')).toBeHidden();
  await below.locator("#live-updates > article").nth(6).scrollIntoViewIfNeeded();
  const scrolled = await below.evaluate(() => window.scrollY);

  const id = await addAndPublish("Ferries board again at the east quay", ["--pin"]);
  // Where the server renders a pinned update: above the list, not at its top.
  const pinned = atTop.locator(`.live-pinned > #${updateAnchor(id)}`);
  await expect(pinned).toBeVisible({ timeout: ARRIVES_WITHIN });
  await expect(atTop.locator(`#live-updates > #${updateAnchor(id)}`)).toHaveCount(0);
  const button = below.getByRole("button", { name: "1 new update" });
  await expect(button).toBeVisible({ timeout: ARRIVES_WITHIN });
  expect(await below.evaluate(() => window.scrollY)).toBe(scrolled);
  await button.tap();
  await expect(below.locator(`.live-pinned > #${updateAnchor(id)}`)).toBeFocused();
  await expect(below.locator(`#${updateAnchor(id)}`)).toBeInViewport();
  // A reload shows it in the same place.
  await atTop.reload();
  await expect(atTop.locator(`.live-pinned > #${updateAnchor(id)}`)).toBeVisible();
  await Promise.all(contexts.map((c) => c.close()));
});

test("ending the coverage: the page says so, crawlers get coverageEndTime, and an open page stops polling", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(articlePath(SLUG));
  const ended = page.waitForResponse(async (res) => res.url().includes("/api/live/") && (await res.json()).ended === true, {
    timeout: ARRIVES_WITHIN,
  });
  const file = storyFile(SLUG);
  const until = new Date().toISOString().replace(/\.\d{3}Z$/, "+00:00");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("type: live\n", `type: live\nliveUntil: ${until}\n`));
  const published = await runPublish(E2E_ORIGIN);
  expect(published.code, published.output).toBe(0);
  await ended;
  // No poll after the answer that said the coverage had ended (two intervals).
  let polls = 0;
  page.on("request", (req) => void (req.url().includes("/api/live/") && polls++));
  await page.waitForTimeout(32_000);
  expect(polls).toBe(0);

  await page.reload();
  await expect(page.locator(".live-status")).toContainText("This coverage has ended");
  await expect(page.getByRole("link", { name: "Refresh for new updates" })).toHaveCount(0);
  await expect(page.locator('[aria-live="polite"]')).toHaveCount(0);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const ld = blocks.flatMap((b) => [JSON.parse(b)].flat()).find((d) => d["@type"] === "LiveBlogPosting");
  expect(ld.coverageEndTime).toBe(new Date(until).toISOString());
});
