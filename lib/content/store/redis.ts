/**
 * The shared index for several servers: Redis, which the production topology already runs.
 *   <prefix>entries   hash  path -> {"hash","data"} (data null: removed)
 *   <prefix>bodies    hash  path -> file text
 *   <prefix>changes   zset  path scored by the sequence number of its last change
 *   <prefix>seq       the latest sequence number
 * A write takes a new number, then writes everything in one MULTI, so a reader sees a publish
 * whole or not at all; readers follow the scores they actually read, never the counter alone.
 */
import { createClient } from "redis";
import type { ContentStore, IndexChanges } from "./types";

export function openRedisStore(url: string, prefix = "ledger:index:"): ContentStore {
  // While disconnected, commands fail at once (no offline queue): readers fall back to their last snapshot.
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (n) => Math.min(100 * 2 ** n, 2_000) },
  });
  client.on("error", () => {}); // reported by the failing command instead
  let connected: Promise<unknown> | undefined;
  const redis = async () => {
    connected ??= client.connect();
    await connected;
    return client;
  };
  const key = (name: string) => `${prefix}${name}`;

  return {
    engine: "redis",
    async seq() {
      return Number((await (await redis()).get(key("seq"))) ?? 0);
    },
    async changesSince(seq: number): Promise<IndexChanges> {
      const r = await redis();
      const changed = await r.zRangeByScoreWithScores(key("changes"), `(${seq}`, "+inf");
      const changes: IndexChanges = { seq, entries: [], deleted: [] };
      if (!changed.length) return changes;
      const values = await r.hmGet(
        key("entries"),
        changed.map((c) => c.value),
      );
      changed.forEach((c, i) => {
        const value = values[i];
        const entry = value ? (JSON.parse(value) as { hash: string; data: unknown }) : undefined;
        if (!entry || entry.data === null) changes.deleted.push(c.value);
        else changes.entries.push({ path: c.value, hash: entry.hash, data: entry.data });
        changes.seq = Math.max(changes.seq, c.score);
      });
      return changes;
    },
    async manifest() {
      const all = await (await redis()).hGetAll(key("entries"));
      const out = new Map<string, string>();
      for (const [p, value] of Object.entries(all)) {
        const entry = JSON.parse(value) as { hash: string; data: unknown };
        if (entry.data !== null) out.set(p, entry.hash);
      }
      return out;
    },
    async apply(upserts, deletes) {
      const r = await redis();
      const seq = await r.incr(key("seq"));
      const tx = r.multi();
      for (const e of upserts) {
        tx.hSet(key("entries"), e.path, JSON.stringify({ hash: e.hash, data: e.data }));
        if (e.body !== undefined) tx.hSet(key("bodies"), e.path, e.body);
        tx.zAdd(key("changes"), { score: seq, value: e.path });
      }
      for (const p of deletes) {
        tx.hSet(key("entries"), p, JSON.stringify({ hash: null, data: null }));
        tx.hDel(key("bodies"), p);
        tx.zAdd(key("changes"), { score: seq, value: p });
      }
      await tx.exec();
      return seq;
    },
    async body(p) {
      return (await (await redis()).hGet(key("bodies"), p)) ?? undefined;
    },
    async close() {
      if (connected) await client.quit().catch(() => {});
    },
  };
}
