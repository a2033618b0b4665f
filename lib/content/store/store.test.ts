/**
 * One suite, both engines: the embedded SQLite file and Redis (a real redis-server on loopback,
 * which .ci/run installs; without it the Redis half is skipped locally and fails in CI).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRedisStore } from "./redis";
import { openSqliteStore } from "./sqlite";
import type { ContentStore } from "./types";

const REDIS_PORT = 6395;
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!hasRedis && process.env.CI) throw new Error("redis-server is not installed: .ci/run installs it (apt-get install redis-server)");

const entry = (p: string, title: string) => ({ path: p, hash: `hash-of-${title}`, data: { title }, body: `---\ntitle: ${title}\n---\nBody of ${title}.\n` });

function storeSuite(name: string, open: () => Promise<ContentStore>) {
  describe(`the ${name} index`, () => {
    let store: ContentStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => store?.close());

    it("starts empty", async () => {
      expect(await store.seq()).toBe(0);
      expect(await store.changesSince(0)).toEqual({ seq: 0, entries: [], deleted: [] });
      expect((await store.manifest()).size).toBe(0);
    });

    it("writes a publish as one step and gives it a sequence number", async () => {
      const seq = await store.apply([entry("articles/a.mdx", "A"), entry("articles/b.mdx", "B"), { path: "site.yaml", hash: "h", data: { name: "S" } }], []);
      expect(seq).toBe(1);
      expect(await store.seq()).toBe(1);
      const all = await store.changesSince(0);
      expect(all.seq).toBe(1);
      expect(all.entries.map((e) => e.path).sort()).toEqual(["articles/a.mdx", "articles/b.mdx", "site.yaml"]);
      expect(all.entries.find((e) => e.path === "articles/a.mdx")).toEqual({ path: "articles/a.mdx", hash: "hash-of-A", data: { title: "A" } });
      expect(await store.body("articles/b.mdx")).toContain("Body of B.");
      expect(await store.body("site.yaml")).toBeUndefined();
      expect(Object.fromEntries(await store.manifest())).toEqual({ "articles/a.mdx": "hash-of-A", "articles/b.mdx": "hash-of-B", "site.yaml": "h" });
    });

    it("lets a reader catch up with only what changed, removals included", async () => {
      const seq = await store.apply([entry("articles/a.mdx", "A corrected")], ["articles/b.mdx"]);
      expect(seq).toBe(2);
      const changes = await store.changesSince(1);
      expect(changes).toEqual({ seq: 2, entries: [{ path: "articles/a.mdx", hash: "hash-of-A corrected", data: { title: "A corrected" } }], deleted: ["articles/b.mdx"] });
      expect(await store.changesSince(2)).toEqual({ seq: 2, entries: [], deleted: [] });
      expect(await store.body("articles/b.mdx")).toBeUndefined();
      expect([...(await store.manifest()).keys()].sort()).toEqual(["articles/a.mdx", "site.yaml"]);
      // A reader starting from nothing sees the current state, without the removed file.
      const fresh = await store.changesSince(0);
      expect(fresh.entries.map((e) => e.path).sort()).toEqual(["articles/a.mdx", "site.yaml"]);
    });

    it("brings a removed file back when it is published again", async () => {
      await store.apply([entry("articles/b.mdx", "B again")], []);
      expect((await store.changesSince(2)).entries.map((e) => e.path)).toEqual(["articles/b.mdx"]);
      expect(await store.body("articles/b.mdx")).toContain("B again");
    });
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-store-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

storeSuite("SQLite", async () => openSqliteStore(path.join(tmp, "index.sqlite")));

describe.skipIf(!hasRedis)("with Redis", () => {
  let redis: ChildProcess | undefined;
  beforeAll(async () => {
    redis = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    // Wait until it answers.
    for (let i = 0; i < 50; i++) {
      if (spawnSync("redis-cli", ["-p", String(REDIS_PORT), "ping"]).stdout?.toString().includes("PONG")) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("redis-server did not start");
  });
  afterAll(() => void redis?.kill());
  storeSuite("Redis", async () => openRedisStore(`redis://127.0.0.1:${REDIS_PORT}`, `test:${process.pid}:`));
});
