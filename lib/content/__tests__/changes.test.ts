/**
 * diffContent's hash cache: an unchanged file (same size and modification time) is not read
 * again, a changed one always is, and so is a file modified within a second of the cache being
 * written ("racily clean"), even when its size and time look the same.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { diffContent, hashCachePath } from "../changes";
import { hashSource } from "../publish";
import { makeFixture, mdx, removeFixtures, storyFields, type Fixture } from "./fixture";

let fixture: Fixture;
const contentDir = () => path.join(fixture.root, "content");
const file = (p: string) => path.join(contentDir(), p);
/** Every content file's hash, as an index holding exactly the folder would list them. */
const manifestOfFolder = () => new Map(diffContent(contentDir(), new Map()).map((c) => [c.path, hashSource(c.source!)]));
/** Sets every content file's modification time `ms` before the test's own clock. */
const ageFiles = (ms: number) => {
  const then = new Date(Date.now() - ms);
  for (const p of fs.readdirSync(path.join(contentDir(), "articles"))) fs.utimesSync(file(`articles/${p}`), then, then);
};
/** The content files read through `fs.readFileSync` since the spy was last cleared. */
const readsOf = (spy: { mock: { calls: unknown[][] } }): string[] =>
  spy.mock.calls.map(([f]) => String(f)).filter((f) => f.startsWith(contentDir())).map((f) => path.relative(contentDir(), f));

beforeEach(async () => {
  fixture = await makeFixture({});
});
afterAll(removeFixtures);

describe("diffContent with a hash cache", () => {
  it("keeps the cache beside the content folder, never inside it", () => {
    expect(hashCachePath("/srv/news/content")).toBe("/srv/news/.ledger/content-hashes.json");
  });

  it("does not read unchanged files again, and finds a changed one", async () => {
    const cache = path.join(fixture.root, ".ledger", "content-hashes.json");
    ageFiles(3_600_000);
    const manifest = manifestOfFolder();
    expect(diffContent(contentDir(), manifest, { hashCache: cache })).toEqual([]);
    expect(fs.existsSync(cache)).toBe(true);

    const spy = vi.spyOn(fs, "readFileSync");
    try {
      expect(diffContent(contentDir(), manifest, { hashCache: cache })).toEqual([]);
      expect(readsOf(spy).filter((p) => p.startsWith("articles/"))).toEqual([]);

      const [first] = fs.readdirSync(path.join(contentDir(), "articles"));
      fs.appendFileSync(file(`articles/${first}`), "\nA correction.\n");
      spy.mockClear();
      const changes = diffContent(contentDir(), manifest, { hashCache: cache });
      expect(changes.map((c) => c.path)).toEqual([`articles/${first}`]);
      expect(changes[0].source).toContain("A correction.");
      expect(readsOf(spy).filter((p) => p.startsWith("articles/"))).toEqual([`articles/${first}`]);
    } finally {
      spy.mockRestore();
    }
  });

  it("reads a racily clean file again: same size and time, changed within a second of the cache", async () => {
    const cache = path.join(fixture.root, ".ledger", "content-hashes.json");
    await fixture.write("content/articles/racy-story.mdx", mdx(storyFields("racy-story", { title: "Aaaa" })));
    const manifest = manifestOfFolder();
    expect(diffContent(contentDir(), manifest, { hashCache: cache })).toEqual([]);
    // Same length, and the modification time put back: only the content differs.
    const racy = file("articles/racy-story.mdx");
    const { mtime } = fs.statSync(racy);
    fs.writeFileSync(racy, fs.readFileSync(racy, "utf8").replace("Aaaa", "Bbbb"));
    fs.utimesSync(racy, mtime, mtime);
    expect(diffContent(contentDir(), manifest, { hashCache: cache }).map((c) => c.path)).toEqual(["articles/racy-story.mdx"]);
  });

  it("ignores a cache written for another folder", async () => {
    const cache = path.join(fixture.root, ".ledger", "content-hashes.json");
    ageFiles(3_600_000);
    const manifest = manifestOfFolder();
    diffContent(contentDir(), manifest, { hashCache: cache });
    const written = JSON.parse(fs.readFileSync(cache, "utf8"));
    // Another folder's cache claiming every file has some other hash: not believed.
    const files = Object.fromEntries(Object.entries(written.files as Record<string, [number, number, string]>).map(([p, [m, s]]) => [p, [m, s, "x"]]));
    fs.writeFileSync(cache, JSON.stringify({ ...written, dir: "/elsewhere", files }));
    expect(diffContent(contentDir(), manifest, { hashCache: cache })).toEqual([]);
  });
});
