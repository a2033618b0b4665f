/**
 * The production topology as plain processes on this machine, shared by `npm run prod:up` /
 * `prod:down`, `npm run test:prod` (e2e-prod/) and `npm run bench:serve`:
 *
 *   nginx (cache, security headers)  ->  2 x Next standalone server  ->  Redis (shared ISR cache)
 *
 * Everything listens on 127.0.0.1 only. Every process we start is recorded in <runDir>/pids.json,
 * and stop() ends exactly those pids (checking each one is still the process we started).
 * See docs/production.md.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** nginx and redis-server from Debian; installed with apt-get when we are root and they are missing. */
/** @param {{ log?: (...a: unknown[]) => void }} [opts] */
export function ensureSystemPackages({ log = console.log } = {}) {
  const have = (bin) => ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"].some((d) => fs.existsSync(path.join(d, bin)));
  const need = [];
  if (!have("nginx")) need.push("nginx");
  if (!have("redis-server")) need.push("redis-server");
  if (need.length === 0) return;
  if (process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    log(`Installing from Debian: ${need.join(" ")}`);
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...need], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  throw new Error(`Missing ${need.join(" and ")}. Install them first: sudo apt-get install -y ${need.join(" ")}`);
}

/** @param {string} name */
export const bin = (name) => ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"].map((d) => path.join(d, name)).find((p) => fs.existsSync(p)) ?? name;

/**
 * A copy of the repo under .e2e-tmp/<name> with node_modules symlinked in. Inside the repo (git-ignored)
 * so that Turbopack resolves the shared node_modules from its root.
 */
/** @param {string} name @returns {string} */
export function copyRepo(name) {
  const dest = path.join(ROOT, ".e2e-tmp", name);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const skip = new Set(["node_modules", ".next", ".git", "test-results", "playwright-report", ".e2e-tmp", "tsconfig.tsbuildinfo"]);
  for (const entry of fs.readdirSync(ROOT)) {
    if (skip.has(entry)) continue;
    fs.cpSync(path.join(ROOT, entry), path.join(dest, entry), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}bench${path.sep}.tmp`),
    });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dest, "node_modules"), "dir");
  return dest;
}

/**
 * `npm run build` for the topology: the content check, then `next build` with the Redis cache handler
 * built in. SITE_URL is the public origin (the nginx URL).
 */
/**
 * @param {string} appDir
 * @param {{ siteUrl: string, log?: (...a: unknown[]) => void, quiet?: boolean }} opts
 */
export function build(appDir, { siteUrl, log = console.log, quiet = false }) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LEDGER_CACHE_HANDLER: "redis", SITE_URL: siteUrl };
  const stdio = quiet ? "pipe" : "inherit";
  for (const [cmd, args] of [
    [path.join(appDir, "node_modules/.bin/tsx"), ["scripts/content-check.ts"]],
    [path.join(appDir, "node_modules/.bin/next"), ["build"]],
  ]) {
    log(`$ ${path.basename(cmd)} ${args.join(" ")}   (in ${appDir})`);
    const r = spawnSync(cmd, args, { cwd: appDir, env, stdio, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed (exit ${r.status})\n${quiet ? `${r.stdout}\n${r.stderr}` : ""}`);
  }
}

/**
 * Makes .next/standalone runnable, as Next's docs say: public/ and .next/static are not copied by
 * `next build`. content/ is read at run time by the content layer (process.cwd()/content), so it is
 * copied too. Returns the directory holding server.js (nested when the tracing root is a parent dir,
 * as for the copies under .e2e-tmp/).
 */
/** @param {string} appDir @returns {string} */
export function assembleStandalone(appDir) {
  const standalone = path.join(appDir, ".next", "standalone");
  // server.js sits at the app's path relative to the tracing root (the outermost lockfile).
  /** @param {string} d @param {number} depth @returns {string | undefined} */
  const find = (d, depth) => {
    if (fs.existsSync(path.join(d, "server.js")) && fs.existsSync(path.join(d, ".next"))) return d;
    if (depth === 0 || !fs.existsSync(d)) return undefined;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name === "node_modules" || e.name === ".next") continue;
      const found = find(path.join(d, e.name), depth - 1);
      if (found) return found;
    }
    return undefined;
  };
  const serverDir = find(standalone, 4);
  if (!serverDir) throw new Error(`No server.js under ${standalone}: was next.config.ts built with output: "standalone"?`);
  for (const [from, to] of [
    ["public", "public"],
    [".next/static", ".next/static"],
    ["content", "content"],
  ]) {
    fs.rmSync(path.join(serverDir, to), { recursive: true, force: true });
    fs.cpSync(path.join(appDir, from), path.join(serverDir, to), { recursive: true });
  }
  return serverDir;
}

/** @param {string} template @param {Record<string, string>} vars */
function render(template, vars) {
  return template.replace(/\$\{(LEDGER_[A-Z_]+)\}/g, (m, name) => {
    if (!(name in vars)) throw new Error(`nginx template: no value for ${name}`);
    return vars[name];
  });
}

/** The full nginx.conf for a run directory: our own pid, logs, temp and cache dirs; loopback only. */
/**
 * @param {{ runDir: string, port: number, nextPorts: number[], publicHost: string, extraServers?: string,
 *   workers?: string | number, accessLog?: boolean }} opts
 */
export function nginxConfig({ runDir, port, nextPorts, publicHost, extraServers = "", workers = "auto", accessLog = false }) {
  const template = fs.readFileSync(path.join(ROOT, "ops/nginx/ledger.conf.template"), "utf8");
  const ledger = render(template, {
    LEDGER_LISTEN: `127.0.0.1:${port}`,
    LEDGER_UPSTREAMS: nextPorts.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`).join("\n"),
    LEDGER_CACHE_DIR: path.join(runDir, "nginx/cache"),
    LEDGER_PUBLIC_HOST: publicHost,
  });
  const user = process.getuid?.() === 0 ? "user www-data www-data;\n" : "";
  const tmp = (n) => path.join(runDir, "nginx/tmp", n);
  return `# Generated by scripts/prod-lib.mjs from ops/nginx/ledger.conf.template. Do not edit.
${user}worker_processes ${workers};
pid ${path.join(runDir, "nginx/nginx.pid")};
error_log ${path.join(runDir, "nginx/error.log")} warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    types { text/x-component rsc; }
    sendfile on;
    # No tcp_nopush: with it, cached responses of ~85-125 kB (article, chunked feed) stalled ~40 ms
    # each on delayed ACKs on loopback (1,800 -> 7,200 req/s for the article without it).
    log_format ledger '$time_iso8601 $status $request_time "$request" cache=$upstream_cache_status upstream=$upstream_addr $upstream_response_time';
    ${accessLog ? `access_log ${path.join(runDir, "nginx/access.log")} ledger buffer=64k flush=2s;` : "access_log off;"}
    client_body_temp_path ${tmp("body")};
    proxy_temp_path ${tmp("proxy")};
    fastcgi_temp_path ${tmp("fastcgi")};
    uwsgi_temp_path ${tmp("uwsgi")};
    scgi_temp_path ${tmp("scgi")};
${ledger}
${extraServers}
}
`;
}

/** @param {{ runDir: string, port: number }} opts */
export function redisConfig({ runDir, port }) {
  return `# Generated by scripts/prod-lib.mjs. Redis as the shared Next cache: loopback, no persistence.
bind 127.0.0.1
port ${port}
protected-mode yes
daemonize no
dir ${path.join(runDir, "redis")}
pidfile ${path.join(runDir, "redis/redis.pid")}
logfile ${path.join(runDir, "redis/redis.log")}
save ""
appendonly no
maxmemory 256mb
maxmemory-policy allkeys-lru
`;
}

/** @param {number} port @returns {Promise<boolean>} */
export function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

/** @param {string} what @param {() => Promise<boolean>} check @param {number} timeoutMs */
async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** @param {string} url */
const httpOk = async (url) => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status < 500;

function readPids(runDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(runDir, "pids.json"), "utf8"));
  } catch {
    return {};
  }
}
function writePid(runDir, name, pid, command) {
  const pids = readPids(runDir);
  pids[name] = { pid, started: startTime(pid), command };
  fs.writeFileSync(path.join(runDir, "pids.json"), JSON.stringify(pids, null, 2) + "\n");
}

/** The kernel's start time of a process (clock ticks since boot): with the pid, it names one process. */
function startTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/**
 * Is `pid` still the process we started, not a reused pid? (Redis and Next rename their process
 * titles, so the command line cannot tell; the start time recorded at spawn can.)
 */
function isOurs(pid, started) {
  return started !== undefined && startTime(pid) === started;
}

function spawnLogged(runDir, name, cmd, args, opts = {}) {
  const out = fs.openSync(path.join(runDir, `${name}.log`), "a");
  const child = spawn(cmd, args, { ...opts, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  child.unref();
  return child;
}

/** @param {{ runDir: string, port: number }} opts @returns {number | undefined} */
export function startRedis({ runDir, port }) {
  fs.mkdirSync(path.join(runDir, "redis"), { recursive: true });
  const conf = path.join(runDir, "redis/redis.conf");
  fs.writeFileSync(conf, redisConfig({ runDir, port }));
  const child = spawnLogged(runDir, "redis", bin("redis-server"), [conf]);
  writePid(runDir, "redis", child.pid, conf);
  return child.pid;
}

/**
 * @param {{ runDir: string, serverDir: string, port: number, name: string, env?: Record<string, string> }} opts
 * @returns {number | undefined}
 */
export function startNext({ runDir, serverDir, port, name, env = {} }) {
  const child = spawnLogged(runDir, name, process.execPath, [path.join(serverDir, "server.js")], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...env,
    },
  });
  writePid(runDir, name, child.pid, path.join(serverDir, "server.js"));
  return child.pid;
}

/**
 * @param {{ runDir: string, port: number, nextPorts: number[], publicHost: string, extraServers?: string,
 *   workers?: string | number, accessLog?: boolean }} opts
 * @returns {number | undefined}
 */
export function startNginx({ runDir, ...opts }) {
  for (const d of ["cache", "tmp"]) fs.mkdirSync(path.join(runDir, "nginx", d), { recursive: true });
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "www-data:www-data", path.join(runDir, "nginx/cache"), path.join(runDir, "nginx/tmp")]);
  const conf = path.join(runDir, "nginx/nginx.conf");
  fs.writeFileSync(conf, nginxConfig({ runDir, ...opts }));
  execFileSync(bin("nginx"), ["-t", "-q", "-c", conf], { stdio: "inherit" });
  const child = spawnLogged(runDir, "nginx", bin("nginx"), ["-c", conf, "-g", "daemon off;"]);
  writePid(runDir, "nginx", child.pid, conf);
  return child.pid;
}

/**
 * Starts Redis, the Next servers and nginx, waits until each answers, and returns the public URL.
 * opts: runDir, serverDir, nginxPort, nextPorts[], redisPort, env (for Next), publicHost, extraServers.
 */
/**
 * @param {{ runDir: string, serverDir: string, nginxPort: number, nextPorts: number[], redisPort: number,
 *   env?: Record<string, string>, log?: (...a: unknown[]) => void, publicHost?: string, extraServers?: string,
 *   workers?: string | number, accessLog?: boolean }} opts
 * @returns {Promise<string>}
 */
export async function startTopology(opts) {
  const { runDir, serverDir, nginxPort, nextPorts, redisPort, env = {}, log = console.log } = opts;
  fs.mkdirSync(runDir, { recursive: true });
  for (const p of [nginxPort, redisPort, ...nextPorts]) {
    if (!(await portFree(p))) throw new Error(`Port ${p} on 127.0.0.1 is in use. Stop what uses it or choose other ports.`);
  }
  startRedis({ runDir, port: redisPort });
  await waitFor("redis", () => redisPing(redisPort), 10_000);
  nextPorts.forEach((port, i) =>
    startNext({ runDir, serverDir, port, name: `next-${i + 1}`, env: { REDIS_URL: `redis://127.0.0.1:${redisPort}`, ...env } }),
  );
  await Promise.all(nextPorts.map((p) => waitFor(`next on ${p}`, () => httpOk(`http://127.0.0.1:${p}/robots.txt`), 60_000)));
  startNginx({ runDir, port: nginxPort, nextPorts, publicHost: opts.publicHost ?? `127.0.0.1:${nginxPort}`, extraServers: opts.extraServers, workers: opts.workers, accessLog: opts.accessLog });
  const url = `http://127.0.0.1:${nginxPort}`;
  await waitFor("nginx", () => httpOk(`${url}/robots.txt`), 10_000);
  log(`up: nginx ${url} -> next ${nextPorts.join(", ")} -> redis ${redisPort}; pids in ${path.join(runDir, "pids.json")}`);
  return url;
}

/** @param {number} port @returns {Promise<boolean>} */
export function redisPing(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.setTimeout(1_000);
    s.on("connect", () => s.write("PING\r\n"));
    s.on("data", (d) => {
      s.destroy();
      resolve(d.toString().startsWith("+PONG"));
    });
    s.on("error", () => resolve(false));
    s.on("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

/** Ends one recorded process (SIGTERM, then SIGKILL after `graceMs`) and removes it from pids.json. */
/**
 * @param {string} runDir @param {string} name
 * @param {{ signal?: NodeJS.Signals, graceMs?: number }} [opts]
 */
export async function stopOne(runDir, name, { signal = "SIGTERM", graceMs = 5_000 } = {}) {
  const pids = readPids(runDir);
  const entry = pids[name];
  if (!entry) return false;
  const { pid, started } = entry;
  if (isOurs(pid, started)) {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone */
    }
    const deadline = Date.now() + graceMs;
    while (isOurs(pid, started) && !isZombie(pid) && Date.now() < deadline) await sleep(100);
    if (isOurs(pid, started) && !isZombie(pid)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  }
  delete pids[name];
  fs.writeFileSync(path.join(runDir, "pids.json"), JSON.stringify(pids, null, 2) + "\n");
  return true;
}

function isZombie(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

/** Stops exactly the processes recorded in <runDir>/pids.json: nginx first, then Next, then Redis. */
/** @param {string} runDir @param {{ log?: (...a: unknown[]) => void }} [opts] @returns {Promise<number>} */
export async function stopTopology(runDir, { log = console.log } = {}) {
  const names = Object.keys(readPids(runDir));
  const order = (n) => (n === "nginx" ? 0 : n.startsWith("next") ? 1 : 2);
  names.sort((a, b) => order(a) - order(b));
  for (const name of names) {
    await stopOne(runDir, name);
    log(`stopped ${name}`);
  }
  return names.length;
}

/**
 * Synchronous last-resort stop for exit handlers: SIGTERM every recorded pid that is still ours
 * (SIGTERM, not SIGKILL: nginx's master then takes its workers down with it).
 */
/** @param {string} runDir */
export function killTopologySync(runDir) {
  for (const { pid, started } of Object.values(readPids(runDir))) {
    if (isOurs(pid, started)) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        /* gone */
      }
    }
  }
}

/** Ports: defaults for prod:up; test:prod and bench:serve use their own so they never clash. */
export const DEFAULT_PORTS = { nginxPort: 8080, nextPorts: [3601, 3602], redisPort: 6390 };

/** Live processes recorded in a run directory (names). */
/** @param {string} runDir @returns {string[]} */
export function runningIn(runDir) {
  return Object.entries(readPids(runDir))
    .filter(([, { pid, started }]) => isOurs(pid, started))
    .map(([name]) => name);
}
