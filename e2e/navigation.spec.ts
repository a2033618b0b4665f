import { expect, PAGE_TYPES, test } from "./fixtures";
import { articlePath, listPath } from "../lib/routes";

test("a reader can follow bylines, tags, sections and related cards around the site", async ({ page }) => {
  await page.goto("/");
  await page.locator(".lead-story h2 a").click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  await expect(page.locator("h1")).toBeVisible();

  // Section label -> section page -> a story
  await page.locator("main article header").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sections\/[a-z]+$/);
  await page.locator(".story-list h2 a").first().click();
  await expect(page).toHaveURL(/\/articles\//);

  // A tag -> tag page
  const tag = page.getByRole("navigation", { name: "Topics in this story" }).getByRole("link").first();
  const tagName = (await tag.textContent())!.trim();
  await tag.click();
  await expect(page).toHaveURL(/\/tags\//);
  await expect(page.locator("h1")).toHaveText(tagName);

  // A story -> its related card -> another story
  await page.locator(".story-list h2 a").first().click();
  const before = page.url();
  await page.locator("aside.related-stories .story-card a").first().click();
  await expect(page).not.toHaveURL(before);
  await expect(page).toHaveURL(/\/articles\//);

  // Byline -> author page
  await page.locator(".byline a[rel=author]").first().click();
  await expect(page).toHaveURL(/\/authors\//);
  await expect(page.locator(".author-profile")).toBeVisible();
});

test("every link on every page type leads somewhere real", async ({ page, request }) => {
  const seen = new Set<string>();
  for (const start of [PAGE_TYPES.front, PAGE_TYPES.article, PAGE_TYPES.section, PAGE_TYPES.tag, PAGE_TYPES.author]) {
    await page.goto(start);
    const hrefs = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) {
      const path = href.split("#")[0];
      if (!path || seen.has(path)) continue;
      seen.add(path);
      const res = await request.get(path);
      expect(res.status(), `${start} links to ${path}`).toBe(200);
    }
  }
  expect(seen.size).toBeGreaterThan(20);
});

test("the trending strip and More links lead to stories", async ({ page }) => {
  await page.goto(PAGE_TYPES.article);
  await page.locator(".more-link a").first().click();
  await expect(page).toHaveURL(new RegExp(`${articlePath("harlow-pass-clash-what-we-know")}$`));
  await page.getByRole("navigation", { name: "Trending" }).getByRole("link", { name: "Harlow Pass" }).click();
  await expect(page).toHaveURL(new RegExp(`${listPath("tag", "harlow-pass")}$`));
});
