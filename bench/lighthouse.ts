/**
 * `npm run bench:lighthouse`: Lighthouse 12, mobile (its default Moto G Power emulation, simulated
 * slow 4G and 4x CPU slowdown), 3 runs per page type through the production topology, and the
 * median of each figure. Figures only, never pass/fail. See bench/README.md ("Lighthouse").
 *
 * It measures the topology at BENCH_URL, or at http://127.0.0.1:$LEDGER_NGINX_PORT (default 8080)
 * when `npm run prod:up` is already running there. When nothing answers, it builds this checkout,
 * starts the topology itself on the LEDGER_* ports (run dir .e2e-tmp/lighthouse-run or
 * LEDGER_RUN_DIR), and stops exactly what it started at the end.
 *
 *   BENCH_RUNS=5        runs per page (default 3)
 *   BENCH_PAGES=article,front   only these page types
 *
 * The full report of each page's median run is written to bench/.tmp/lighthouse/<page>.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import type { Result as LighthouseResult } from "lighthouse";
import {
  assembleStandalone,
  build,
  DEFAULT_PORTS,
  ensureSystemPackages,
  killTopologySync,
  ROOT,
  startTopology,
  stopTopology,
} from "../ops/topology";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../e2e/chromium";
import { PAGE_TYPES } from "../e2e/sample-pages";

/** The page types issue 14 holds to Lighthouse mobile 95+: the ones readers land on. */
const MEASURED = ["article", "front", "section", "tag", "author"] as const;

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUT_DIR = path.join(ROOT, "bench", ".tmp", "lighthouse");

interface Run {
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  totalBytes: number;
  scriptBytes: number;
  requests: number;
  lhr: unknown;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function answers(url: string) {
  return (await fetch(`${url}/robots.txt`).catch(() => null))?.ok ?? false;
}

/** The topology to measure: one that is already up, or one this run starts (and later stops). */
async function topology(): Promise<{ url: string; stop: () => Promise<void> }> {
  const nginxPort = Number(process.env.LEDGER_NGINX_PORT ?? DEFAULT_PORTS.nginxPort);
  const url = process.env.BENCH_URL ?? `http://127.0.0.1:${nginxPort}`;
  if (await answers(url)) return { url, stop: async () => {} };
  if (process.env.BENCH_URL) throw new Error(`${url} does not answer`);

  const runDir = path.resolve(process.env.LEDGER_RUN_DIR ?? path.join(ROOT, ".e2e-tmp", "lighthouse-run"));
  const nextPorts = process.env.LEDGER_NEXT_PORTS ? process.env.LEDGER_NEXT_PORTS.split(",").map(Number) : DEFAULT_PORTS.nextPorts;
  const redisPort = Number(process.env.LEDGER_REDIS_PORT ?? DEFAULT_PORTS.redisPort);
  console.log(`Nothing answers at ${url}: building and starting the production topology (run dir ${runDir}).`);
  process.on("exit", () => killTopologySync(runDir));
  ensureSystemPackages();
  build(ROOT, { siteUrl: url, quiet: true });
  const serverDir = assembleStandalone(ROOT);
  await startTopology({ runDir, serverDir, appDir: ROOT, nginxPort, nextPorts, redisPort, env: { SITE_URL: url } });
  return { url, stop: async () => void (await stopTopology(runDir, { log: () => {} })) };
}

/**
 * Lighthouse's own CLI under plain Node: tsx would rewrite the functions Lighthouse sends into the
 * page (esbuild's keepNames adds `__name(...)` calls that do not exist there).
 */
async function lighthouseReport(chromePort: number, url: string): Promise<LighthouseResult> {
  const cli = path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js");
  const args = [cli, url, `--port=${chromePort}`, "--output=json", "--output-path=stdout", "--only-categories=performance", "--quiet"];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(stdout) as LighthouseResult;
}

async function measure(chromePort: number, url: string): Promise<Run> {
  const lhr = await lighthouseReport(chromePort, url);
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const summary =
    (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number; requestCount: number }[] })
      ?.items ?? [];
  const ofType = (type: string) => summary.find((i) => i.resourceType === type);
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    totalBytes: numeric("total-byte-weight"),
    scriptBytes: ofType("script")?.transferSize ?? NaN,
    requests: ofType("total")?.requestCount ?? NaN,
    lhr,
  };
}

async function main() {
  const only = process.env.BENCH_PAGES?.split(",");
  const pages = MEASURED.map((name) => [name, PAGE_TYPES[name]] as const).filter(([name]) => !only || only.includes(name));
  const { url, stop } = await topology();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  });
  const loadAtStart = os.loadavg();
  const rows: string[] = [];
  try {
    // Warm nginx's cache, as it is for almost every reader.
    for (const [, pagePath] of pages) await fetch(url + pagePath).then((r) => r.arrayBuffer());
    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const [name, pagePath] of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await measure(chrome.port, url + pagePath);
        runs.push(run);
        console.log(
          `  ${name} run ${i + 1}: performance ${run.performance}, LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)}`,
        );
      }
      const byScore = [...runs].sort((a, b) => a.performance - b.performance);
      fs.writeFileSync(path.join(OUT_DIR, `${name}.json`), JSON.stringify(byScore[Math.floor(runs.length / 2)].lhr));
      const m = (pick: (r: Run) => number) => median(runs.map(pick));
      rows.push(
        `| ${name} | ${m((r) => r.performance)} | ${(m((r) => r.lcpMs) / 1000).toFixed(2)} s | ${Math.round(m((r) => r.tbtMs))} ms | ` +
          `${m((r) => r.cls).toFixed(3)} | ${(m((r) => r.totalBytes) / 1024).toFixed(1)} kB | ${(m((r) => r.scriptBytes) / 1024).toFixed(1)} kB | ` +
          `${m((r) => r.requests)} | ${runs.map((r) => r.performance).join(", ")} |`,
      );
    }
  } finally {
    await chrome.kill();
    await stop();
  }
  const loadAtEnd = os.loadavg();
  const fmtLoad = (l: number[]) => l.map((n) => n.toFixed(2)).join(" / ");
  console.log(`\nLighthouse 12 mobile (simulated), ${RUNS} runs per page, medians, through ${url}`);
  console.log(
    `Load average (1 / 5 / 15 min): ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadAtEnd)} at end; ${os.cpus().length} CPUs, shared.`,
  );
  console.log(`Date: ${new Date().toISOString()}\n`);
  console.log("| page | performance | LCP | TBT | CLS | bytes (transfer) | JS (transfer) | requests | scores of the runs |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const row of rows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
