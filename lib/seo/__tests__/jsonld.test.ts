import { describe, expect, it } from "vitest";
import type { BodyTree } from "../../content/body/parse";
import { storyObject } from "../../content/__tests__/fixture";
import { absoluteUrl, updatePermalink } from "../../routes";
import { homeJsonLd, liveBlogJsonLd, serializeJsonLd } from "../jsonld";

describe("serializeJsonLd", () => {
  it("cannot be broken out of by text inside it", () => {
    const out = serializeJsonLd({ headline: "Bad </script><script>alert(1)</script> \u2028 line" });
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain("\u2028");
    expect(JSON.parse(out).headline).toBe("Bad </script><script>alert(1)</script> \u2028 line");
  });
});

describe("homeJsonLd", () => {
  it("gives the WebSite a SearchAction into the search page", () => {
    const [website] = homeJsonLd({ name: "The Ledger", tagline: "News", language: "en-GB", timeZone: "Europe/London", social: [] });
    const action = (website as unknown as { potentialAction: { target: { urlTemplate: string }; "query-input": string } }).potentialAction;
    expect(action.target.urlTemplate).toBe(`${absoluteUrl("/search")}?q={search_term_string}`);
    expect(action["query-input"]).toBe("required name=search_term_string");
  });
});

describe("liveBlogJsonLd", () => {
  const site = { name: "The Ledger", tagline: "News", language: "en-GB", timeZone: "Europe/London", social: [] };
  const author = { id: "ana-writer", file: "content/authors/ana-writer.mdx", name: "Ana Writer", role: "Reporter", links: {} };
  const story = {
    ...storyObject("storm-live", new Date("2026-11-20T06:00:00Z"), { type: "live" as const }),
    updatedAt: new Date("2026-11-20T12:00:00Z"),
  };
  const para = (value: string): BodyTree => ({
    type: "root",
    children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value }] }],
  });
  const updates = [
    {
      id: "late",
      title: "Barrier closed",
      time: new Date("2026-11-20T12:00:00Z"),
      permalink: updatePermalink("storm-live", "late"),
      authors: [author],
      text: para("x"),
    },
    {
      id: "old",
      time: new Date("2026-11-20T07:00:00Z"),
      permalink: updatePermalink("storm-live", "old", 2),
      authors: [author],
      text: para("The wind is rising fast now. ".repeat(10)),
    },
  ];
  const ld = (liveUntil?: string, now = new Date("2026-11-21T00:00:00Z")) =>
    liveBlogJsonLd({
      story: { ...story, liveUntil },
      section: { id: "world", name: "World", description: "" },
      authors: [author],
      site,
      tagLabels: [],
      updates,
      now,
    }) as unknown as Record<string, unknown> & {
      liveBlogUpdate: Record<string, unknown>[];
    };

  it("is a LiveBlogPosting with its start, and each update a BlogPosting whose @id is the canonical URL with its fragment", () => {
    const data = ld();
    expect(data["@type"]).toBe("LiveBlogPosting");
    expect(data.coverageStartTime).toBe("2026-11-20T06:00:00.000Z");
    expect(data.coverageEndTime).toBeUndefined();
    expect(data.dateModified).toBe("2026-11-20T12:00:00.000Z");
    const [late, old] = data.liveBlogUpdate;
    expect(late).toMatchObject({
      "@type": "BlogPosting",
      "@id": absoluteUrl("/articles/storm-live#update-late"),
      headline: "Barrier closed",
      datePublished: "2026-11-20T12:00:00.000Z",
    });
    expect((late.author as { name: string }).name).toBe("Ana Writer");
    // An older update is identified by the story's canonical URL, and found on the page that shows it.
    expect(old["@id"]).toBe(absoluteUrl("/articles/storm-live#update-old"));
    expect(old.url).toBe(absoluteUrl("/articles/storm-live?page=2#update-old"));
    // An untitled update's headline is the start of its text, within Google's 110 characters.
    expect((old.headline as string).length).toBeLessThanOrEqual(110);
    expect(old.headline).toMatch(/^The wind is rising fast now\./);
  });

  it("has coverageEndTime once the coverage has ended, and not before", () => {
    expect(ld("2026-11-20T23:00:00+00:00").coverageEndTime).toBe("2026-11-20T23:00:00.000Z");
    expect(ld("2026-11-22T23:00:00+00:00").coverageEndTime).toBeUndefined();
  });
});
