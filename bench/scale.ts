/**
 * `npm run bench:scale -- 1000 10000 100000`: what the site costs with a large archive. For each
 * size, in a fresh copy of the repo under bench/.tmp/scale-<size> (no .next, no index: nothing
 * cached; node_modules hard-linked by copyRepo), it generates an archive (bench/archive.ts) and
 * measures:
 *
 *   - content:index wall time and peak RSS (and a second, no-op run: the incremental path);
 *   - `next build` wall time and peak RSS of the whole process tree (every descendant's VmRSS from
 *     /proc, summed, polled every 200 ms), and the number of prerendered pages;
 *   - the same for the sample content alone, for comparison;
 *   - `next start` on 127.0.0.1: spawn to the first 200 of /, and the tree's RSS then;
 *   - cold render p50/p95 of 500 random archive stories that were not prerendered (sequential, time
 *     to the full response over loopback), then warm p50/p95 (the same 500 again);
 *   - the server's RSS after 5,000 distinct archive stories (fewer when the archive has fewer),
 *     with checkpoints on the way, to show growth per story;
 *   - the full content check (`tsx scripts/content-check.ts`).
 *
 * Publish-to-visible latency goes through the production topology and is measured elsewhere.
 * It prints figures only, never pass/fail. Every step is bounded in time and killed past it; every
 * process it starts is in a process group of its own and is killed on any exit; copies are
 * deleted after each size (KEEP_SCALE=1 keeps them).
 *
 * Options: --readme (only rewrite the README's table from the saved results), --before (force the old build: content check + next build, everything prerendered;
 * automatic when scripts/content-index.ts is missing), --no-sample, --no-check, --seed N.
 * Environment: SCALE_PORT (default 3400), SCALE_BUILD_LIMIT_MIN (default 30),
 * SCALE_CHECK_LIMIT_MIN (default 20), SCALE_DISTINCT (default 5000), LEDGER_PRERENDER_STORIES.
 * Results accumulate in bench/.tmp/scale-results.json; bench/README.md's "Scale" table is
 * rewritten from them.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateArchive } from "./archive";
import { NEXT_LISTEN_HOST, nextListenEnv } from "../ops/listen-host";
import { copyRepo, ROOT } from "../ops/topology";

const TMP = path.join(ROOT, "bench", ".tmp");
const RESULTS = path.join(TMP, "scale-results.json");
const README = path.join(ROOT, "bench", "README.md");
const PORT = Number(process.env.SCALE_PORT ?? 3400);
const BUILD_LIMIT_MS = Number(process.env.SCALE_BUILD_LIMIT_MIN ?? 30) * 60_000;
const CHECK_LIMIT_MS = Number(process.env.SCALE_CHECK_LIMIT_MIN ?? 20) * 60_000;
const DISTINCT = Number(process.env.SCALE_DISTINCT ?? 5000);
const PRERENDER = Number(process.env.LEDGER_PRERENDER_STORIES ?? 200);
const SAMPLE_N = 500;
/**
 * Pages whose cost grows with the archive: lists (their filters run over every story, also in the
 * proxy on every request), deep pagination, feeds and sitemaps. "harlow-pass" is the most used
 * tag in a generated archive (about a third of the stories); both deep pages exist from 1,000 up.
 */
const OTHER_PAGES = [
  "/",
  "/sections/world",
  "/sections/world/page/8",
  "/tags/harlow-pass",
  "/tags/harlow-pass/page/10",
  "/authors/mara-okafor",
  "/feed.xml",
  "/sitemap.xml",
  "/news-sitemap.xml",
];
const PUBLISH_SECRET = "scale-bench-publish-secret-0123456789";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n?: number) => (n === undefined ? "—" : `${Math.round(n / 1024 / 1024).toLocaleString("en-GB")} MB`);
const sec = (ms?: number) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(1)} s`);
const msf = (ms?: number) => (ms === undefined ? "—" : `${ms.toFixed(0)} ms`);

// ---------------------------------------------------------------------------------------------
// Processes: each in its own group, all killed on exit.

const groups = new Set<number>();
const killGroup = (pgid: number, sig: NodeJS.Signals = "SIGKILL") => {
  try {
    process.kill(-pgid, sig);
  } catch {
    /* already gone */
  }
};
process.on("exit", () => groups.forEach((g) => killGroup(g)));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

/** Every process under `root` (itself included), from the ppid field of /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(name));
    } catch {
      /* exited meanwhile */
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Sum of VmRSS over a process and its descendants (bytes). With `cpu`, also records each one's
 * user+system CPU time so far (clock ticks, /proc/<pid>/stat), so the tree's CPU time can be summed
 * at the end: a figure that, unlike wall time, other work on the machine barely changes.
 */
function treeRss(root: number, cpu?: Map<number, number>): number {
  let total = 0;
  for (const pid of descendants(root)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
      if (cpu) {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        cpu.set(pid, Number(f[11]) + Number(f[12])); // utime, stime
      }
    } catch {
      /* exited meanwhile */
    }
  }
  return total;
}
const TICKS_PER_S = 100; // getconf CLK_TCK on Linux

interface RunResult {
  ms: number;
  peakRss: number;
  /** User + system CPU time of the tree (polled: processes shorter than 200 ms are missed). */
  cpuMs: number;
  code: number | null;
  timedOut: boolean;
  out: string;
}

/** Runs a command in its own process group, timed, with the tree's peak RSS, killed past `limitMs`. */
async function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, limitMs: number, logName: string): Promise<RunResult> {
  const logFile = path.join(cwd, logName);
  const log = fs.openSync(logFile, "w");
  const start = performance.now();
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", log, log] });
  groups.add(child.pid!);
  let peakRss = 0;
  const cpu = new Map<number, number>();
  const poll = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!, cpu))), 200);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid!);
  }, limitMs);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const ms = performance.now() - start;
  clearInterval(poll);
  clearTimeout(timer);
  killGroup(child.pid!); // leftover workers
  groups.delete(child.pid!);
  fs.closeSync(log);
  const cpuMs = ([...cpu.values()].reduce((a, b) => a + b, 0) / TICKS_PER_S) * 1000;
  return { ms, peakRss, cpuMs, code, timedOut, out: fs.readFileSync(logFile, "utf8") };
}

function baseEnv(dir: string): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    LEDGER_CONTENT_DIR: path.join(dir, "content"),
    LEDGER_INDEX: path.join(dir, ".ledger", "index.sqlite"),
    LEDGER_PUBLISH_SECRET: PUBLISH_SECRET,
    SITE_URL: `http://127.0.0.1:${PORT}`,
  };
  delete env.NODE_ENV; // next build and next start set their own
  return env as NodeJS.ProcessEnv;
}

// ---------------------------------------------------------------------------------------------
// The measurements

interface Row {
  label: string;
  mode: "before" | "after";
  stories: number;
  publicStories?: number;
  commit: string;
  date: string;
  load: number;
  genMs?: number;
  indexMs?: number;
  indexRss?: number;
  indexCpuMs?: number;
  reindexMs?: number;
  checkBeforeBuildMs?: number;
  buildMs?: number;
  buildRss?: number;
  buildCpuMs?: number;
  buildNote?: string;
  pages?: number;
  startMs?: number;
  startRss?: number;
  /** 1-min load average when the cold renders start. */
  renderLoad?: number;
  coldP50?: number;
  coldP95?: number;
  coldN?: number;
  coldErrors?: number;
  warmP50?: number;
  warmP95?: number;
  rssCheckpoints?: [number, number][];
  /** Publish to the one running server (scripts/publish.ts), until the page shows it: ms. */
  publish?: { kind: string; scriptMs?: number; visibleMs?: number; note?: string }[];
  /** Other page types: first request (cold, or prerendered) and second (cached), ms. */
  otherPages?: { path: string; status: number; firstMs: number; secondMs: number }[];
  checkMs?: number;
  checkNote?: string;
  checkCpuMs?: number;
  recheckMs?: number;
  notes: string[];
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Deterministic shuffle (mulberry32), so runs request the same stories. */
function shuffle<T>(xs: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function timedGet(url: string): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: "manual" });
    await res.arrayBuffer();
    return { ms: performance.now() - start, status: res.status };
  } catch {
    return { ms: performance.now() - start, status: 0 };
  }
}

async function startServer(dir: string): Promise<{ child: ChildProcess; ms: number }> {
  const start = performance.now();
  const log = fs.openSync(path.join(dir, "server.log"), "w");
  const child = spawn(path.join(dir, "node_modules/.bin/next"), ["start", "-p", String(PORT), "-H", NEXT_LISTEN_HOST], {
    cwd: dir,
    env: { ...baseEnv(dir), ...nextListenEnv() },
    detached: true,
    stdio: ["ignore", log, log],
  });
  groups.add(child.pid!);
  fs.closeSync(log);
  while (performance.now() - start < 120_000) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${dir}/server.log`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      if (res.status === 200) return { child, ms: performance.now() - start };
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error("next start did not answer 200 within 120 s");
}

function stopServer(child: ChildProcess) {
  killGroup(child.pid!, "SIGTERM");
  setTimeout(() => killGroup(child.pid!), 2000).unref();
  groups.delete(child.pid!);
}

async function portFree(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/`, { signal: AbortSignal.timeout(1000) });
    } catch {
      return;
    }
    await sleep(200);
  }
  throw new Error(`port ${PORT} is in use`);
}

function countHtml(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

const gitCommit = () => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return "?";
  }
};

/** One size: copy, generate, index, build, serve, render, check. `size` 0 is the sample content alone. */
/**
 * Publish-to-visible on one `next start` (not the topology): a correction to an archive story, a
 * new story, then its removal, each sent with scripts/publish.ts, then polled every 100 ms until
 * the page shows it (the marker in the HTML, a 200, a 404).
 */
async function publishLatencies(dir: string, archiveSlugs: string[], log: (s: string) => void) {
  const out: NonNullable<Row["publish"]> = [];
  const articles = path.join(dir, "content", "articles");
  const page = (slug: string) => `http://127.0.0.1:${PORT}/articles/${slug}`;
  const step = async (kind: string, change: () => void, visible: () => Promise<boolean>) => {
    change();
    const start = performance.now();
    const res = await run(
      path.join(dir, "node_modules/.bin/tsx"),
      ["scripts/publish.ts", "--to", `http://127.0.0.1:${PORT}`],
      dir,
      baseEnv(dir),
      120_000,
      `publish-${kind}.log`,
    );
    const entry: (typeof out)[number] = { kind, scriptMs: res.ms };
    if (res.code !== 0)
      entry.note = `publish.ts exit ${res.code}${res.timedOut ? " (killed after 120 s)" : ""}: ${res.out.trim().split("\n").slice(-2).join(" / ").slice(0, 300)}`;
    else {
      while (performance.now() - start < 60_000) {
        if (await visible()) {
          entry.visibleMs = performance.now() - start;
          break;
        }
        await sleep(100);
      }
      if (entry.visibleMs === undefined) entry.note = "not visible after 60 s";
    }
    log(`publish ${kind}: publish.ts ${sec(entry.scriptMs)}, visible after ${sec(entry.visibleMs)}${entry.note ? ` (${entry.note})` : ""}`);
    out.push(entry);
  };
  const html = async (slug: string) => {
    try {
      const res = await fetch(page(slug), { signal: AbortSignal.timeout(30_000) });
      return { status: res.status, text: await res.text() };
    } catch {
      return { status: 0, text: "" };
    }
  };

  const target = archiveSlugs[0];
  const file = path.join(articles, `${target}.mdx`);
  const marker = `Scale bench correction ${Date.now().toString(36)}.`;
  await step(
    "correction",
    () => fs.appendFileSync(file, `\n${marker}\n`),
    async () => (await html(target)).text.includes(marker),
  );

  const slug = `scale-bench-new-story-${Date.now().toString(36)}`;
  const source = fs
    .readFileSync(file, "utf8")
    .replace(/^title: .*$/m, `title: "A new story published by the scale bench ${slug.slice(-8)}"`)
    .replace(/^publishedAt: .*$/m, `publishedAt: ${new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, "+00:00")}`)
    .replace(/^updatedAt: .*\n/m, "")
    .replace(/^status: draft\n/m, "")
    .replace(/^redirectFrom: .*\n/m, "");
  await step(
    "new story",
    () => fs.writeFileSync(path.join(articles, `${slug}.mdx`), source),
    async () => (await html(slug)).status === 200,
  );
  await step(
    "unpublish (delete)",
    () => fs.rmSync(path.join(articles, `${slug}.mdx`)),
    async () => (await html(slug)).status === 404,
  );
  return out;
}

function newRow(size: number, mode: "before" | "after"): Row {
  return {
    label: `${mode === "before" ? "before, " : ""}${size ? `${size.toLocaleString("en-GB")} stories` : "sample only"}`,
    mode,
    stories: size,
    commit: gitCommit(),
    date: new Date().toISOString(),
    load: os.loadavg()[0],
    notes: [],
  };
}

/** Fills `row` as it goes, so a failure or a timeout keeps the figures measured before it. */
async function measure(row: Row, dir: string, opts: { check: boolean; seed: number }): Promise<void> {
  const { stories: size, mode } = row;
  const log = (s: string) => console.log(`[${row.label}] ${s}`);
  log(`copying the repo to ${path.relative(ROOT, dir)} (load ${row.load.toFixed(2)})`);
  copyRepo(dir);
  const bin = (name: string) => path.join(dir, "node_modules/.bin", name);
  const env = baseEnv(dir);
  let archiveSlugs: string[] = [];
  if (size) {
    const res = generateArchive({ count: size, outDir: path.join(dir, "content"), seed: opts.seed, now: Date.now() });
    row.genMs = res.ms;
    row.publicStories = res.publicSlugs.length;
    // The newest public stories are prerendered; the archive is the rest (oldest first here).
    archiveSlugs = res.publicSlugs.slice(0, Math.max(0, res.publicSlugs.length - PRERENDER));
    log(`generated ${size} stories (${(res.bytes / 1e6).toFixed(0)} MB) in ${sec(res.ms)}`);
  }

  // The build, as `npm run build` does it, each step timed on its own.
  if (mode === "after") {
    const idx = await run(bin("tsx"), ["scripts/content-index.ts"], dir, env, BUILD_LIMIT_MS, "index.log");
    row.indexMs = idx.ms;
    row.indexRss = idx.peakRss;
    row.indexCpuMs = idx.cpuMs;
    log(`content:index ${sec(idx.ms)}, peak ${mb(idx.peakRss)}, exit ${idx.code}\n${idx.out.trim().split("\n").slice(-5).join("\n")}`);
    if (idx.code !== 0) throw new Error(`content:index failed:\n${idx.out.slice(-3000)}`);
    const again = await run(bin("tsx"), ["scripts/content-index.ts"], dir, env, BUILD_LIMIT_MS, "reindex.log");
    row.reindexMs = again.ms;
    log(`content:index again (nothing changed) ${sec(again.ms)}`);
  } else {
    const check = await run(bin("tsx"), ["scripts/content-check.ts"], dir, env, BUILD_LIMIT_MS, "check-before-build.log");
    row.checkBeforeBuildMs = check.ms;
    log(`content:check (part of the old build) ${sec(check.ms)}, exit ${check.code}`);
    if (check.code !== 0) throw new Error(`content check failed:\n${check.out.slice(-3000)}`);
  }
  const build = await run(bin("next"), ["build"], dir, env, BUILD_LIMIT_MS, "build.log");
  row.buildMs = build.ms;
  row.buildRss = build.peakRss;
  row.buildCpuMs = build.cpuMs;
  row.pages = countHtml(path.join(dir, ".next/server/app"));
  log(
    `next build ${sec(build.ms)}, peak ${mb(build.peakRss)}, ${row.pages} .html, exit ${build.code}${build.timedOut ? " (killed at the limit)" : ""}`,
  );
  if (build.timedOut || build.code !== 0) {
    row.buildNote = build.timedOut ? `killed after ${sec(BUILD_LIMIT_MS)}` : `failed (exit ${build.code})`;
    const errorLines = build.out.split("\n").filter((l) => /error|Error|failed/.test(l));
    row.notes.push(
      `next build ${row.buildNote}: ${(errorLines.length ? errorLines : build.out.trim().split("\n")).slice(-4).join(" / ").slice(0, 600)}`,
    );
    return;
  }

  // Serving.
  await portFree();
  const { child, ms } = await startServer(dir);
  row.startMs = ms;
  row.startRss = treeRss(child.pid!);
  log(`server ready in ${sec(ms)}, RSS ${mb(row.startRss)}`);
  try {
    if (archiveSlugs.length) {
      const order = shuffle(archiveSlugs, opts.seed);
      const first = order.slice(0, SAMPLE_N);
      const url = (s: string) => `http://127.0.0.1:${PORT}/articles/${s}`;
      row.renderLoad = os.loadavg()[0];
      const cold: number[] = [];
      let errors = 0;
      for (const s of first) {
        const r = await timedGet(url(s));
        cold.push(r.ms);
        if (r.status !== 200) {
          errors++;
          if (errors <= 3) row.notes.push(`cold GET /articles/${s}: status ${r.status}`);
        }
      }
      row.coldN = first.length;
      row.coldErrors = errors;
      row.coldP50 = pct(cold, 50);
      row.coldP95 = pct(cold, 95);
      const warm: number[] = [];
      for (const s of first) warm.push((await timedGet(url(s))).ms);
      row.warmP50 = pct(warm, 50);
      row.warmP95 = pct(warm, 95);
      log(`cold p50 ${msf(row.coldP50)} p95 ${msf(row.coldP95)} (${errors} errors); warm p50 ${msf(row.warmP50)} p95 ${msf(row.warmP95)}`);

      // Distinct stories, two at a time (RSS, not latency, is measured here), with checkpoints.
      const distinct = order.slice(0, Math.min(DISTINCT, order.length));
      row.rssCheckpoints = [
        [0, row.startRss],
        [first.length, treeRss(child.pid!)],
      ];
      const checkpoints = new Set([1000, 2000, 3000, 4000, distinct.length]);
      let next = first.length;
      const worker = async () => {
        while (next < distinct.length) {
          const i = next++;
          const r = await timedGet(url(distinct[i]));
          if (r.status !== 200) row.coldErrors = (row.coldErrors ?? 0) + 1;
          if (checkpoints.has(i + 1)) row.rssCheckpoints!.push([i + 1, treeRss(child.pid!)]);
        }
      };
      await Promise.all([worker(), worker()]);
      row.rssCheckpoints.sort((a, b) => a[0] - b[0]);
      log(`RSS by distinct stories served: ${row.rssCheckpoints.map(([n, r]) => `${n}: ${mb(r)}`).join(", ")}`);
    }
    row.otherPages = [];
    for (const p of OTHER_PAGES) {
      const first = await timedGet(`http://127.0.0.1:${PORT}${p}`);
      const second = await timedGet(`http://127.0.0.1:${PORT}${p}`);
      row.otherPages.push({ path: p, status: first.status, firstMs: first.ms, secondMs: second.ms });
    }
    log(
      `other pages (first / second): ${row.otherPages.map((o) => `${o.path} ${o.status} ${msf(o.firstMs)} / ${msf(o.secondMs)}`).join(", ")}`,
    );
  } finally {
    stopServer(child);
  }
  // Publishing, on a server started afresh: an editor's first publish after a deploy or a restart
  // is the slowest (it once waited for the server's content snapshot to load, three times over).
  if (mode === "after" && archiveSlugs.length) {
    await portFree();
    const fresh = await startServer(dir);
    try {
      row.publish = await publishLatencies(dir, archiveSlugs, log);
    } finally {
      stopServer(fresh.child);
    }
  }

  // The full content check, a command of its own for content CI.
  if (opts.check && mode === "after" && size) {
    // Cold: without the check's cache (.ledger/check-cache.json, which content:index fills too).
    fs.rmSync(path.join(dir, ".ledger", "check-cache.json"), { force: true });
    const check = await run(bin("tsx"), ["scripts/content-check.ts"], dir, env, CHECK_LIMIT_MS, "check.log");
    row.checkMs = check.ms;
    row.checkCpuMs = check.cpuMs;
    const summary = check.out
      .trim()
      .split("\n")
      .filter((l) => /^Checked /.test(l))
      .pop();
    row.checkNote = check.timedOut ? `killed after ${sec(CHECK_LIMIT_MS)}` : `exit ${check.code}${summary ? `: ${summary}` : ""}`;
    log(`content check ${sec(check.ms)} (${row.checkNote})`);
    if (!check.timedOut) {
      const again = await run(bin("tsx"), ["scripts/content-check.ts"], dir, env, CHECK_LIMIT_MS, "check-again.log");
      row.recheckMs = again.ms;
      log(`content check again, nothing changed (cache) ${sec(again.ms)}`);
    }
  } else if (mode === "before") row.checkMs = row.checkBeforeBuildMs;
}

// ---------------------------------------------------------------------------------------------
// Output

function table(rows: Row[]): string {
  const cols = rows.map((r) => r.label);
  const build = (r: Row) => (r.buildNote ? r.buildNote : sec(r.buildMs));
  const total = (r: Row) => (r.buildNote || r.buildMs === undefined ? "—" : sec((r.indexMs ?? r.checkBeforeBuildMs ?? 0) + r.buildMs));
  const last = (r: Row) => r.rssCheckpoints?.[r.rssCheckpoints.length - 1];
  const growth = (r: Row) => {
    const c = r.rssCheckpoints;
    if (!c || c.length < 3) return "—";
    const [n0, r0] = c[1];
    const [n1, r1] = c[c.length - 1];
    return n1 > n0 ? `${((r1 - r0) / 1024 / (n1 - n0)).toFixed(1)} kB` : "—";
  };
  const lines: [string, (r: Row) => string][] = [
    ["public stories (generated + sample)", (r) => (r.stories ? `${(r.publicStories ?? 0).toLocaleString("en-GB")} + 15` : "15")],
    ["archive generation", (r) => sec(r.genMs)],
    ["content:index (cold) wall / peak RSS", (r) => (r.indexMs === undefined ? "—" : `${sec(r.indexMs)} / ${mb(r.indexRss)}`)],
    ["content:index (cold) CPU time, process tree", (r) => sec(r.indexCpuMs)],
    ["content:index again, nothing changed", (r) => sec(r.reindexMs)],
    ["content check inside the build (old build)", (r) => sec(r.checkBeforeBuildMs)],
    ["`next build` wall", build],
    ["`next build` CPU time, process tree", (r) => sec(r.buildCpuMs)],
    ["`next build` peak RSS, process tree", (r) => mb(r.buildRss)],
    ["`npm run build` total (index or check + next build)", total],
    ["prerendered pages (.html)", (r) => (r.pages === undefined ? "—" : r.pages.toLocaleString("en-GB"))],
    ["server start (spawn to first 200 of /)", (r) => sec(r.startMs)],
    ["server RSS when ready", (r) => mb(r.startRss)],
    ["cold render p50 / p95 (500 archive stories)", (r) => (r.coldP50 === undefined ? "—" : `${msf(r.coldP50)} / ${msf(r.coldP95)}`)],
    ["warm p50 / p95 (same 500 again)", (r) => (r.warmP50 === undefined ? "—" : `${msf(r.warmP50)} / ${msf(r.warmP95)}`)],
    ["non-200 responses", (r) => (r.coldErrors === undefined ? "—" : String(r.coldErrors))],
    ["server RSS after N distinct stories", (r) => (last(r) ? `${mb(last(r)![1])} (N = ${last(r)![0].toLocaleString("en-GB")})` : "—")],
    ["RSS growth per distinct story (after the first 500)", growth],
    [
      "full content check (no cache)",
      (r) => (r.checkMs === undefined ? "—" : `${sec(r.checkMs)}${r.checkNote?.startsWith("killed") ? ` (${r.checkNote})` : ""}`),
    ],
    ["full content check, CPU time", (r) => sec(r.checkCpuMs)],
    ["full content check again, nothing changed (its cache)", (r) => sec(r.recheckMs)],
    [
      "publish to one freshly started `next start`: publish.ts / visible (correction, new, unpublish)",
      (r) =>
        r.publish
          ? r.publish.map((p) => (p.visibleMs === undefined ? "failed" : `${sec(p.scriptMs)} / ${sec(p.visibleMs)}`)).join("; ")
          : "—",
    ],
    ["publish-to-visible through the topology", () => "measured separately"],
    ["1-min load average at start / at cold render", (r) => `${r.load.toFixed(2)} / ${r.renderLoad?.toFixed(2) ?? "—"}`],
    ["commit", (r) => r.commit],
  ];
  const out = [`| | ${cols.join(" | ")} |`, `| --- |${cols.map(() => " ---: |").join("")}`];
  for (const [name, f] of lines) out.push(`| ${name} | ${rows.map(f).join(" | ")} |`);
  return out.join("\n");
}

/** First and second request of each other page type, one column per size. */
function otherPagesTable(rows: Row[]): string[] {
  const withPages = rows.filter((r) => r.otherPages?.length);
  if (!withPages.length) return [];
  const cell = (r: Row, p: string) => {
    const o = r.otherPages?.find((x) => x.path === p);
    return o ? `${msf(o.firstMs)} / ${msf(o.secondMs)}${o.status === 200 ? "" : ` (${o.status})`}` : "—";
  };
  return [
    "Other pages, first request / second request (sequential, loopback; the first is a render unless the build prerendered the page):",
    "",
    `| page | ${withPages.map((r) => r.label).join(" | ")} |`,
    `| --- |${withPages.map(() => " ---: |").join("")}`,
    ...OTHER_PAGES.map((p) => `| \`${p}\` | ${withPages.map((r) => cell(r, p)).join(" | ")} |`),
    "",
  ];
}

function writeReadme(rows: Row[]): void {
  const start = "<!-- scale:start -->";
  const end = "<!-- scale:end -->";
  const notes = rows.flatMap((r) => [
    ...r.notes.map((n) => `- ${r.label}: ${n}`),
    ...(r.publish ?? []).filter((p) => p.note).map((p) => `- ${r.label}, publish ${p.kind}: ${p.note}`),
  ]);
  const checkpoints = rows
    .filter((r) => r.rssCheckpoints)
    .map((r) => `- ${r.label}: ${r.rssCheckpoints!.map(([n, rss]) => `${n.toLocaleString("en-GB")} → ${mb(rss)}`).join(", ")}`);
  const block = [
    start,
    `Generated by \`npm run bench:scale\` (last run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ` +
      `${os.cpus().length} cores, ${mb(os.totalmem())} RAM, Node ${process.version}).`,
    "",
    table(rows),
    "",
    ...(checkpoints.length ? ["Server RSS (process tree) by number of distinct archive stories served:", "", ...checkpoints, ""] : []),
    ...otherPagesTable(rows),
    ...(notes.length ? ["Notes from the runs:", "", ...notes, ""] : []),
    end,
  ].join("\n");
  let text = fs.readFileSync(README, "utf8");
  if (text.includes(start)) text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  else text = text.trimEnd() + "\n\n## Scale\n\n" + block + "\n";
  fs.writeFileSync(README, text);
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 1;
  const hasIndex = fs.existsSync(path.join(ROOT, "scripts/content-index.ts"));
  const mode: "before" | "after" = flag("--before") || !hasIndex ? "before" : "after";
  const sample = !flag("--no-sample");
  const check = !flag("--no-check");
  if (flag("--readme")) {
    // Rewrite the README's table from the saved results only (after editing or merging them).
    writeReadme(JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Row[]);
    return;
  }
  const sizes = args.map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error("usage: npm run bench:scale -- <count>... [--before] [--no-sample] [--no-check] [--seed N]");
    process.exit(2);
  }
  if (!hasIndex) console.log("scripts/content-index.ts is missing: measuring the old build (--before).");
  fs.mkdirSync(TMP, { recursive: true });
  const saved: Row[] = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Row[]) : [];
  const save = (row: Row) => {
    // Re-read: another run (another size, another SCALE_PORT) may have saved rows meanwhile.
    if (fs.existsSync(RESULTS)) saved.splice(0, saved.length, ...(JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Row[]));
    const i = saved.findIndex((r) => r.label === row.label);
    if (i >= 0) saved[i] = row;
    else saved.push(row);
    // Sample first, then by size; "before" rows before "after" rows of a size.
    saved.sort((a, b) => a.stories - b.stories || (a.mode === b.mode ? 0 : a.mode === "before" ? -1 : 1));
    fs.writeFileSync(RESULTS, JSON.stringify(saved, null, 2));
    writeReadme(saved);
  };
  for (const size of [...(sample ? [0] : []), ...sizes]) {
    const dir = path.join(TMP, size ? `scale-${size}` : "scale-sample");
    const row = newRow(size, mode);
    try {
      await measure(row, dir, { check, seed });
    } catch (e) {
      console.error(`${row.label}: ${(e as Error).message}`);
      row.notes.push(`failed: ${(e as Error).message.split("\n").slice(0, 4).join(" / ")}`);
    } finally {
      save(row);
      groups.forEach((g) => killGroup(g));
      // The logs outlive the copy: bench/.tmp/scale-logs/<size>/.
      const logs = path.join(TMP, "scale-logs", size ? String(size) : "sample");
      fs.rmSync(logs, { recursive: true, force: true });
      fs.mkdirSync(logs, { recursive: true });
      if (fs.existsSync(dir))
        for (const f of fs.readdirSync(dir)) if (f.endsWith(".log")) fs.copyFileSync(path.join(dir, f), path.join(logs, f));
      if (!process.env.KEEP_SCALE) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log("\n" + table(saved));
  console.log(`\nWritten to ${path.relative(ROOT, README)} (Scale) and ${path.relative(ROOT, RESULTS)}.`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
