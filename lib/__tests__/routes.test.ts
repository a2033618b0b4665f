import { afterEach, describe, expect, it, vi } from "vitest";
import {
  absoluteUrl,
  articlePath,
  cropPath,
  feedPath,
  FRONT_PATH,
  listPath,
  NEWS_SITEMAP_PATH,
  previewExitPath,
  previewPath,
  sitemapChunkPath,
  sectionCardPath,
  SITE_CARD_PATH,
  SITEMAP_PATH,
  siteUrl,
  TRUST_PATHS,
} from "../routes";
import { matchContentRoute, OPENSEARCH_PATH, searchPath } from "../routes";

// The literal URLs live here and nowhere else in the tests: every other test builds them with lib/routes.
describe("page paths", () => {
  it("puts a story under /articles/", () => {
    expect(articlePath("vestria-sends-troops")).toBe("/articles/vestria-sends-troops");
    expect(FRONT_PATH).toBe("/");
  });

  it("puts sections, tags and authors under their own folders", () => {
    expect(listPath("section", "world")).toBe("/sections/world");
    expect(listPath("tag", "harlow-pass")).toBe("/tags/harlow-pass");
    expect(listPath("author", "mara-okafor")).toBe("/authors/mara-okafor");
  });

  it("gives page 1 of a list the bare list URL and page n /page/n", () => {
    expect(listPath("section", "world", 1)).toBe("/sections/world");
    expect(listPath("section", "world")).toBe(listPath("section", "world", 1));
    expect(listPath("section", "world", 2)).toBe("/sections/world/page/2");
    expect(listPath("author", "mara-okafor", 12)).toBe("/authors/mara-okafor/page/12");
  });

  it("encodes every id as exactly one path segment", () => {
    expect(articlePath("a b")).toBe("/articles/a%20b");
    expect(articlePath("../etc/passwd")).toBe("/articles/..%2Fetc%2Fpasswd");
    expect(listPath("tag", "zürich?x=1#y")).toBe("/tags/z%C3%BCrich%3Fx%3D1%23y");
    expect(listPath("author", "a/b", 2)).toBe("/authors/a%2Fb/page/2");
    expect(feedPath("section", "a&b")).toBe("/sections/a%26b/feed.xml");
    expect(cropPath("a b", "og")).toBe("/articles/a%20b/image/og");
  });

  it("leaves valid slugs unchanged", () => {
    for (const slug of ["a", "a-1", "2026-budget"]) expect(articlePath(slug)).toBe(`/articles/${slug}`);
  });
});

describe("feeds, sitemaps and images", () => {
  it("has a site-wide feed and one per section and author", () => {
    expect(feedPath()).toBe("/feed.xml");
    expect(feedPath("section", "world")).toBe("/sections/world/feed.xml");
    expect(feedPath("author", "mara-okafor")).toBe("/authors/mara-okafor/feed.xml");
  });

  it("names the sitemaps and their chunks", () => {
    expect(SITEMAP_PATH).toBe("/sitemap.xml");
    expect(NEWS_SITEMAP_PATH).toBe("/news-sitemap.xml");
    expect(sitemapChunkPath(3)).toBe("/sitemaps/3.xml");
  });

  it("names the trust pages and the share cards", () => {
    expect(TRUST_PATHS).toEqual({ about: "/about", standards: "/standards", correctionsPolicy: "/corrections-policy" });
    expect(SITE_CARD_PATH).toBe("/opengraph-image");
    expect(sectionCardPath("world")).toBe("/sections/world/opengraph-image");
  });

  it("puts a story's image crops under the story", () => {
    expect(cropPath("vestria-sends-troops", "16x9")).toBe("/articles/vestria-sends-troops/image/16x9");
  });
});

describe("preview", () => {
  it("builds the entrance for a shared link and for an editor, with encoded values", () => {
    expect(previewPath()).toBe("/api/preview");
    expect(previewPath({ token: "slug.123.a+b/c=" })).toBe("/api/preview?token=slug.123.a%2Bb%2Fc%3D");
    // The editors' form: the slug only (the secret is posted, never in a URL).
    expect(previewPath({ slug: "my-story" })).toBe("/api/preview?slug=my-story");
  });

  it("sends the exit back to an encoded path", () => {
    expect(previewExitPath("/sections/world?x=1&y=2")).toBe("/api/preview/exit?returnTo=%2Fsections%2Fworld%3Fx%3D1%26y%3D2");
  });
});

describe("absolute URLs", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the origin from SITE_URL without its trailing slashes", () => {
    vi.stubEnv("SITE_URL", "https://news.example//");
    expect(siteUrl()).toBe("https://news.example");
    expect(absoluteUrl(articlePath("x"))).toBe("https://news.example/articles/x");
    expect(absoluteUrl(FRONT_PATH)).toBe("https://news.example/");
  });

  it("falls back to localhost in development", () => {
    vi.stubEnv("SITE_URL", undefined);
    expect(siteUrl()).toBe("http://localhost:3000");
  });

  it("resolves on a given base, keeping a base path and escaping what a URL may not hold", () => {
    expect(absoluteUrl("/feed.xml", "https://news.example/")).toBe("https://news.example/feed.xml");
    expect(absoluteUrl("/feed.xml", "https://example.org/news")).toBe("https://example.org/news/feed.xml");
    expect(absoluteUrl("/images/a b.jpg", "https://news.example")).toBe("https://news.example/images/a%20b.jpg");
  });

  it("refuses anything that is not a path on the site", () => {
    expect(() => absoluteUrl("articles/x", "https://news.example")).toThrow(/starting with "\/"/);
    expect(() => absoluteUrl("https://evil.example/", "https://news.example")).toThrow();
  });
});

describe("matchContentRoute", () => {
  it("knows the content pages the proxy must check, and nothing else", () => {
    expect(matchContentRoute("/articles/a-story")).toEqual({ kind: "article", slug: "a-story" });
    expect(matchContentRoute("/sections/world")).toEqual({ kind: "list", list: { kind: "section", id: "world" }, page: 1 });
    expect(matchContentRoute("/tags/ports/page/3")).toEqual({ kind: "list", list: { kind: "tag", id: "ports" }, page: 3 });
    expect(matchContentRoute("/authors/ana/page/0")).toMatchObject({ page: NaN });
    expect(matchContentRoute("/authors/ana/page/2x")).toMatchObject({ page: NaN });
    expect(matchContentRoute("/articles/%C3%A9t%C3%A9")).toEqual({ kind: "article", slug: "été" });
    for (const other of ["/", "/feed.xml", "/articles/a/image/og", "/sections/world/feed.xml", "/api/publish", "/about", "/articles"]) {
      expect(matchContentRoute(other)).toBeUndefined();
    }
  });
});

describe("search", () => {
  it("puts only what differs from the defaults in the URL, encoded", () => {
    expect(searchPath()).toBe("/search");
    expect(searchPath({ q: "ferry", range: "any", sort: "relevance", page: 1 })).toBe("/search?q=ferry");
    expect(searchPath({ q: 'a "b" & c', section: "politics", range: "week", sort: "newest", page: 3 })).toBe(
      "/search?q=a+%22b%22+%26+c&section=politics&range=week&sort=newest&page=3",
    );
    expect(OPENSEARCH_PATH).toBe("/opensearch.xml");
  });
});
