/**
 * The engine suite against the shared engine: a throwaway PostgreSQL cluster on loopback (port
 * LEDGER_TEST_PG_PORT, default 5442) in a temp dir, stopped and removed afterwards. Skipped, with a
 * message saying so, only when Debian's postgresql or its RUM extension is not installed; `.ci/run` installs it and sets
 * LEDGER_REQUIRE_POSTGRES=1 (as does CI=1), with which a missing PostgreSQL fails the run instead.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initPostgresCluster, missingRumPackage, postgresBinDir, postgresCommand, postgresReady, postgresUrl } from "../../../ops/postgres";
import pg from "pg";
import { openPostgresSearch, parsePostgresLocation, redactUrl } from "../postgres";
import { parseQuery } from "../query";
import { searchEngineSuite } from "./engine-suite";

const PORT = Number(process.env.LEDGER_TEST_PG_PORT || 5442);
const missing = postgresBinDir() === undefined ? "postgresql" : missingRumPackage();
const installed = missing === undefined;
if (!installed && (process.env.CI || process.env.LEDGER_REQUIRE_POSTGRES))
  throw new Error(`PostgreSQL or its RUM extension is not installed (sudo apt-get install -y ${missing}); .ci/run installs them.`);
if (!installed) console.warn(`SKIPPED: the PostgreSQL search engine tests need Debian's ${missing} (sudo apt-get install -y ${missing}).`);

describe.skipIf(!installed)("PostgreSQL full-text search", () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let schemas = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-pg-"));
    fs.chmodSync(dir, 0o755);
    const data = path.join(dir, "data");
    initPostgresCluster(data, { log: () => {} });
    const { cmd, args, uid, gid } = postgresCommand(data, PORT);
    server = spawn(cmd, args, { stdio: "ignore", uid, gid, cwd: "/" });
    const deadline = Date.now() + 30_000;
    while (!(await postgresReady(PORT))) {
      if (server.exitCode !== null) throw new Error(`postgres exited (${server.exitCode}): is port ${PORT} free?`);
      if (Date.now() > deadline) throw new Error("postgres did not come up within 30 s");
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGINT"); // fast shutdown
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  // Each suite run gets an empty engine: its own schema in the cluster.
  searchEngineSuite("PostgreSQL", async () => openPostgresSearch(postgresUrl(PORT, `suite_${++schemas}`)));

  it("names its schema in the URL, as a plain identifier only, and hides passwords in logs", () => {
    expect(parsePostgresLocation("postgres://u@h:1/db?schema=abc")).toEqual({ connectionString: "postgres://u@h:1/db", schema: "abc" });
    expect(parsePostgresLocation("postgres://u@h:1/db").schema).toBe("ledger_search");
    expect(() => parsePostgresLocation('postgres://u@h:1/db?schema=a";drop')).toThrow(/identifier/);
    expect(redactUrl("postgres://u:secret@h:1/db")).not.toContain("secret");
  });

  it("a bulk load writes without the RUM indexes and builds them again, also when the write fails", async () => {
    const schema = "bulk";
    const engine = openPostgresSearch(postgresUrl(PORT, schema));
    const client = new pg.Client({ connectionString: postgresUrl(PORT, schema).replace(/\?.*$/, "") });
    await client.connect();
    const rumIndexes = async () =>
      (await client.query("SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING rum%'", [schema])).rows.length;
    try {
      const started = Date.now();
      const doc = (i: number) => ({
        slug: `bulk-${i}`,
        title: `Bulk story ${i}`,
        dek: "d",
        body: "Saltmarsh wardens counted the curlews.",
        section: "science",
        authors: ["A"],
        tags: [],
        status: "published" as const,
        version: "v",
        publishedAt: new Date(started - (i + 1) * 60_000),
      });
      const during = await engine.bulkLoad!(async () => {
        await engine.index(Array.from({ length: 50 }, (_, i) => doc(i)));
        return rumIndexes();
      });
      expect(during).toBe(0);
      // The whole archive's index, the head index and one index per month of the stories.
      const months = new Set(Array.from({ length: 50 }, (_, i) => doc(i).publishedAt.toISOString().slice(0, 7)));
      expect(await rumIndexes()).toBe(2 + months.size);
      const found = await engine.search({ query: parseQuery('"counted the curlews"'), sort: "relevance", page: 1 }, { now: new Date() });
      expect(found.total).toBe(50);
      await expect(engine.bulkLoad!(() => Promise.reject(new Error("write failed")))).rejects.toThrow("write failed");
      expect(await rumIndexes()).toBe(2 + months.size);
    } finally {
      await client.end();
      await engine.close();
    }
  });

  it("a story of a new month gets that month's index with it; an index of an earlier version is migrated on connect", async () => {
    const schema = "months";
    const url = postgresUrl(PORT, schema);
    const client = new pg.Client({ connectionString: url.replace(/\?.*$/, "") });
    await client.connect();
    const indexes = async () =>
      (
        await client.query<{ indexname: string }>(
          "SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING rum%' ORDER BY 1",
          [schema],
        )
      ).rows.map((r) => r.indexname);
    const story = (slug: string, publishedAt: string) => ({
      slug,
      title: `Heron count ${slug}`,
      dek: "d",
      body: "Wardens counted the herons at dawn.",
      section: "science",
      authors: ["A"],
      tags: [],
      status: "published" as const,
      version: "v",
      publishedAt: new Date(publishedAt),
    });
    const view = { now: new Date("2026-06-01T00:00:00Z") };
    let engine = openPostgresSearch(url);
    try {
      await engine.index([story("a", "2026-03-31T23:59:59Z"), story("b", "2026-04-01T00:00:00Z")]);
      expect(await indexes()).toEqual(["search_docs_head_rum", "search_docs_rum", "search_docs_rum_2026_03", "search_docs_rum_2026_04"]);
      await engine.index([story("c", "2025-12-15T12:00:00Z")]);
      expect(await indexes()).toContain("search_docs_rum_2025_12");
      // As an index of an earlier version: a generated headline vector of another definition, with a GIN index.
      await engine.close();
      await client.query(`DROP INDEX "${schema}".search_docs_head_rum`);
      await client.query(`ALTER TABLE "${schema}".search_docs DROP COLUMN head_tsv`);
      await client.query(
        `ALTER TABLE "${schema}".search_docs ADD COLUMN head_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title)) STORED`,
      );
      await client.query(`CREATE INDEX search_docs_head_tsv ON "${schema}".search_docs USING gin (head_tsv)`);
      engine = openPostgresSearch(url);
      const found = await engine.search({ query: parseQuery("heron"), sort: "relevance", page: 1 }, view);
      expect(found.hits.map((h) => h.slug).sort()).toEqual(["a", "b", "c"]);
      expect(await indexes()).toContain("search_docs_head_rum");
      expect((await client.query(`SELECT count(*) AS n FROM "${schema}".search_docs WHERE head_tsv IS NULL`)).rows[0].n).toBe("0");
    } finally {
      await client.end();
      await engine.close();
    }
  });

  it("servers starting together create the schema once", async () => {
    const url = postgresUrl(PORT, "together");
    const engines = [openPostgresSearch(url), openPostgresSearch(url), openPostgresSearch(url)];
    try {
      await Promise.all(engines.map((e) => e.versions()));
    } finally {
      await Promise.all(engines.map((e) => e.close()));
    }
  });
});
