import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { expect, PAGE_TYPES, test } from "./fixtures";
import { listPath, TRUST_PATHS } from "../lib/routes";

/** The trust pages: path, footer link text, h1. (Axe, landmarks and html-validate: PAGE_TYPES.) */
const TRUST_PAGES = [
  { path: TRUST_PATHS.about, link: "About us", heading: "About The Meridian Ledger" },
  { path: TRUST_PATHS.standards, link: "Standards and ethics", heading: "Standards and ethics" },
  { path: TRUST_PATHS.correctionsPolicy, link: "Corrections policy", heading: "Corrections policy" },
];

async function documentAt(request: import("@playwright/test").APIRequestContext, url: string) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return new JSDOM(await res.text()).window.document;
}

function jsonLdBlocks(doc: Document): Record<string, unknown>[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((s) => JSON.parse(s.textContent!));
}

for (const from of [PAGE_TYPES.front, PAGE_TYPES.article]) {
  test(`the footer of ${from} links to each trust page, which opens with its heading`, async ({ page }) => {
    for (const trust of TRUST_PAGES) {
      await page.goto(from);
      const link = page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: trust.link, exact: true });
      await expect(link).toHaveAttribute("href", trust.path);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${trust.path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(trust.heading);
    }
  });
}

test.describe("crawlers' view", () => {
  test.skip(({ isMobile }) => isMobile, "checked once, at desktop size");

  test("the publisher's JSON-LD names the trust pages, and each URL answers with the section it points at", async ({
    request,
    baseURL,
  }) => {
    const expected = {
      publishingPrinciples: `${baseURL}${TRUST_PATHS.standards}`,
      ethicsPolicy: `${baseURL}${TRUST_PATHS.standards}`,
      correctionsPolicy: `${baseURL}${TRUST_PATHS.correctionsPolicy}`,
      masthead: `${baseURL}${TRUST_PATHS.about}#masthead`,
      ownershipFundingInfo: `${baseURL}${TRUST_PATHS.about}#ownership-and-funding`,
      actionableFeedbackPolicy: `${baseURL}${TRUST_PATHS.correctionsPolicy}#report-an-error`,
      unnamedSourcesPolicy: `${baseURL}${TRUST_PATHS.standards}#anonymous-sources`,
      verificationFactCheckingPolicy: `${baseURL}${TRUST_PATHS.standards}#accuracy`,
    };
    // The front page carries the organisation itself; a story carries it as its publisher.
    const front = jsonLdBlocks(await documentAt(request, PAGE_TYPES.front)).find((b) => b["@type"] === "NewsMediaOrganization");
    const story = jsonLdBlocks(await documentAt(request, PAGE_TYPES.article)).find((b) => b["@type"] === "NewsArticle");
    for (const organisation of [front, story?.publisher]) expect(organisation).toMatchObject(expected);

    for (const url of new Set(Object.values(expected))) {
      const { pathname, hash } = new URL(url);
      const doc = await documentAt(request, pathname);
      if (hash) expect(doc.querySelector(`h2${hash}`), url).not.toBeNull();
    }
  });

  test("each trust page has its own canonical URL and social card", async ({ request, baseURL }) => {
    for (const trust of TRUST_PAGES) {
      const doc = await documentAt(request, trust.path);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${baseURL}${trust.path}`);
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute("content")).toBe(`${baseURL}${trust.path}`);
      expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(doc.title.split(" | ")[0]);
      expect(doc.querySelector('meta[property="og:site_name"]')?.getAttribute("content")).toBe("The Meridian Ledger");
      const card = await request.get(doc.querySelector('meta[property="og:image"]')!.getAttribute("content")!);
      expect(card.headers()["content-type"], trust.path).toBe("image/png");
      expect(doc.querySelector('meta[name="twitter:image"]')?.getAttribute("content"), trust.path).toMatch(/^http/);
    }
  });
});

test("the masthead names every author in content/authors, by role, with a link to their page", async ({ page }) => {
  const dir = path.join(process.cwd(), "content", "authors");
  const authors = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const field = (key: string) =>
        new RegExp(`^${key}:\\s*(.+)$`, "m")
          .exec(text)![1]
          .trim()
          .replace(/^(["'])(.*)\1$/, "$2");
      return { id: file.replace(/\.mdx$/, ""), name: field("name"), role: field("role") };
    });
  expect(authors.length).toBeGreaterThan(0);
  await page.goto(`${TRUST_PATHS.about}#masthead`);
  const masthead = page.locator("dl.masthead");
  await expect(masthead.locator("dt").first()).toHaveText("Editor");
  for (const author of authors) {
    const row = masthead.locator("div").filter({ has: page.getByRole("link", { name: author.name, exact: true }) });
    await expect(row.locator("dt"), author.name).toHaveText(author.role);
    await expect(row.getByRole("link"), author.name).toHaveAttribute("href", listPath("author", author.id));
  }
});
