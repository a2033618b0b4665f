/** The embedded index: one SQLite file (better-sqlite3), no server to run. WAL lets the site read while a publish writes. */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { ContentStore, IndexChanges, IndexEntry } from "./types";

export function openSqliteStore(file: string): ContentStore {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(`
    CREATE TABLE IF NOT EXISTS entries (
      path TEXT PRIMARY KEY,
      hash TEXT,            -- NULL: removed (kept as a tombstone so readers learn of the removal)
      data TEXT,
      body TEXT,
      seq  INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS entries_by_seq ON entries (seq);
    -- The manifest (every path's hash) from this index alone, not from the rows with their bodies.
    CREATE INDEX IF NOT EXISTS entries_manifest ON entries (path, hash);
  `);
  const maxSeq = db.prepare<[], { seq: number | null }>("SELECT max(seq) AS seq FROM entries");
  const since = db.prepare<[number], { path: string; hash: string | null; data: string | null; seq: number }>(
    "SELECT path, hash, data, seq FROM entries WHERE seq > ? ORDER BY seq",
  );
  const all = db.prepare<[], { path: string; hash: string }>("SELECT path, hash FROM entries WHERE hash IS NOT NULL");
  const upsert = db.prepare("INSERT OR REPLACE INTO entries (path, hash, data, body, seq) VALUES (?, ?, ?, ?, ?)");
  const tombstone = db.prepare("UPDATE entries SET hash = NULL, data = NULL, body = NULL, seq = ? WHERE path = ?");
  const bodyOf = db.prepare<[string], { body: string | null }>("SELECT body FROM entries WHERE path = ? AND hash IS NOT NULL");

  const write = db.transaction((upserts: IndexEntry[], deletes: string[]) => {
    const seq = (maxSeq.get()?.seq ?? 0) + 1;
    for (const e of upserts) upsert.run(e.path, e.hash, JSON.stringify(e.data), e.body ?? null, seq);
    for (const p of deletes) tombstone.run(seq, p);
    return seq;
  });

  return {
    engine: "sqlite",
    async seq() {
      return maxSeq.get()?.seq ?? 0;
    },
    async changesSince(seq: number): Promise<IndexChanges> {
      const changes: IndexChanges = { seq, entries: [], deleted: [] };
      for (const row of since.iterate(seq)) {
        if (row.hash === null) changes.deleted.push(row.path);
        else changes.entries.push({ path: row.path, hash: row.hash, data: JSON.parse(row.data!) });
        changes.seq = row.seq;
      }
      return changes;
    },
    async manifest() {
      return new Map(all.all().map((r) => [r.path, r.hash]));
    },
    async apply(upserts, deletes) {
      return write(upserts, deletes);
    },
    async body(p) {
      return bodyOf.get(p)?.body ?? undefined;
    },
    async close() {
      db.close();
    },
  };
}
