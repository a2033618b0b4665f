import { expect, PAGE_TYPES, test } from "./fixtures";
import { articlePath, feedPath, listPath } from "../lib/routes";

const FLAGSHIP = PAGE_TYPES.article;

test.describe("article page", () => {
  test("renders every part of the story's anatomy", async ({ page }) => {
    const response = await page.goto(FLAGSHIP);
    expect(response?.status()).toBe(200);

    const article = page.locator("main article");
    await expect(article).toHaveCount(1);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveText("Vestria will send 1,200 troops to Harlow Pass after border clash");

    // Section label and standfirst
    await expect(article.getByRole("link", { name: "World", exact: true })).toHaveAttribute("href", listPath("section", "world"));
    await expect(article.locator("header h1 + p")).toContainText("Defence Ministry");

    // Byline: both authors linked, published and updated times machine-readable
    const byline = article.locator(".byline");
    await expect(byline.getByRole("link", { name: "Mara Okafor" })).toHaveAttribute("href", listPath("author", "mara-okafor"));
    await expect(byline.getByRole("link", { name: "Tomas Brenner" })).toHaveAttribute("href", listPath("author", "tomas-brenner"));
    await expect(byline.locator("time")).toHaveCount(2);
    await expect(byline.locator("time").first()).toHaveAttribute("datetime", "2026-11-23T07:30:00.000Z");
    await expect(byline).toContainText("Updated");

    // Lead image with caption and the credit styled apart
    const lead = article.locator("figure").first();
    await expect(lead.locator("img")).toHaveAttribute("alt", /.+/);
    await expect(lead.locator("img")).toHaveAttribute("width", /\d+/);
    await expect(lead.locator("img")).toHaveAttribute("height", /\d+/);
    await expect(lead.locator("img")).toHaveAttribute("sizes", /.+/);
    await expect(lead.locator("img")).toHaveAttribute("srcset", /_next\/image/);
    await expect(lead.locator(".image-caption")).not.toBeEmpty();
    await expect(lead.locator(".image-credit")).toHaveText(/^\(.+\)$/);

    // Body: inline image, two MORE lines, a quoted social post, the agency credit last
    const body = article.locator(".article-body");
    await expect(body.locator("figure img")).not.toHaveCount(0);
    const more = body.locator(".more-link");
    await expect(more).toHaveCount(2);
    await expect(more.first()).toContainText("MORE:");
    await expect(more.first().getByRole("link")).toHaveAttribute("href", articlePath("harlow-pass-clash-what-we-know"));
    const post = body.locator(".social-post");
    await expect(post.locator("blockquote")).not.toBeEmpty();
    await expect(post.getByRole("link")).toHaveAttribute("href", /^https:\/\//);
    await expect(body.locator(".contributors")).toHaveText("(Wire services contributed to this report.)");
    await expect(body.locator("> :last-child")).toHaveClass(/contributors/);

    // Tags link to their pages
    const tags = page.getByRole("navigation", { name: "Topics in this story" });
    await expect(tags.getByRole("link", { name: "Harlow Pass" })).toHaveAttribute("href", listPath("tag", "harlow-pass"));

    // Author box: one profile per author, with photo, role, bio and links
    const authorBox = page.locator("section.author-box");
    await expect(authorBox.getByRole("heading", { name: "About the authors" })).toBeVisible();
    await expect(authorBox.locator(".author-profile")).toHaveCount(2);
    await expect(authorBox.locator(".author-profile img").first()).toHaveAttribute("alt", "Photo of Mara Okafor");
    await expect(authorBox).toContainText("Defence correspondent");
    await expect(authorBox.locator(".author-bio").first()).not.toBeEmpty();
    await expect(authorBox.getByRole("link", { name: /Bluesky of Mara Okafor/ })).toHaveAttribute("href", /^https:\/\//);

    // Follow widget: the site's accounts and feed; each name starts with the visible label (WCAG 2.5.3)
    const follow = page.locator("section.follow-widget");
    await expect(follow.getByRole("heading", { name: "Follow us" })).toBeVisible();
    await expect(
      follow.getByRole("link", { name: "Bluesky (The Meridian Ledger, @meridianledger.bsky.social)", exact: true }),
    ).toBeVisible();
    await expect(follow.getByRole("link", { name: "RSS (The Meridian Ledger feed)", exact: true })).toHaveAttribute("href", feedPath());
    await expect(follow.getByRole("link", { name: "RSS: World (section feed)", exact: true })).toHaveAttribute(
      "href",
      feedPath("section", "world"),
    );
    // Brand marks are drawn as paths: no SVG text that would count as visible text.
    await expect(follow.locator("svg text")).toHaveCount(0);
    await expect(follow.locator('svg[aria-hidden="true"] path')).toHaveCount(await follow.getByRole("link").count());

    // Related stories: an aside of 3 to 6 cards, never the story itself
    const related = page.locator("aside.related-stories");
    const cards = related.locator(".story-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    expect(await cards.count()).toBeLessThanOrEqual(6);
    const hrefs = await cards.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).not.toContain(FLAGSHIP);
    // Pinned related stories come first, in the editor's order
    expect(hrefs.slice(0, 2)).toEqual([articlePath("harlow-pass-clash-what-we-know"), articlePath("harlow-pass-families-wait-for-news")]);
    await expect(cards.first().locator("img")).toHaveAttribute("width", /\d+/);
    await expect(cards.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-/);
  });

  test("labels opinion, analysis and sponsored stories", async ({ page }) => {
    await page.goto(articlePath("port-alder-needs-a-night-bus-network"));
    await expect(page.locator("main article header .story-type")).toHaveText("Opinion");
    await page.goto(articlePath("northern-rail-winter-pass-sponsored"));
    await expect(page.locator("main article header .story-type")).toHaveText("Sponsored content");
  });

  test("shows corrections prominently", async ({ page }) => {
    await page.goto(articlePath("harlow-pass-families-wait-for-news"));
    const box = page.locator(".corrections");
    await expect(box.getByRole("heading", { name: "Correction" })).toBeVisible();
    await expect(box.locator("time")).toHaveAttribute("datetime", "2026-11-25");
  });

  test("renders GFM tables in a scrollable region", async ({ page }) => {
    await page.goto(articlePath("harlow-pass-clash-what-we-know"));
    const region = page.locator(".article-body").getByRole("region", { name: "Table" });
    await expect(region.getByRole("table")).toHaveCount(1);
    // A keyboard user can reach the box to scroll it.
    await expect(region).toHaveAttribute("tabindex", "0");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole story, its images and links are in the server HTML", async ({ page }) => {
    await page.goto(FLAGSHIP);
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator(".article-body p").nth(5)).toBeVisible();
    await expect(page.locator("figure img").first()).toBeVisible();
    await expect(page.locator(".contributors")).toBeVisible();
    await expect(page.locator("section.follow-widget a")).not.toHaveCount(0);
    await page.locator(".byline").getByRole("link", { name: "Mara Okafor" }).click();
    await expect(page).toHaveURL(new RegExp(`${listPath("author", "mara-okafor")}$`));
    await expect(page.getByRole("heading", { name: "Stories by Mara Okafor" })).toBeVisible();
  });
});
