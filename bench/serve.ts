/**
 * `npm run bench:serve`: how fast the production topology serves readers, printed as figures
 * (never pass/fail). In one run, on loopback only, for the article page, the front page and /feed.xml:
 *   (a) nginx serving the same bytes as static files (the ceiling),
 *   (b) the topology through the cache: nginx (cache) -> 2 Next standalone servers -> Redis,
 *   (c) a single `next start`, no cache in front;
 * then the throughput of one vs two Next servers behind nginx with its cache off ("uncached").
 * It builds a copy under .e2e-tmp/prod-bench (never the working tree) and stops everything it
 * started on any exit. See bench/README.md ("Serving benchmark").
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { FEED_PATH, PAGE_TYPES } from "../e2e/sample-pages";
import {
  assembleStandalone,
  build,
  copyRepoToTmp,
  ensureSystemPackages,
  killTopologySync,
  portFree,
  startTopology,
  stopTopology,
} from "../ops/topology";

const PORTS = { nginxPort: 8280, nextPorts: [3801, 3802], redisPort: 6392 };
const STATIC_PORT = 8281;
const ONE_UNCACHED_PORT = 8282;
const TWO_UNCACHED_PORT = 8283;
const NEXT_START_PORT = 3803;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PAGES: Record<string, string> = {
  article: PAGE_TYPES.article,
  front: PAGE_TYPES.front,
  "feed.xml": FEED_PATH,
};

let runDir = "";
let nextStart: ChildProcess | undefined;
const cleanup = () => {
  if (nextStart?.pid) {
    try {
      process.kill(-nextStart.pid, "SIGTERM");
    } catch {
      /* gone */
    }
  }
  if (runDir) killTopologySync(runDir);
};
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

async function measure(url: string): Promise<Figures> {
  await autocannon({ url, connections: 10, duration: 2 }); // warm-up (and fills caches)
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, timeout: 20 });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    total: r.requests.total,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

async function waitHttp(url: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if ((await fetch(url).catch(() => null))?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function main() {
  ensureSystemPackages();
  const loadAtStart = os.loadavg()[0];
  for (const p of [
    ...PORTS.nextPorts,
    PORTS.nginxPort,
    PORTS.redisPort,
    STATIC_PORT,
    ONE_UNCACHED_PORT,
    TWO_UNCACHED_PORT,
    NEXT_START_PORT,
  ]) {
    if (!(await portFree(p))) throw new Error(`port ${p} is in use`);
  }
  const dir = copyRepoToTmp("prod-bench");
  runDir = path.join(dir, ".run");
  const site = `http://127.0.0.1:${PORTS.nginxPort}`;
  const t0 = Date.now();
  build(dir, { siteUrl: site, quiet: true });
  const buildSeconds = (Date.now() - t0) / 1000;
  const serverDir = assembleStandalone(dir);

  // (a) and the uncached comparisons are extra server blocks in the same nginx.
  const staticRoot = path.join(runDir, "static");
  const upstreamBlock = (name: string, ports: number[]) =>
    `upstream ${name} {\n${ports.map((p) => `    server 127.0.0.1:${p};`).join("\n")}\n    keepalive 64;\n}\n`;
  const uncached = (port: number, upstream: string) => `server {
    listen 127.0.0.1:${port};
    access_log off;
    location / {
        proxy_pass http://${upstream};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host 127.0.0.1:${PORTS.nginxPort};
        proxy_set_header Accept-Encoding "";
        proxy_cache off;
    }
}
`;
  const extraServers = `server {
    listen 127.0.0.1:${STATIC_PORT};
    access_log off;
    root ${staticRoot};
    location = / { default_type "text/html; charset=utf-8"; try_files /index.html =404; }
    location = /feed.xml { default_type "application/rss+xml; charset=utf-8"; try_files /feed.xml =404; }
    location / { default_type "text/html; charset=utf-8"; try_files $uri.html =404; }
}
${upstreamBlock("bench_one", [PORTS.nextPorts[0]])}${upstreamBlock("bench_two", PORTS.nextPorts)}${uncached(ONE_UNCACHED_PORT, "bench_one")}${uncached(TWO_UNCACHED_PORT, "bench_two")}`;

  fs.mkdirSync(path.join(staticRoot, "articles"), { recursive: true });
  const base = await startTopology({ runDir, serverDir, appDir: dir, ...PORTS, env: { SITE_URL: site }, extraServers, log: () => {} });
  for (const [name, p] of Object.entries(PAGES)) {
    const body = Buffer.from(await (await fetch(base + p)).arrayBuffer());
    const file = name === "front" ? "index.html" : name === "feed.xml" ? "feed.xml" : `${p.slice(1)}.html`;
    fs.writeFileSync(path.join(staticRoot, file), body);
  }
  fs.chmodSync(runDir, 0o755);

  // (c) a single `next start` of the same build (no nginx), sharing nothing but Redis.
  nextStart = spawn(path.join(dir, "node_modules/.bin/next"), ["start", "-p", String(NEXT_START_PORT), "-H", "127.0.0.1"], {
    cwd: dir,
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      SITE_URL: site,
      REDIS_URL: `redis://127.0.0.1:${PORTS.redisPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await waitHttp(`http://127.0.0.1:${NEXT_START_PORT}/robots.txt`);

  const results: Record<string, Record<string, Figures>> = {};
  for (const [name, p] of Object.entries(PAGES)) {
    results[name] = {
      a: await measure(`http://127.0.0.1:${STATIC_PORT}${p}`),
      b: await measure(`${base}${p}`),
      c: await measure(`http://127.0.0.1:${NEXT_START_PORT}${p}`),
    };
    console.error(`measured ${name}`);
  }
  // Stop `next start` so that it does not compete with the uncached runs.
  cleanupNextStart();
  const scaling: Record<string, Record<string, Figures>> = {};
  for (const [name, p] of Object.entries(PAGES)) {
    scaling[name] = {
      one: await measure(`http://127.0.0.1:${ONE_UNCACHED_PORT}${p}`),
      two: await measure(`http://127.0.0.1:${TWO_UNCACHED_PORT}${p}`),
    };
    console.error(`measured ${name} uncached`);
  }

  const nextVersion = JSON.parse(fs.readFileSync(path.join(dir, "node_modules/next/package.json"), "utf8")).version;
  const nginxVersion = await new Promise<string>((resolve) => {
    const c = spawn("nginx", ["-v"]);
    let out = "";
    c.stderr.on("data", (d) => (out += d));
    c.on("close", () => resolve(out.trim().replace("nginx version: ", "")));
  });
  const lines = [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ${fmt(os.totalmem() / 2 ** 20)} MB RAM, ` +
      `Node ${process.version}, Next ${nextVersion}, ${nginxVersion}; autocannon ${CONNECTIONS} connections x ${DURATION} s per cell ` +
      `(after a 2 s warm-up), on the same machine as the servers; 1-min load average ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end; build ${buildSeconds.toFixed(0)} s.`,
    "",
    row(["page", "setup", "req/s", "p50 ms", "p99 ms", "errors", "requests", "(b)/(a)"]),
    row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"]),
  ];
  for (const [name, r] of Object.entries(results)) {
    for (const [k, label] of [
      ["a", "(a) nginx static file"],
      ["b", "(b) nginx cache -> 2 Next -> Redis"],
      ["c", "(c) single next start"],
    ] as const) {
      const f = r[k];
      lines.push(row([name, label, fmt(f.rps), f.p50, f.p99, f.errors, fmt(f.total), k === "b" ? (r.b.rps / r.a.rps).toFixed(2) : ""]));
    }
  }
  lines.push(
    "",
    row(["page", "1 Next server, nginx cache off", "2 Next servers, nginx cache off", "2 / 1"]),
    row(["---", "---:", "---:", "---:"]),
  );
  for (const [name, s] of Object.entries(scaling)) {
    lines.push(
      row([
        name,
        `${fmt(s.one.rps)} req/s, p99 ${s.one.p99} ms, errors ${s.one.errors}`,
        `${fmt(s.two.rps)} req/s, p99 ${s.two.p99} ms, errors ${s.two.errors}`,
        (s.two.rps / s.one.rps).toFixed(2),
      ]),
    );
  }
  console.log("\n" + lines.join("\n"));
  await stopTopology(runDir, { log: () => {} });
  runDir = "";
  if (!process.env.KEEP_PROD_BENCH) fs.rmSync(dir, { recursive: true, force: true });
}

function cleanupNextStart() {
  if (nextStart?.pid) {
    try {
      process.kill(-nextStart.pid, "SIGTERM");
    } catch {
      /* gone */
    }
  }
  nextStart = undefined;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
