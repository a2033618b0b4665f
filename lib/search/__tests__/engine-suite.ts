/**
 * The search suite every engine passes (the same tests, engine by engine): relevance against the
 * sample news, visibility, filters, sorting, paging, safe snippets, hostile queries, and keeping in
 * step with publishing. `open` gives an empty engine.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentFromEntries } from "../../content/entries";
import { createQueries } from "../../content/queries";
import { openStore, type ContentStore } from "../../content/store";
import type { View } from "../../content/visibility";
import { parseQuery } from "../query";
import { syncSearch } from "../sync";
import { MAX_COUNTED, type SearchEngine, type SearchRequest } from "../types";

/** The tests' clock: after every sample story but the scheduled one. No test reads the calendar. */
export const NOW = new Date("2026-12-01T12:00:00Z");
const PUBLIC: View = { now: NOW };
const EDITOR: View = { now: NOW, preview: { scope: "*" } };

const DRAFT = "harlow-pass-ceasefire-talks";
const SCHEDULED = "old-orlen-bridge-reopens";

export function searchEngineSuite(name: string, open: () => Promise<SearchEngine>) {
  describe(`search engine: ${name}`, () => {
    let store: ContentStore;
    let engine: SearchEngine;
    const search = (q: string, view: View = PUBLIC, extra: Partial<SearchRequest> = {}) =>
      engine.search({ query: parseQuery(q), sort: "relevance", page: 1, ...extra }, view);
    const slugs = async (q: string, view?: View, extra?: Partial<SearchRequest>) => (await search(q, view, extra)).hits.map((h) => h.slug);

    beforeAll(async () => {
      store = openStore(); // the sample news, indexed by vitest.setup-index.ts
      engine = await open();
      const first = await syncSearch(store, engine);
      expect(first.indexed.length).toBeGreaterThan(10);
    }, 60_000); // parses every sample body: seconds on a loaded machine
    afterAll(async () => {
      await engine.close();
      await store.close();
    });

    describe("finds the story a reader half remembers (top 3)", () => {
      const fixtures: [what: string, query: string, slug: string][] = [
        ["a headline word", "otters", "orlen-river-otters-return"],
        ["a phrase from the middle of a body", '"tides can be predicted years in advance"', "tidal-energy-trial-begins-off-port-alder"],
        ["the same words, unquoted", "predicted tides years advance", "tidal-energy-trial-begins-off-port-alder"],
        ["a stemmed form", "ferrying", "orlen-shipyard-wins-ferry-contract"],
        ["an author", "Jonah Feld", "tidal-energy-trial-begins-off-port-alder"],
        ["a tag", "banking", "cooperative-bank-closes-rural-branches"],
        ["a name without its diacritics", "Tomas Ekholm", "orlen-river-otters-return"],
        ["a name with them", "Tomáš Ekholm", "orlen-river-otters-return"],
        ["any case", "LANTERN festival", "lantern-festival-draws-record-crowds"],
      ];
      for (const [what, query, slug] of fixtures) {
        it(`${what}: ${query}`, async () => {
          expect((await slugs(query)).slice(0, 3)).toContain(slug);
        });
      }
    });

    it("a phrase matches its words in order only", async () => {
      expect(await slugs('"safe crossings"')).toContain("orlen-river-otters-return");
      expect(await slugs('"crossings safe"')).not.toContain("orlen-river-otters-return");
    });

    it("-excluded words and phrases leave stories out", async () => {
      expect(await slugs("otters")).toContain("orlen-river-otters-return");
      expect(await slugs("otters -Maravik")).not.toContain("orlen-river-otters-return");
      expect(await slugs('river -"safe crossings"')).not.toContain("orlen-river-otters-return");
      // Only excluded words: every public story but those.
      const all = await search("", PUBLIC, { perPage: 100 });
      const without = await slugs("-otters", PUBLIC, { perPage: 100 });
      expect(without).not.toContain("orlen-river-otters-return");
      expect(without.length).toBe(all.total - 1);
      // A common word ("the", a stop word to PostgreSQL) with an exclusion: results, never that story.
      const common = await slugs("the -otters", PUBLIC, { perPage: 100 });
      expect(common.length).toBeGreaterThan(5);
      expect(common).not.toContain("orlen-river-otters-return");
    });

    it("never finds a hidden story without preview", async () => {
      for (const q of [
        "Lusk venue",
        "ceasefire line",
        "Harlow Pass ceasefire",
        "Ostrander",
        "Old Orlen bridge reopens",
        "walkers cyclists",
        "",
        "-zzzz",
      ]) {
        const found = await search(q, PUBLIC, { perPage: 100 });
        expect(found.hits.map((h) => h.slug)).not.toContain(DRAFT);
        expect(found.hits.map((h) => h.slug)).not.toContain(SCHEDULED);
        expect(found.hits.every((h) => h.state === "public")).toBe(true);
        expect(found.total).toBe(found.hits.length);
      }
      // A preview link for one story opens that story only.
      const shared = await slugs("Lusk OR Ostrander OR Harlow", { now: NOW, preview: { scope: DRAFT } }, { perPage: 100 });
      expect(await slugs("Lusk venue", { now: NOW, preview: { scope: DRAFT } })).toEqual([DRAFT]);
      expect(await slugs("Ostrander", { now: NOW, preview: { scope: DRAFT } })).toEqual([]);
      expect(shared).not.toContain(SCHEDULED);
    });

    it("a scheduled story is found from its publication time on", async () => {
      const at = new Date("2027-03-01T08:00:00Z");
      expect(await slugs("Ostrander", { now: new Date(at.getTime() - 1) })).toEqual([]);
      expect(await slugs("Ostrander", { now: at })).toEqual([SCHEDULED]);
    });

    it("an editor's preview finds drafts and scheduled stories, marked as such", async () => {
      const draft = (await search("Lusk venue", EDITOR)).hits.find((h) => h.slug === DRAFT);
      const scheduled = (await search("Ostrander", EDITOR)).hits.find((h) => h.slug === SCHEDULED);
      expect(draft?.state).toBe("draft");
      expect(scheduled?.state).toBe("scheduled");
    });

    it("snippets highlight the terms and are safe HTML", async () => {
      const hit = (await search("otters cubs")).hits.find((h) => h.slug === "orlen-river-otters-return")!;
      expect(hit.snippet).toMatch(/<mark>(otters|cubs)<\/mark>/i);
      expect(hit.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    });

    it("filters by section and date, and sorts by relevance or newest", async () => {
      const science = await search("Port Alder", PUBLIC, { section: "science", perPage: 100 });
      expect(science.hits.length).toBeGreaterThan(0);
      expect(science.hits.map((h) => h.slug)).toContain("orlen-river-otters-return");
      expect(await slugs("Port Alder", PUBLIC, { section: "no-such-section" })).toEqual([]);

      const since = new Date("2026-11-20T00:00:00Z");
      const recent = await search("", PUBLIC, { since, perPage: 100 });
      expect(recent.hits.length).toBeGreaterThan(0);
      const all = await search("", PUBLIC, { perPage: 100 });
      expect(recent.total).toBeLessThan(all.total);

      const newest = await search("Port Alder", PUBLIC, { sort: "newest", perPage: 100 });
      const relevance = await search("Port Alder", PUBLIC, { perPage: 100 });
      expect(new Set(newest.hits.map((h) => h.slug))).toEqual(new Set(relevance.hits.map((h) => h.slug)));
      expect(newest.hits.map((h) => h.slug)).not.toEqual(relevance.hits.map((h) => h.slug));
    });

    it("pages results, and a page past the end is empty, not an error", async () => {
      const first = await search("", PUBLIC, { perPage: 5 });
      const second = await search("", PUBLIC, { perPage: 5, page: 2 });
      expect(first.hits).toHaveLength(5);
      expect(first.pageCount).toBe(Math.ceil(first.total / 5));
      expect(second.hits.map((h) => h.slug)).not.toContain(first.hits[0].slug);
      const past = await search("", PUBLIC, { perPage: 5, page: 999 });
      expect(past.hits).toEqual([]);
      expect(past.page).toBe(999);
    });

    it("hostile and odd queries are text to look for, never an error", async () => {
      const queries = [
        '"',
        '""""',
        '"unbalanced',
        "a OR b",
        "NOT otters",
        "otters AND",
        "NEAR(a b)",
        "title:otters",
        "{title dek}: x",
        "*",
        "otter*",
        "^start",
        "'; DROP TABLE search_docs; --",
        "1=1 OR 'a'='a'",
        "\u0000\u0001\u0002\u0003",
        "%00",
        "x".repeat(10_240),
        "ferry ".repeat(2000),
        "東京 Москва القاهرة नई दिल्ली ᓄᓇᕗᑦ 🙂 \u0301",
        "\ud800",
        "-",
        "--",
        "()",
        "(((",
      ];
      for (const q of queries) await expect(search(q, PUBLIC)).resolves.toHaveProperty("hits");
      expect(await slugs("NOT otters")).toContain("orlen-river-otters-return");
    });

    it("among equally good matches, the newer story comes first; and text is escaped", async () => {
      const base = { dek: "d", section: "science", authors: ["A"], tags: [], status: "published" as const, version: "v" };
      const body = "The zymurgy <script>alert(1)</script> & brewing survey";
      await engine.index([
        { ...base, slug: "zz-older", title: "Zymurgy survey", body, publishedAt: new Date("2026-01-01T00:00:00Z") },
        { ...base, slug: "zz-newer", title: "Zymurgy survey", body, publishedAt: new Date("2026-11-01T00:00:00Z") },
      ]);
      const found = await search("zymurgy");
      expect(found.hits.map((h) => h.slug)).toEqual(["zz-newer", "zz-older"]);
      expect(found.hits[0].snippet).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; brewing");
      expect(found.hits[0].snippet).toContain("<mark>zymurgy</mark>");
      // A sync removes what the content index does not hold.
      const synced = await syncSearch(store, engine);
      expect(synced).toEqual({ indexed: [], removed: ["zz-newer", "zz-older"] });
      expect(await slugs("zymurgy")).toEqual([]);
    });

    it("each hit's snippet is its own story's text", async () => {
      const base = { dek: "d", section: "science", authors: ["A"], tags: [], status: "published" as const, version: "v" };
      const words = ["alder", "birch", "cedar"];
      await engine.index(
        words.map((w, i) => ({
          ...base,
          slug: `zz-${w}`,
          title: `Note ${w}`,
          body: `A ${w} grove where the gyrfalcon nests.`,
          publishedAt: new Date(NOW.getTime() - (i + 1) * 3_600_000),
        })),
      );
      const found = await search("gyrfalcon");
      expect(found.hits.map((h) => h.slug)).toEqual(words.map((w) => `zz-${w}`));
      found.hits.forEach((h, i) => expect(h.snippet).toContain(`${words[i]} grove`));
      await engine.remove(words.map((w) => `zz-${w}`));
    });

    it("a common word: the count stops past MAX_COUNTED and says so, and an old story named in its headline still leads", async () => {
      const base = { dek: "d", section: "science", authors: ["A"], tags: [], status: "published" as const, version: "v" };
      const mentions = Array.from({ length: MAX_COUNTED + 100 }, (_, i) => ({
        ...base,
        slug: `zz-mention-${i}`,
        title: `Council notes ${i}`,
        body: `The council met again, and the quillwort survey was mentioned in passing, item ${i}.`,
        publishedAt: new Date(NOW.getTime() - (i + 1) * 3_600_000),
      }));
      const named = {
        ...base,
        slug: "zz-named",
        title: "Quillwort survey finds the xerophyte fern",
        body: "Botanists counted it.",
        publishedAt: new Date("2020-01-01T00:00:00Z"),
      };
      // Named in its headline too, but its body has a word the reader excludes.
      const excluded = { ...named, slug: "zz-named-excluded", title: "Quillwort survey ends", body: "Surveyors left the marsh." };
      await engine.index([...mentions, named, excluded]);
      const found = await search("quillwort");
      expect(found).toMatchObject({ total: MAX_COUNTED, more: true, pageCount: MAX_COUNTED / 20 });
      expect(
        found.hits
          .map((h) => h.slug)
          .slice(0, 2)
          .sort(),
      ).toEqual(["zz-named", "zz-named-excluded"]);
      const without = await search("quillwort -surveyors");
      expect(without.hits[0].slug).toBe("zz-named");
      expect(without.hits.map((h) => h.slug)).not.toContain("zz-named-excluded");
      const newest = await search("quillwort", PUBLIC, { sort: "newest" });
      expect(newest.hits.map((h) => h.slug).slice(0, 2)).toEqual(["zz-mention-0", "zz-mention-1"]);
      const last = await search("quillwort", PUBLIC, { page: MAX_COUNTED / 20 });
      expect(last.hits).toHaveLength(20);
      const few = await search("xerophyte");
      expect(few).toMatchObject({ total: 1, more: false });
      expect((await syncSearch(store, engine)).removed).toHaveLength(mentions.length + 2);
    }, 60_000);

    it("a publish of stories only re-indexes just those, and removes one whose file is gone", async () => {
      const entries = new Map((await store.changesSince(0)).entries.map((e) => [e.path, e]));
      const site = createQueries(contentFromEntries(entries));
      const base = { dek: "d", section: "science", authors: ["A"], tags: [], status: "published" as const, version: "v" };
      await engine.index([{ ...base, slug: "zz-gone", title: "Gone", body: "Taken down.", publishedAt: new Date("2026-01-01T00:00:00Z") }]);
      const otters = "orlen-river-otters-return";
      const synced = await syncSearch(store, engine, entries, undefined, { site, slugs: [otters, "zz-gone"] });
      expect(synced).toEqual({ indexed: [otters], removed: ["zz-gone"] });
      expect(await slugs("otters")).toContain(otters);
      expect(await slugs("gone")).not.toContain("zz-gone");
    });

    it("a sync re-indexes exactly the stories whose search text changed", async () => {
      const entries = new Map((await store.changesSince(0)).entries.map((e) => [e.path, e]));
      expect(await syncSearch(store, engine, entries)).toEqual({ indexed: [], removed: [] });
      // An author's new name re-indexes that author's stories, and search finds the new name.
      const author = entries.get("authors/jonah-feld.mdx")!;
      const renamed = new Map(entries).set(author.path, { ...author, data: { ...(author.data as object), name: "Jonah Quillfeather" } });
      const synced = await syncSearch(store, engine, renamed);
      expect(synced.indexed.sort()).toEqual(["orlen-river-otters-return", "storm-edda-live", "tidal-energy-trial-begins-off-port-alder"]);
      expect((await slugs("Quillfeather")).sort()).toEqual(synced.indexed);
      // An unpublished (deleted) story leaves search.
      const without = new Map(entries);
      without.delete("articles/orlen-river-otters-return.mdx");
      expect(await syncSearch(store, engine, without)).toEqual({
        indexed: ["storm-edda-live", "tidal-energy-trial-begins-off-port-alder"],
        removed: ["orlen-river-otters-return"],
      });
      expect(await slugs("otters")).not.toContain("orlen-river-otters-return");
      await syncSearch(store, engine, entries);
      expect(await slugs("otters")).toContain("orlen-river-otters-return");
    });
  });
}
