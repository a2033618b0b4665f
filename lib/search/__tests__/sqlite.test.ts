import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { parseQuery } from "../query";
import { idFor, openSqliteSearch } from "../sqlite";
import type { SearchDocument } from "../types";
import { searchEngineSuite } from "./engine-suite";

searchEngineSuite("SQLite FTS5", async () => openSqliteSearch(":memory:"));

describe("SQLite FTS5: ids in date order", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-search-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const now = new Date("2026-11-20T12:00:00Z");
  const doc = (slug: string, publishedAt: string): SearchDocument => ({
    slug,
    title: `Fenwick ${slug}`,
    dek: "d",
    body: "The fenwick ledger.",
    section: "world",
    authors: ["A"],
    tags: [],
    publishedAt: new Date(publishedAt),
    status: "published",
    version: publishedAt,
  });
  const newest = async (engine: ReturnType<typeof openSqliteSearch>) =>
    (await engine.search({ query: parseQuery("fenwick"), sort: "newest", page: 1 }, { now })).hits.map((h) => h.slug);

  it("a story whose publication time changes moves in date order, and stays one document", async () => {
    const engine = openSqliteSearch(":memory:");
    await engine.index([doc("a", "2026-11-01T00:00:00Z"), doc("b", "2026-11-02T00:00:00Z"), doc("c", "2026-11-02T00:00:00Z")]);
    expect(await newest(engine)).toEqual(["c", "b", "a"]); // the same millisecond: the later write is newer
    await engine.index([doc("a", "2026-11-03T00:00:00Z")]);
    expect(await newest(engine)).toEqual(["a", "c", "b"]);
    expect([...(await engine.versions()).keys()].sort()).toEqual(["a", "b", "c"]);
    await engine.remove(["a"]);
    expect(await newest(engine)).toEqual(["c", "b"]);
    await engine.close();
  });

  it("refuses a thousand and first story in one millisecond, with a message", () => {
    const ms = Date.parse("2026-11-02T00:00:00Z");
    expect(idFor(ms, null)).toBe(ms * 1000);
    expect(idFor(ms, ms * 1000 + 998)).toBe(ms * 1000 + 999);
    expect(() => idFor(ms, ms * 1000 + 999)).toThrow(/more than 1000 stories published in the same millisecond/);
  });

  it("rebuilds a file of the earlier schema; the next sync fills it", async () => {
    const file = path.join(dir, "old.sqlite");
    const old = new Database(file);
    old.exec(
      "CREATE TABLE search_docs (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, version TEXT NOT NULL, section TEXT NOT NULL, status TEXT NOT NULL, published_at INTEGER NOT NULL)",
    );
    old.exec("CREATE VIRTUAL TABLE search_text USING fts5(title, dek, body, authors, tags)");
    old.prepare("INSERT INTO search_docs VALUES (1, 'a', 'v', 'world', 'published', 0)").run();
    old.close();
    const engine = openSqliteSearch(file);
    expect((await engine.versions()).size).toBe(0);
    await engine.index([doc("a", "2026-11-01T00:00:00Z")]);
    expect(await newest(engine)).toEqual(["a"]);
    await engine.close();
    // Opened again at the current schema, it is kept.
    const again = openSqliteSearch(file);
    expect([...(await again.versions()).keys()]).toEqual(["a"]);
    await again.close();
  });
});
