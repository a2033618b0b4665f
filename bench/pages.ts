/**
 * `npm run bench`: build cost and page weight, printed as figures (never pass/fail).
 * Every build runs in a copy under bench/.tmp, so the working tree's .next/ is never touched.
 * See bench/README.md for what is measured and how.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { PAGE_TYPES } from "../e2e/sample-pages";
import { copyRepo, ROOT } from "../ops/topology";

const TMP = path.join(ROOT, "bench", ".tmp");
const CLONES = 1000;

const gz = (b: Buffer | string) => zlib.gzipSync(b).length; // default level 6, like most servers
const kb = (n: number) => (n / 1024).toFixed(1) + " kB";
const mb = (n: number) => (n / 1024 / 1024).toFixed(0) + " MB";

/** Process groups we started; killed on any exit so no server or build outlives the bench. */
const groups = new Set<number>();
const killAll = () =>
  groups.forEach((pgid) => {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      /* already gone */
    }
  });
process.on("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

/** Sum of RSS over every process in a process group, read from /proc (bytes). */
function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Fields after "(comm)": state ppid pgrp ...; comm may contain spaces, so split after ")".
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      /* process exited between readdir and read */
    }
  }
  return total;
}

interface BuildStats {
  wallMs: number;
  peakTreeRss: number;
  maxSingleRss?: number;
  cpu?: string;
  load: number;
  pages: number;
}

/** `next build` in `dir`, timed, with peak memory from /usr/bin/time -v and from polling /proc. */
async function build(dir: string): Promise<BuildStats> {
  const hasTime = fs.existsSync("/usr/bin/time");
  const [cmd, args] = hasTime ? ["/usr/bin/time", ["-v", "node_modules/.bin/next", "build"]] : ["node_modules/.bin/next", ["build"]];
  const log = fs.openSync(path.join(dir, "build.log"), "w");
  const load = os.loadavg()[0]; // other work on the machine inflates wall time: print it
  const start = performance.now();
  // detached: the build gets its own process group, so its workers can be summed and killed together.
  const child = spawn(cmd, args, {
    cwd: dir,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  groups.add(child.pid!);
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, groupRss(child.pid!))), 200);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const wallMs = performance.now() - start;
  clearInterval(poll);
  groups.delete(child.pid!);
  fs.closeSync(log);
  const out = fs.readFileSync(path.join(dir, "build.log"), "utf8");
  if (code !== 0) throw new Error(`next build failed in ${dir} (exit ${code}):\n${out.slice(-3000)}`);
  // GNU time reports the largest single process of the tree (getrusage), not the sum.
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(out);
  const [user, sys, pct] = ["User time \\(seconds\\)", "System time \\(seconds\\)", "Percent of CPU this job got"].map(
    (k) => new RegExp(`${k}: ([\\d.%]+)`).exec(out)?.[1],
  );
  const cpu =
    user && sys
      ? `${(Number(user) + Number(sys)).toFixed(1)} s user+sys (${pct} of one core; processes reaped before exit only)`
      : undefined;
  return {
    wallMs,
    peakTreeRss: peak,
    maxSingleRss: m ? Number(m[1]) * 1024 : undefined,
    cpu,
    load,
    pages: countHtml(path.join(dir, ".next/server/app")),
  };
}

function countHtml(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

function printBuild(label: string, s: BuildStats): void {
  console.log(`\n## Build: ${label}`);
  console.log(`wall time                 ${(s.wallMs / 1000).toFixed(1)} s`);
  console.log(`peak RSS, process tree    ${mb(s.peakTreeRss)}  (sum over the process group, polled every 200 ms)`);
  if (s.cpu) console.log(`CPU time                  ${s.cpu}`);
  console.log(`1-min load avg at start   ${s.load.toFixed(2)}`);
  if (s.maxSingleRss) console.log(`peak RSS, one process     ${mb(s.maxSingleRss)}  (/usr/bin/time -v: largest single process)`);
  console.log(`prerendered pages (.html) ${s.pages}`);
}

async function freePort(from: number): Promise<number> {
  for (let port = from; ; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer().once("error", () => resolve(false));
      srv.listen(port, () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
}

async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { cwd: dir, detached: true, stdio: "ignore" });
  groups.add(child.pid!);
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("next start did not answer within 30 s");
}

function stopServer(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
  groups.delete(child.pid!);
}

interface PageWeight {
  htmlRaw: number;
  htmlGz: number;
  jsRaw: number;
  jsGz: number;
  scripts: number;
  inlineRaw: number;
  inlineGz: number;
}

/** Weight of one page: its HTML, every external script it loads or preloads, and its inline scripts. */
async function weigh(base: string, route: string): Promise<PageWeight> {
  const html = await (await fetch(base + route)).text();
  const srcs = new Set<string>();
  let inline = "";
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) srcs.add(src);
    else inline += body;
  }
  // Preloaded chunks are downloaded too, even when no <script> tag names them yet.
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && (/rel="modulepreload"/.test(tag) || (/rel="preload"/.test(tag) && /as="script"/.test(tag)))) srcs.add(href);
  }
  let jsRaw = 0,
    jsGz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), base))).arrayBuffer());
    jsRaw += body.length;
    jsGz += gz(body);
  }
  return {
    htmlRaw: Buffer.byteLength(html),
    htmlGz: gz(html),
    jsRaw,
    jsGz,
    scripts: srcs.size,
    inlineRaw: Buffer.byteLength(inline),
    inlineGz: gz(inline),
  };
}

function printWeights(w: Record<string, PageWeight>): void {
  const blank = w.notFound.jsGz;
  const cols = ["page", "HTML raw", "HTML gz", "JS raw", "JS gz", "scripts", "inline JS raw", "inline JS gz", "JS gz over blank"];
  const rows = Object.entries(w).map(([name, p]) => [
    name,
    kb(p.htmlRaw),
    kb(p.htmlGz),
    kb(p.jsRaw),
    kb(p.jsGz),
    String(p.scripts),
    kb(p.inlineRaw),
    kb(p.inlineGz),
    kb(p.jsGz - blank),
  ]);
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => "| " + r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ") + " |";
  console.log(
    ["", "## Page weight (sample content, next start)", line(cols), line(widths.map((n) => "-".repeat(n))), ...rows.map(line)].join("\n"),
  );
  console.log(`\nJS over blank page (gzip), article: ${kb(w.article.jsGz - blank)}  (article JS gz − not-found JS gz)`);
}

/** Clones of the sample articles: new slug, distinct title, publishedAt spread over the past year. */
function generateArticles(dir: string, count: number): void {
  const articles = path.join(dir, "content", "articles");
  const originals = fs
    .readdirSync(articles)
    .filter((f) => f.endsWith(".mdx"))
    .sort();
  const now = Date.now(),
    year = 365 * 24 * 3600 * 1000;
  const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "+00:00");
  for (let i = 1; i <= count; i++) {
    const file = originals[i % originals.length];
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(fs.readFileSync(path.join(articles, file), "utf8"))!;
    const fm = parseYaml(yaml) as Record<string, unknown>;
    const published = now - Math.round((i / count) * year) - 60_000; // strictly in the past: public
    if (typeof fm.updatedAt === "string") fm.updatedAt = iso(published + (Date.parse(fm.updatedAt) - Date.parse(String(fm.publishedAt))));
    fm.publishedAt = iso(published);
    fm.title = `${String(fm.title)} (archive ${i})`;
    // `related` and <More> keep pointing at the original stories, which exist in this copy too;
    // an old slug can redirect to one story only, so clones drop `redirectFrom`.
    delete fm.redirectFrom;
    const slug = `bench-${String(i).padStart(4, "0")}-${file.replace(/\.mdx$/, "")}`;
    fs.writeFileSync(path.join(articles, `${slug}.mdx`), `---\n${stringifyYaml(fm)}---\n${body}`);
  }
}

function machine(): void {
  const nextVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")) as { version: string })
    .version;
  console.log("\n## Machine");
  console.log(`nproc        ${execFileSync("nproc").toString().trim()}`);
  console.log(`total memory ${mb(os.totalmem())}`);
  console.log(`node         ${process.version}`);
  console.log(`next         ${nextVersion}`);
  console.log(`date         ${new Date().toISOString()}`);
}

async function main(): Promise<void> {
  // 1. Sample content: build, then weigh each page type on a production server.
  const sample = path.join(TMP, "sample");
  copyRepo(sample);
  printBuild("sample content", await build(sample));
  const port = await freePort(3107);
  const server = await startServer(sample, port);
  const weights: Record<string, PageWeight> = {};
  try {
    for (const [name, route] of Object.entries(PAGE_TYPES)) weights[name] = await weigh(`http://localhost:${port}`, route);
  } finally {
    stopServer(server);
  }
  printWeights(weights);

  // 2. A large archive: the same site with 1,000 generated articles.
  const large = path.join(TMP, "large");
  copyRepo(large);
  generateArticles(large, CLONES);
  printBuild(`sample + ${CLONES} generated articles`, await build(large));

  // 3. Where the figures came from.
  machine();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
