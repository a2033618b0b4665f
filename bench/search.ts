/**
 * `npm run bench:search -- [sizes...]` (default 10000): what site search costs on each engine at a
 * large archive. Figures only, never pass/fail. For each size it generates an archive
 * (bench/archive.ts) under bench/.tmp/search-<size>, turns every public story into a search
 * document, and for the embedded engine (SQLite FTS5) and the shared one (PostgreSQL, a throwaway
 * cluster of its own on 127.0.0.1:BENCH_PG_PORT, default 3231) measures:
 *
 *   - index build: wall time to write every document (batches of 200, as lib/search/sync.ts does,
 *     inside the engine's bulk load when it has one, as a sync of 5,000 or more stories is)
 *     and the index's size on disk (SQLite file; PostgreSQL table + indexes + TOAST);
 *   - 200 realistic queries (words and pairs from headlines, phrases from the middle of bodies,
 *     author names, tags, a stemmed form, -excluded words, section and date filters, newest first),
 *     run one at a time: engine time p50/p95/max (engine.search, page 1 of 20 results with
 *     snippets), then end to end: the same queries as GET /search?... over loopback HTTP to a Node
 *     server that does what the search page does before rendering (readSearchParams, the engine,
 *     the 20 hits) and answers JSON;
 *   - publish-to-searchable: what a publish adds for search: the version read that a sync compares
 *     against (versions(), every story), writing one new story, and the first search that finds it.
 *
 * Story bodies are turned into plain text with a light markdown stripper here, not the site's MDX
 * pipeline (lib/search/sync.ts), whose parse cost is a content-index cost and is measured by
 * bench:scale: this bench measures the engines. The archive is deleted afterwards (KEEP_SEARCH=1
 * keeps it). The PostgreSQL cluster is stopped on any exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { generateArchive, rng } from "./archive";
import { initPostgresCluster, postgresBinDir, postgresCommand, postgresReady, postgresUrl } from "../ops/postgres";
import { ROOT } from "../ops/topology";
import { readSearchParams } from "../app/search/_params";
import { parseQuery, type SearchDocument, type SearchEngine } from "../lib/search";
import { openSqliteSearch } from "../lib/search/sqlite";
import { openPostgresSearch } from "../lib/search/postgres";
import type { View } from "../lib/content/visibility";

const TMP = path.join(ROOT, "bench", ".tmp");
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 3231);
const HTTP_PORT = Number(process.env.BENCH_HTTP_PORT ?? 3232);
const QUERIES = 200;
const SECTIONS = ["world", "politics", "business", "science", "culture"];
const sizes = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
if (!sizes.length) sizes.push(10_000);
const engines = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");

let pgServer: ChildProcess | undefined;
let pgDir = "";
const stopPg = () => {
  if (pgServer && pgServer.exitCode === null) pgServer.kill("SIGINT");
};
process.on("exit", stopPg);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Markdown/MDX body -> plain text, roughly (components, links, emphasis, headings, lists). */
function plainText(body: string): string {
  return body
    .replace(/<[A-Z][^>]*\/>/g, " ")
    .replace(/<\/?[A-Z][^>]*>/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^#+\s*/gm, "")
    .replace(/^\s*[-*]\s+/gm, "")
    .replace(/[*_`>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function readDocuments(contentDir: string): SearchDocument[] {
  const authors = new Map<string, string>();
  for (const f of fs.readdirSync(path.join(contentDir, "authors"))) {
    const m = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(contentDir, "authors", f), "utf8"));
    const data = parseYaml(m?.[1] ?? "") as { name?: string };
    authors.set(f.replace(/\.mdx$/, ""), data?.name ?? f);
  }
  const tagLabels = (parseYaml(fs.readFileSync(path.join(contentDir, "tags.yaml"), "utf8")) ?? {}) as Record<string, string>;
  const docs: SearchDocument[] = [];
  for (const f of fs.readdirSync(path.join(contentDir, "articles"))) {
    if (!f.endsWith(".mdx")) continue;
    const source = fs.readFileSync(path.join(contentDir, "articles", f), "utf8");
    const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
    if (!m) continue;
    const fm = parseYaml(m[1]) as {
      title: string;
      dek: string;
      section: string;
      authors: string[];
      tags?: string[];
      publishedAt: string | Date;
      status?: string;
    };
    docs.push({
      slug: f.replace(/\.mdx$/, ""),
      title: fm.title,
      dek: fm.dek ?? "",
      body: plainText(m[2]),
      section: fm.section,
      authors: (fm.authors ?? []).map((a) => authors.get(a) ?? a),
      tags: (fm.tags ?? []).map((t) => tagLabels[t] ?? t),
      publishedAt: new Date(fm.publishedAt),
      status: fm.status === "draft" ? "draft" : "published",
      version: "bench",
    });
  }
  return docs;
}

const STOP = new Set(
  "the a an and or of to in on for with at by from as is are was were be has have had it its that this after over into than new says say said".split(
    " ",
  ),
);

interface BenchQuery {
  q: string;
  section?: string;
  range?: string;
  sort?: string;
  kind: string;
}

/** 200 queries a reader or an editor might type, drawn from the archive itself. */
function makeQueries(docs: SearchDocument[], seed = 11): BenchQuery[] {
  const r = rng(seed);
  const words = (text: string) => text.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 3 && !STOP.has(w.toLowerCase()));
  const out: BenchQuery[] = [];
  const published = docs.filter((d) => d.status === "published");
  while (out.length < QUERIES) {
    const d = r.pick(published);
    const roll = r.next();
    const tw = words(d.title);
    const bw = d.body.split(" ");
    if (roll < 0.25 && tw.length) out.push({ q: r.pick(tw).toLowerCase(), kind: "headline word" });
    else if (roll < 0.45 && tw.length > 1) {
      const i = r.int(tw.length - 1);
      out.push({ q: `${tw[i]} ${tw[i + 1]}`, kind: "two headline words" });
    } else if (roll < 0.6 && bw.length > 20) {
      const i = r.int(bw.length - 6) + 2;
      out.push({
        q: `"${bw
          .slice(i, i + 4)
          .join(" ")
          .replace(/["“”]/g, "")}"`,
        kind: "phrase from a body",
      });
    } else if (roll < 0.68 && d.authors.length) out.push({ q: d.authors[0], kind: "author" });
    else if (roll < 0.76 && d.tags.length) out.push({ q: r.pick(d.tags), kind: "tag" });
    else if (roll < 0.82 && tw.length) {
      const w = r.pick(tw).toLowerCase();
      out.push({ q: w.endsWith("s") ? w.slice(0, -1) + "ing" : `${w}s`, kind: "stemmed form" });
    } else if (roll < 0.88 && tw.length > 1) out.push({ q: `${tw[0]} -${tw[tw.length - 1]}`, kind: "excluded word" });
    else if (roll < 0.93 && tw.length) out.push({ q: r.pick(tw), section: d.section, kind: "section filter" });
    else if (roll < 0.97 && tw.length) out.push({ q: r.pick(tw), sort: "newest", kind: "newest first" });
    else if (tw.length) out.push({ q: r.pick(tw), range: "year", kind: "past year" });
  }
  return out;
}

const queryString = (q: BenchQuery) =>
  new URLSearchParams(
    Object.entries({ q: q.q, section: q.section, range: q.range, sort: q.sort }).filter(([, v]) => v) as [string, string][],
  ).toString();

/** A Node server doing what app/search/page.tsx does before rendering: read the URL, query, answer. */
function startServer(engine: SearchEngine, now: Date): Promise<http.Server> {
  const sections = SECTIONS.map((id) => ({ id, name: id, description: "" })) as unknown as Parameters<typeof readSearchParams>[1];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const raw = Object.fromEntries(url.searchParams.entries());
    const p = readSearchParams(raw, sections);
    const since = p.range === "year" ? new Date(now.getTime() - 366 * 86_400_000) : undefined;
    const results = await engine.search({ query: p.query, section: p.section, since, sort: p.sort, page: p.page }, { now });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(results));
  });
  return new Promise((resolve) => server.listen(HTTP_PORT, "127.0.0.1", () => resolve(server)));
}

async function startPostgres(): Promise<void> {
  if (pgServer) return;
  if (!postgresBinDir()) throw new Error("PostgreSQL is not installed (sudo apt-get install -y postgresql)");
  pgDir = path.join(TMP, "search-pg");
  fs.rmSync(pgDir, { recursive: true, force: true });
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o755 });
  initPostgresCluster(path.join(pgDir, "data"), { log: () => {} });
  const { cmd, args, uid, gid } = postgresCommand(path.join(pgDir, "data"), PG_PORT);
  pgServer = spawn(cmd, [...args, "-c", "shared_buffers=128MB"], { stdio: "ignore", uid, gid, cwd: "/" });
  for (let i = 0; !(await postgresReady(PG_PORT)); i++) {
    if (i > 150 || pgServer.exitCode !== null) throw new Error(`postgres did not start on ${PG_PORT}`);
    await sleep(200);
  }
}

async function pgSize(schema: string): Promise<number> {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: postgresUrl(PG_PORT) });
  await c.connect();
  try {
    await c.query(`VACUUM ANALYZE "${schema}".search_docs`);
    return Number((await c.query(`SELECT pg_total_relation_size('"${schema}".search_docs') AS n`)).rows[0].n);
  } finally {
    await c.end();
  }
}

interface Figures {
  engine: string;
  size: number;
  buildMs: number;
  bytes: number;
  engineP50: number;
  engineP95: number;
  engineMax: number;
  e2eP50: number;
  e2eP95: number;
  versionsMs: number;
  writeOneMs: number;
  foundMs: number;
  zeroHits: number;
}

async function benchEngine(name: string, size: number, docs: SearchDocument[], queries: BenchQuery[], now: Date): Promise<Figures> {
  let engine: SearchEngine;
  let sizeOf: () => Promise<number>;
  if (name === "sqlite") {
    const file = path.join(TMP, `search-${size}`, "search.sqlite");
    for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
    engine = openSqliteSearch(file);
    sizeOf = async () => ["", "-wal"].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);
  } else {
    await startPostgres();
    const schema = `bench_${size}`;
    engine = openPostgresSearch(postgresUrl(PG_PORT, schema));
    await engine.versions(); // creates the schema: not part of the build
    sizeOf = () => pgSize(schema);
  }
  const t0 = performance.now();
  // As a sync of this many stories does: a bulk load where the engine has one (PostgreSQL).
  const writeAll = async () => {
    for (let i = 0; i < docs.length; i += 200) await engine.index(docs.slice(i, i + 200));
  };
  await (engine.bulkLoad ? engine.bulkLoad(writeAll) : writeAll());
  const buildMs = performance.now() - t0;
  const bytes = await sizeOf();
  console.log(`  ${name}: index of ${docs.length} stories built in ${(buildMs / 1000).toFixed(1)} s, ${mb(bytes)}`);

  const view: View = { now };
  const request = (q: BenchQuery) => {
    const since = q.range === "year" ? new Date(now.getTime() - 366 * 86_400_000) : undefined;
    return { query: parseQuery(q.q), section: q.section, since, sort: (q.sort ?? "relevance") as "relevance" | "newest", page: 1 };
  };
  // Warm-up: 20 queries (statement caches, the OS page cache), not counted.
  for (const q of queries.slice(0, 20)) await engine.search(request(q), view);
  const engineTimes: number[] = [];
  let zeroHits = 0;
  for (const q of queries) {
    const t = performance.now();
    const r = await engine.search(request(q), view);
    engineTimes.push(performance.now() - t);
    if (r.total === 0) zeroHits++;
  }
  // Which kinds of query are slow: the five slowest, and p95 by kind.
  const timed = queries.map((q, i) => ({ ...q, ms: engineTimes[i] }));
  for (const t of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 5))
    console.log(`    slow: ${ms(t.ms)} ms, ${t.kind}: ${JSON.stringify(t.q)}`);
  const kinds = [...new Set(timed.map((t) => t.kind))];
  console.log(
    `    p95 by kind: ${kinds
      .map(
        (k) =>
          `${k} ${ms(
            pct(
              timed.filter((t) => t.kind === k).map((t) => t.ms),
              95,
            ),
          )}`,
      )
      .join(", ")} ms`,
  );
  const server = await startServer(engine, now);
  const e2eTimes: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (p: string) =>
    new Promise<void>((resolve, reject) =>
      http
        .get({ host: "127.0.0.1", port: HTTP_PORT, path: p, agent }, (res) => (res.resume(), res.on("end", () => resolve())))
        .on("error", reject),
    );
  for (const q of queries.slice(0, 20)) await get(`/search?${queryString(q)}`);
  for (const q of queries) {
    const t = performance.now();
    await get(`/search?${queryString(q)}`);
    e2eTimes.push(performance.now() - t);
  }
  agent.destroy();
  await new Promise((r) => server.close(r));

  // Publish-to-searchable: the sync's comparison read, one new story written, the search that finds it.
  const t1 = performance.now();
  await engine.versions();
  const versionsMs = performance.now() - t1;
  const fresh: SearchDocument = {
    ...docs[0],
    slug: "bench-fresh-story",
    title: "Quillwright ferry pilots report a calm first crossing",
    body: "A quillwright test story written during the benchmark.",
    publishedAt: new Date(now.getTime() - 60_000),
    status: "published",
  };
  const t2 = performance.now();
  await engine.index([fresh]);
  const writeOneMs = performance.now() - t2;
  const t3 = performance.now();
  let found = false;
  while (!found && performance.now() - t3 < 10_000) {
    found = (await engine.search({ query: parseQuery("quillwright"), sort: "relevance", page: 1 }, view)).hits.some(
      (h) => h.slug === fresh.slug,
    );
  }
  const foundMs = found ? performance.now() - t3 : Number.POSITIVE_INFINITY;
  await engine.close();
  return {
    engine: name,
    size: docs.length,
    buildMs,
    bytes,
    engineP50: pct(engineTimes, 50),
    engineP95: pct(engineTimes, 95),
    engineMax: Math.max(...engineTimes),
    e2eP50: pct(e2eTimes, 50),
    e2eP95: pct(e2eTimes, 95),
    versionsMs,
    writeOneMs,
    foundMs,
    zeroHits,
  };
}

async function main() {
  fs.mkdirSync(TMP, { recursive: true });
  const all: Figures[] = [];
  for (const size of sizes) {
    const dir = path.join(TMP, `search-${size}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const now = Date.now();
    let t = performance.now();
    const archive = generateArchive({ count: size, outDir: path.join(dir, "content"), seed: 1, now });
    console.log(
      `${size.toLocaleString("en")} stories: archive generated in ${((performance.now() - t) / 1000).toFixed(1)} s (${mb(archive.bytes)})`,
    );
    t = performance.now();
    const docs = readDocuments(path.join(dir, "content"));
    const textBytes = docs.reduce((n, d) => n + d.title.length + d.dek.length + d.body.length, 0);
    console.log(`  ${docs.length} documents read in ${((performance.now() - t) / 1000).toFixed(1)} s (${mb(textBytes)} of text)`);
    const queries = makeQueries(docs);
    for (const name of engines) {
      const f = await benchEngine(name, size, docs, queries, new Date(now));
      all.push(f);
      console.log(
        `  ${name}: engine p50 ${ms(f.engineP50)} ms, p95 ${ms(f.engineP95)} ms, max ${ms(f.engineMax)} ms; ` +
          `end to end p50 ${ms(f.e2eP50)} ms, p95 ${ms(f.e2eP95)} ms; ${f.zeroHits} of ${QUERIES} queries found nothing; ` +
          `publish: versions() ${ms(f.versionsMs)} ms + write ${ms(f.writeOneMs)} ms, found after ${ms(f.foundMs)} ms`,
      );
    }
    if (!process.env.KEEP_SEARCH) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    "\n| engine | stories | index build | index size | engine p50 / p95 | end to end p50 / p95 | publish: versions() + write 1 + first search |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const f of all) {
    console.log(
      `| ${f.engine === "sqlite" ? "SQLite FTS5" : "PostgreSQL FTS"} | ${f.size.toLocaleString("en")} | ${(f.buildMs / 1000).toFixed(1)} s | ${mb(f.bytes)} | ` +
        `${ms(f.engineP50)} / ${ms(f.engineP95)} ms | ${ms(f.e2eP50)} / ${ms(f.e2eP95)} ms | ${ms(f.versionsMs)} + ${ms(f.writeOneMs)} + ${ms(f.foundMs)} ms |`,
    );
  }
  stopPg();
  if (pgServer) await new Promise((r) => (pgServer!.exitCode !== null ? r(null) : pgServer!.once("exit", r)));
  if (pgDir && !process.env.KEEP_SEARCH) fs.rmSync(pgDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
  stopPg();
});
