import type { APIRequestContext, Page } from "@playwright/test";
import Parser from "rss-parser";
import { expect, PAGE_TYPES, test } from "./fixtures";
import { articlePath, feedPath } from "../lib/routes";
import { FLAGSHIP_SLUG as FLAGSHIP } from "./sample-pages";

/**
 * The RSS feeds: the site's, a section's and an author's, read with a real feed parser and
 * checked item by item, plus the XML structure as a browser's XML parser sees it.
 */
test.skip(({ isMobile }) => isMobile, "feeds do not depend on the viewport");

const HIDDEN = ["harlow-pass-ceasefire-talks", "old-orlen-bridge-reopens"];
const FEEDS = [feedPath(), feedPath("section", "world"), feedPath("author", "mara-okafor")];

type Category = string | { _: string; $?: { domain?: string } };
type MediaContent = { $: { url: string; medium?: string; type?: string; width?: string; height?: string } };
type Item = Parser.Item & {
  contentEncoded?: string;
  creator?: string;
  author?: string;
  mediaContent?: MediaContent[];
  categories?: Category[];
};

const parser: Parser<Record<string, never>, Item> = new Parser({
  customFields: {
    item: [
      ["content:encoded", "contentEncoded"],
      ["media:content", "mediaContent", { keepArray: true }],
      ["dc:creator", "creator"],
    ],
  },
});

/** Absolute http(s) URL on the feed's origin, fetched from the server under test by its path. */
const checked = new Map<string, number>();
async function statusOf(request: APIRequestContext, url: string): Promise<number> {
  const path = new URL(url).pathname;
  if (!checked.has(path)) checked.set(path, (await request.get(path, { maxRedirects: 0 })).status());
  return checked.get(path)!;
}

/** What the browser's XML parser says about the document (namespaces included). */
async function xmlStructure(page: Page, xml: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    const ATOM = "http://www.w3.org/2005/Atom";
    const MEDIA = "http://search.yahoo.com/mrss/";
    const CONTENT = "http://purl.org/rss/1.0/modules/content/";
    const channel = doc.querySelector("rss > channel");
    const items = Array.from(doc.querySelectorAll("rss > channel > item"));
    const self = channel
      ? Array.from(channel.getElementsByTagNameNS(ATOM, "link")).find(
          (l) => l.parentElement === channel && l.getAttribute("rel") === "self",
        )
      : undefined;
    return {
      parseError: doc.getElementsByTagName("parsererror")[0]?.textContent ?? null,
      version: doc.documentElement.getAttribute("version"),
      selfHref: self?.getAttribute("href") ?? null,
      selfType: self?.getAttribute("type") ?? null,
      items: items.map((item) => ({
        guid: item.querySelector(":scope > guid")?.textContent?.trim() ?? "",
        guidIsPermaLink: item.querySelector(":scope > guid")?.getAttribute("isPermaLink") ?? null,
        link: item.querySelector(":scope > link")?.textContent?.trim() ?? "",
        contentEncoded: item.getElementsByTagNameNS(CONTENT, "encoded").length,
        media: item.getElementsByTagNameNS(MEDIA, "content").length,
      })),
    };
  }, xml);
}

const categoryName = (c: Category) => (typeof c === "string" ? c : c._);

for (const feedPath of FEEDS) {
  test(`${feedPath} is valid RSS 2.0 with complete items`, async ({ page, request }) => {
    const res = await request.get(feedPath);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/rss+xml");
    const xml = await res.text();

    // Structure, as an XML parser sees it.
    const structure = await xmlStructure(page, xml);
    expect(structure.parseError).toBeNull();
    expect(structure.version).toBe("2.0");
    expect(structure.selfHref, "channel atom:link rel=self").not.toBeNull();
    expect(new URL(structure.selfHref!).pathname).toBe(feedPath);
    expect(structure.selfType).toBe("application/rss+xml");
    expect(structure.items.length).toBeGreaterThan(0);
    for (const item of structure.items) {
      expect(item.guid, `guid of ${item.link}`).not.toBe("");
      expect(item.guid).toBe(item.link);
      expect(item.guidIsPermaLink).toBe("true");
      expect(item.contentEncoded, `content:encoded of ${item.link}`).toBe(1);
      expect(item.media, `media:content of ${item.link}`).toBe(1);
    }

    // Content, as a feed reader sees it.
    const feed = await parser.parseString(xml);
    expect(feed.title).toBeTruthy();
    const origin = new URL(feed.link!).origin;
    expect(feed.items.length).toBe(structure.items.length);
    expect(feed.items.length).toBeLessThanOrEqual(50);

    for (const item of feed.items) {
      const where = item.link ?? item.title ?? "?";
      expect(item.title, where).toBeTruthy();
      expect(item.link, where).toMatch(/^https?:\/\//);
      expect(new URL(item.link!).origin, where).toBe(origin);
      expect(new URL(item.link!).pathname, where).toMatch(/^\/articles\/[a-z0-9-]+$/);
      expect(await statusOf(request, item.link!), `GET ${item.link}`).toBe(200);
      expect(item.guid, where).toBe(item.link);
      expect(Number.isNaN(Date.parse(item.pubDate ?? "")), `pubDate of ${where}`).toBe(false);
      expect(item.contentSnippet, `description of ${where}`).toBeTruthy();
      expect(item.author, `author of ${where}`).toBeTruthy();
      expect(item.creator, `dc:creator of ${where}`).toBeTruthy();
      expect(item.categories?.length ?? 0, `categories of ${where}`).toBeGreaterThan(0);
      for (const c of item.categories!) expect(categoryName(c)).toBeTruthy();

      const html = item.contentEncoded ?? "";
      expect(html, `content:encoded of ${where}`).toMatch(/<p>[^<]{40,}/);
      for (const [, url] of html.matchAll(/\s(?:href|src|cite)="([^"]*)"/g)) {
        if (!url.startsWith("#")) expect(url, `URL in the body of ${where}`).toMatch(/^(https?:\/\/|mailto:)/);
      }
      expect(html).not.toMatch(/<script|<style|\son\w+=/i);

      const media = item.mediaContent?.[0]?.$;
      expect(media, `media:content of ${where}`).toBeTruthy();
      expect(media!.url).toMatch(/^https?:\/\//);
      expect(media!.medium).toBe("image");
      expect(media!.type).toMatch(/^image\//);
      expect(Number(media!.width)).toBeGreaterThan(0);
      expect(Number(media!.height)).toBeGreaterThan(0);
      expect(await statusOf(request, media!.url), `GET ${media!.url}`).toBe(200);
    }

    // The flagship story, in full.
    const flagship = feed.items.find((i) => i.link?.endsWith(articlePath(FLAGSHIP)));
    expect(flagship, "the flagship story is in the feed").toBeTruthy();
    const html = flagship!.contentEncoded!;
    expect(html).toContain("Vestria will send 1,200 soldiers to Harlow Pass");
    expect(html).toMatch(
      /<p><strong>MORE:<\/strong> <a href="https?:\/\/[^"]+\/articles\/harlow-pass-clash-what-we-know">Harlow Pass clash/,
    );
    expect(html).toMatch(new RegExp(`<figure><img src="https?://[^"]+/images/articles/${FLAGSHIP}-2\\.jpg" alt="[^"]+"`));
    expect(html).toContain("<figcaption>");
    expect(html).toContain('<blockquote cite="https://bsky.app/');
    expect(html).toContain("(Wire services contributed to this report.)");
    expect(flagship!.categories!.map(categoryName)).toEqual(expect.arrayContaining(["World"]));
    expect(flagship!.creator).toContain("Mara Okafor");
    expect(flagship!.mediaContent![0].$.url).toMatch(new RegExp(`/images/articles/${FLAGSHIP}\\.jpg$`));

    // Drafts and scheduled stories are nowhere in it, not even as a MORE: link.
    for (const slug of HIDDEN) expect(xml).not.toContain(slug);
  });
}

test("the section feed holds only its section and the author feed only the author's stories", async ({ request }) => {
  const world = await parser.parseString(await (await request.get(feedPath("section", "world"))).text());
  for (const item of world.items) expect(item.categories!.map(categoryName)[0]).toBe("World");
  const mara = await parser.parseString(await (await request.get(feedPath("author", "mara-okafor"))).text());
  for (const item of mara.items) expect(item.creator).toContain("Mara Okafor");
});

// Raw on purpose: unknown and malformed ids, as a crawler or a typo would send them.
for (const path of [
  "/sections/nope/feed.xml",
  "/authors/nope/feed.xml",
  "/sections/wor%20ld/feed.xml",
  "/authors/mara-okafor%27/feed.xml",
]) {
  test(`${path} is a 404 with a short text body`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toContain("text/plain");
    expect((await res.text()).length).toBeLessThan(100);
  });
}

for (const [pagePath, ownFeed] of [
  [PAGE_TYPES.section, feedPath("section", "world")],
  [PAGE_TYPES.author, feedPath("author", "mara-okafor")],
] as const) {
  test(`${pagePath} advertises its feed`, async ({ page, request }) => {
    await page.goto(pagePath);
    const hrefs = await page
      .locator('head link[rel="alternate"][type="application/rss+xml"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
    const paths = hrefs.map((h) => new URL(h, page.url()).pathname);
    expect(paths).toContain(ownFeed);
    expect(paths).toContain(feedPath());
    for (const href of hrefs) expect((await request.get(new URL(href, page.url()).pathname)).status()).toBe(200);
  });
}
