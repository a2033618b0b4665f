import { describe, expect, it } from "vitest";
import { feedPath } from "@/lib/routes";
import { alternateFeeds, listFeedTitle } from "../alternates";

const SITE = "The Daily Example";
const rss = (feeds: ReturnType<typeof alternateFeeds>) => feeds["application/rss+xml"];

describe("alternateFeeds", () => {
  it("lists only the site-wide feed for a page without a feed of its own", () => {
    expect(rss(alternateFeeds(SITE))).toEqual([{ url: feedPath(), title: SITE }]);
    expect(alternateFeeds(SITE, { kind: "site" })).toEqual(alternateFeeds(SITE));
  });

  it("lists the site feed, then the section's, for an article", () => {
    expect(rss(alternateFeeds(SITE, { kind: "article", section: { id: "world", name: "World" } }))).toEqual([
      { url: feedPath(), title: SITE },
      { url: feedPath("section", "world"), title: `${SITE}: World` },
    ]);
  });

  it("lists a section's or author's own feed first, then the site feed again", () => {
    expect(rss(alternateFeeds(SITE, { kind: "section", id: "world", name: "World" }))).toEqual([
      { url: feedPath("section", "world"), title: "World | The Daily Example" },
      { url: feedPath(), title: SITE },
    ]);
    expect(rss(alternateFeeds(SITE, { kind: "author", id: "ana-writer", name: "Ana Writer" }))).toEqual([
      { url: feedPath("author", "ana-writer"), title: listFeedTitle("Ana Writer", SITE) },
      { url: feedPath(), title: SITE },
    ]);
  });
});
