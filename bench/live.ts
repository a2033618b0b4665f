/**
 * `npx tsx bench/live.ts [nginx origin]`: what live coverage costs, printed as figures (never
 * pass/fail), against a production topology already started by `npm run prod:up` (default origin
 * http://127.0.0.1:8080, or LEDGER_NGINX_PORT), on loopback only:
 *   - JavaScript of the live page vs the flagship article (gzip bytes of the scripts each loads,
 *     and of the scripts only the live page loads: the island's share);
 *   - the poll endpoint through nginx: its ceiling (as many requests as 50 connections can make),
 *     and 1,000 and 10,000 simulated readers (one poll per reader every 15 s, all at the newest
 *     update, as readers of one story are), with how many of those requests reached Next (the
 *     answers nginx did not serve from its cache alone: X-Cache-Status MISS, EXPIRED, or STALE,
 *     which starts one background refresh).
 * BENCH_SECONDS (default 10) sets each run's length.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { FLAGSHIP_PATH, LIVE_PATH, LIVE_SLUG } from "../e2e/sample-pages";
import { livePollPath } from "../lib/routes";

const ORIGIN = (process.argv[2] ?? `http://127.0.0.1:${process.env.LEDGER_NGINX_PORT ?? 8080}`).replace(/\/$/, "");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const POLL_INTERVAL_S = 15;

/** A class only the island's code names: finds its chunk. */
const ISLAND_MARKER = "live-new-button";
const islandChunks = new Set<string>();

async function scriptsOf(path: string): Promise<Map<string, number>> {
  const html = await (await fetch(ORIGIN + path)).text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const sizes = new Map<string, number>();
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, ORIGIN))).arrayBuffer());
    if (body.includes(ISLAND_MARKER)) islandChunks.add(src);
    sizes.set(src, gzipSync(body, { level: 6 }).length);
  }
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (m: Map<string, number>, keys = [...m.keys()]) => keys.reduce((t, k) => t + (m.get(k) ?? 0), 0);

async function pollRun(url: string, opts: { connections: number; overallRate?: number }) {
  const cache: Record<string, number> = {};
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: SECONDS,
    ...(opts.overallRate && { overallRate: opts.overallRate }),
    requests: [
      {
        onResponse: (_status: number, _body: string, _ctx: unknown, headers: Record<string, string>) => {
          const key = Object.keys(headers).find((k) => k.toLowerCase() === "x-cache-status");
          const s = (key && headers[key]) || "NONE";
          cache[s] = (cache[s] ?? 0) + 1;
        },
      },
    ],
  } as autocannon.Options);
  const total = result.requests.total;
  // Each STALE answer started one background refresh from Next (proxy_cache_background_update);
  // UPDATING and HIT answers were served from the cache alone.
  const toNext = (cache.MISS ?? 0) + (cache.EXPIRED ?? 0) + (cache.STALE ?? 0) + (cache.BYPASS ?? 0) + (cache.NONE ?? 0);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total,
    toNextPerSecond: +(toNext / SECONDS).toFixed(2),
    cache,
  };
}

async function main() {
  console.log(`Live coverage bench against ${ORIGIN} (${SECONDS} s runs)\n`);
  const live = await scriptsOf(LIVE_PATH);
  const article = await scriptsOf(FLAGSHIP_PATH);
  const onlyLive = [...live.keys()].filter((k) => !article.has(k));
  console.log("JavaScript (gzip):");
  console.log(`  article ${FLAGSHIP_PATH}: ${kb(sum(article))} in ${article.size} scripts`);
  console.log(`  live    ${LIVE_PATH}: ${kb(sum(live))} in ${live.size} scripts`);
  console.log(`  only on the live page: ${kb(sum(live, onlyLive))} in ${onlyLive.length} script(s)`);
  const island = [...islandChunks];
  console.log(
    `  the LiveUpdates island: ${kb(sum(live, island))} in ${island.length} chunk(s)` +
      ` (loaded by the article too: ${island.every((c) => article.has(c)) ? "yes, same route" : "no"})`,
  );

  const newest = (await (await fetch(`${ORIGIN}${livePollPath(LIVE_SLUG, 0)}`)).json()) as { latest: number };
  const url = `${ORIGIN}${livePollPath(LIVE_SLUG, newest.latest)}`;
  await autocannon({ url, connections: 5, duration: 2 }); // warm-up
  console.log(`\nPoll endpoint ${livePollPath(LIVE_SLUG, newest.latest)} through nginx:`);
  const rows: [string, Awaited<ReturnType<typeof pollRun>>][] = [];
  rows.push(["ceiling (50 connections)", await pollRun(url, { connections: 50 })]);
  for (const readers of [1_000, 10_000]) {
    const rate = Math.round(readers / POLL_INTERVAL_S);
    rows.push([
      `${readers.toLocaleString("en")} readers (${rate} req/s)`,
      await pollRun(url, { connections: Math.min(100, Math.max(10, rate / 10)), overallRate: rate }),
    ]);
  }
  console.log("| Load | req/s served | p50 ms | p99 ms | non-2xx | req/s reaching Next | cache statuses |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [name, r] of rows)
    console.log(
      `| ${name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.toNextPerSecond} | ${Object.entries(r.cache)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")} |`,
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
