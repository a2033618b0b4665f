/**
 * The production topology as plain processes on this machine, shared by `npm run prod:up` /
 * `prod:down` (scripts/prod-up.ts, scripts/prod-down.ts), `npm run test:prod` (e2e-prod/),
 * `npm run bench:serve` (bench/serve.ts), and the copies of the repo that `npm run bench` and the
 * scheduled-story e2e test build:
 *
 *   nginx (cache, security headers)  ->  2 x Next standalone server  ->  Redis (shared ISR cache
 *                                                                       and the content index)
 *                                                                  ->  PostgreSQL (site search)
 *
 * The servers read content from the index in Redis (LEDGER_INDEX=redis://..., own key prefix),
 * which startTopology fills from the checkout's content before they start; `npm run publish`
 * updates it while they run (docs/production.md). Search is PostgreSQL full-text search
 * (LEDGER_SEARCH=postgres://..., lib/search/postgres.ts), a cluster in the run directory
 * (ops/postgres.ts), filled with the content index before the servers start and kept in step by
 * every publish.
 *
 * Everything listens on 127.0.0.1 only. Every process we start is recorded in <runDir>/pids.json,
 * and stop() ends exactly those pids (checking each one is still the process we started).
 * See docs/production.md.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { publishSecret } from "../lib/publish/secret";
import { NEXT_LISTEN_HOST, nextListenEnv } from "./listen-host";
import { initPostgresCluster, missingRumPackage, postgresBinDir, postgresCommand, postgresReady, postgresUrl } from "./postgres";

// CommonJS under tsx and Playwright (the package is not "type": "module"), so __dirname is there.
export const ROOT = path.resolve(__dirname, "..");
export const NGINX_TEMPLATE = path.join(ROOT, "ops/nginx/nginx.conf.template");

/** Ports: defaults for prod:up; test:prod and bench:serve use their own so they never clash. */
export const DEFAULT_PORTS = { nginxPort: 8080, nextPorts: [3601, 3602], redisPort: 6390, postgresPort: 5440 };

export interface TopologyPorts {
  nginxPort: number;
  nextPorts: number[];
  redisPort: number;
  /** PostgreSQL (search). Default: redisPort - 950 (prod:up 6390 -> 5440, bench:serve 6392 -> 5442). */
  postgresPort?: number;
}

export const postgresPortOf = (ports: TopologyPorts) => ports.postgresPort ?? ports.redisPort - 950;

type Log = (...args: unknown[]) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SYSTEM_BIN_DIRS = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];
const isRoot = () => process.getuid?.() === 0;

/** The path of a system binary (nginx is in /usr/sbin, often not on a user's PATH). */
export const bin = (name: string): string => SYSTEM_BIN_DIRS.map((d) => path.join(d, name)).find((p) => fs.existsSync(p)) ?? name;

/** nginx, redis-server, postgresql and its RUM extension from Debian; installed with apt-get when we are root and they are missing. */
export function ensureSystemPackages({ log = console.log }: { log?: Log } = {}): void {
  const have = (name: string) => SYSTEM_BIN_DIRS.some((d) => fs.existsSync(path.join(d, name)));
  const need = ["nginx", "redis-server"].filter((name) => !have(name));
  if (!postgresBinDir()) need.push("postgresql");
  let updated = false;
  const install = (packages: string[]) => {
    if (!isRoot() || !fs.existsSync("/usr/bin/apt-get"))
      throw new Error(`Missing ${packages.join(" and ")}. Install them first: sudo apt-get install -y ${packages.join(" ")}`);
    log(`Installing from Debian: ${packages.join(" ")}`);
    if (!updated) execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    updated = true;
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  };
  if (need.length) install(need);
  // Its package name carries the PostgreSQL version, known once PostgreSQL is installed.
  const rum = missingRumPackage();
  if (rum) install([rum]);
}

/** What copyRepo leaves out: installed or built output, and the copies themselves. */
const NOT_COPIED = new Set([
  "node_modules",
  ".next",
  ".git",
  "test-results",
  "playwright-report",
  ".e2e-tmp",
  "tsconfig.tsbuildinfo",
  "bench/.tmp",
  // The checkout's own index, publish secret and servers.json: a copy makes its own.
  ".ledger",
]);

/**
 * A fresh copy of the repo at `dest`, built as a fresh clone would be: next.config.ts pins
 * Turbopack's root to the copy, so it neither watches nor hashes the checkout around it (with the
 * root inferred from the outermost lockfile, a copy under bench/.tmp compiled the whole checkout's
 * tree, its other copies included). node_modules is hard-linked in (`cp -al`: about 1 s, no
 * space), because Turbopack reads nothing outside its root, a symlink's target included. Hard links
 * share files with the checkout's node_modules: what runs in a copy (content:index, next build and
 * start, the standalone server, publish) writes only to the copy's .next and .ledger, and the
 * test runners' caches are not linked in. Never `npm install` or run the unit tests in a copy. A
 * walk of our own: fs.cpSync refuses to copy a directory into its own subdirectory, which
 * bench/.tmp is.
 */
export function copyRepo(dest: string): string {
  fs.rmSync(dest, { recursive: true, force: true });
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (NOT_COPIED.has(r)) continue;
      if (e.isDirectory()) {
        fs.mkdirSync(path.join(dest, r), { recursive: true });
        walk(r);
      } else fs.copyFileSync(path.join(ROOT, r), path.join(dest, r));
    }
  };
  fs.mkdirSync(dest, { recursive: true });
  walk("");
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dest, "node_modules")]);
  fs.rmSync(path.join(dest, "node_modules", ".vite"), { recursive: true, force: true });
  return dest;
}

/** copyRepo to .e2e-tmp/<name>. */
export const copyRepoToTmp = (name: string): string => copyRepo(path.join(ROOT, ".e2e-tmp", name));

/** The environment of a command run in a checkout, without index settings inherited from the caller's shell. */
function checkoutEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["LEDGER_INDEX", "LEDGER_INDEX_PREFIX", "LEDGER_PUBLISH_SECRET", "LEDGER_SEARCH"]) delete env[name];
  return { ...env, ...extra };
}

/**
 * `npm run build` for the topology: the content index (the checkout's own SQLite file,
 * .ledger/index.sqlite, which the build prerenders from), then `next build` with the Redis cache
 * handler built in. SITE_URL is the public origin (the nginx URL). The servers later read the
 * shared index in Redis instead (fillIndex).
 */
export function build(
  appDir: string,
  { siteUrl, log = console.log, quiet = false }: { siteUrl: string; log?: Log; quiet?: boolean },
): void {
  const env = checkoutEnv({ LEDGER_CACHE_HANDLER: "redis", SITE_URL: siteUrl });
  const steps: [string, string[]][] = [
    [path.join(appDir, "node_modules/.bin/tsx"), ["scripts/content-index.ts"]],
    [path.join(appDir, "node_modules/.bin/next"), ["build"]],
  ];
  for (const [cmd, args] of steps) {
    log(`$ ${path.basename(cmd)} ${args.join(" ")}   (in ${appDir})`);
    const r = spawnSync(cmd, args, { cwd: appDir, env, stdio: quiet ? "pipe" : "inherit", encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0)
      throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed (exit ${r.status})\n${quiet ? `${r.stdout}\n${r.stderr}` : ""}`);
  }
}

/** The key prefix of the content index in the topology's Redis (the page cache uses "ledger:<build id>:"). */
export const INDEX_PREFIX = "ledger:content:";

export const redisUrl = (redisPort: number) => `redis://127.0.0.1:${redisPort}`;

/** The topology's search index: the ledger_search schema in its PostgreSQL cluster. */
export const searchUrl = (postgresPort: number) => postgresUrl(postgresPort, "ledger_search");

/**
 * Brings the content index in the topology's Redis up to date with a checkout's content folder
 * (its content/, or LEDGER_CONTENT_DIR): `npm run content:index` with LEDGER_INDEX set to Redis,
 * and with it the search index in PostgreSQL (LEDGER_SEARCH) when `postgresPort` is given.
 * Incremental, like every run of it: only files whose text differs from the index are written.
 */
export function fillIndex(
  appDir: string,
  { redisPort, postgresPort, log = console.log, quiet = true }: { redisPort: number; postgresPort?: number; log?: Log; quiet?: boolean },
): void {
  const env = checkoutEnv({
    LEDGER_INDEX: redisUrl(redisPort),
    LEDGER_INDEX_PREFIX: INDEX_PREFIX,
    ...(postgresPort ? { LEDGER_SEARCH: searchUrl(postgresPort) } : {}),
  });
  const r = spawnSync(path.join(appDir, "node_modules/.bin/tsx"), ["scripts/content-index.ts"], { cwd: appDir, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`content index into Redis failed (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  if (!quiet) log(r.stdout.trim());
}

/**
 * What a Next server of the topology needs to read, search and publish content: the shared index
 * in Redis, the search index in PostgreSQL, and the checkout's publish secret
 * (.ledger/publish-secret, made by the content index).
 */
export function indexEnv(appDir: string, redisPort: number, postgresPort = redisPort - 950): Record<string, string> {
  const secret = publishSecret(appDir);
  if (!secret)
    throw new Error(`No publish secret in ${path.join(appDir, ".ledger", "publish-secret")}: run npm run content:index there first.`);
  return {
    LEDGER_INDEX: redisUrl(redisPort),
    LEDGER_INDEX_PREFIX: INDEX_PREFIX,
    LEDGER_SEARCH: searchUrl(postgresPort),
    LEDGER_PUBLISH_SECRET: secret,
  };
}

/**
 * Makes .next/standalone runnable, as Next's docs say: public/ and .next/static are not copied by
 * `next build`. content/ is not: the servers read the index, never the files (public/ is needed
 * for images, also by the publish endpoint's image checks). Returns the directory holding server.js:
 * the top of .next/standalone, since the tracing root is the project (turbopack.root in
 * next.config.ts).
 */
export function assembleStandalone(appDir: string): string {
  const serverDir = path.join(appDir, ".next", "standalone");
  if (!fs.existsSync(path.join(serverDir, "server.js")))
    throw new Error(`No server.js in ${serverDir}: was next.config.ts built with output: "standalone"?`);
  fs.rmSync(path.join(serverDir, "content"), { recursive: true, force: true });
  for (const dir of ["public", ".next/static"]) {
    fs.rmSync(path.join(serverDir, dir), { recursive: true, force: true });
    fs.cpSync(path.join(appDir, dir), path.join(serverDir, dir), { recursive: true });
  }
  return serverDir;
}

/** The values of ops/nginx/nginx.conf.template's placeholders (its header says what each is). */
export interface NginxValues {
  LEDGER_USER: string;
  LEDGER_PID_FILE: string;
  LEDGER_ERROR_LOG: string;
  LEDGER_ACCESS_LOG: string;
  LEDGER_TEMP_DIR: string;
  LEDGER_CACHE_DIR: string;
  LEDGER_LISTEN: string;
  LEDGER_UPSTREAMS: string;
  LEDGER_PUBLIC_HOST: string;
  LEDGER_EXTRA_CONF: string;
}

/**
 * The one renderer of ops/nginx/nginx.conf.template: each `${LEDGER_*}` replaced by its value, as the
 * nginx image's envsubst does in compose.yaml. A placeholder with no value is an error.
 */
export function renderNginxConfig(values: NginxValues, template = fs.readFileSync(NGINX_TEMPLATE, "utf8")): string {
  const vars: Record<string, string> = { ...values };
  return template.replace(/\$\{(LEDGER_[A-Z_]+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`nginx template: no value for ${name}`);
    return vars[name];
  });
}

export interface NginxOptions {
  runDir: string;
  port: number;
  nextPorts: number[];
  publicHost: string;
  /** Extra http-level config (server and upstream blocks) for this run, e.g. bench:serve's comparisons. */
  extraServers?: string;
  /** Log every request (paths only, see the template) to <runDir>/nginx/access.log. */
  accessLog?: boolean;
}

/** Where a run keeps nginx's files: pid, logs, temp and cache dirs, all under <runDir>/nginx. */
const nginxDir = (runDir: string, ...parts: string[]) => path.join(runDir, "nginx", ...parts);

/** The template's values for a run on this machine: our own pid, logs, temp and cache dirs; loopback only. */
export function localNginxValues({ runDir, port, nextPorts, publicHost, accessLog = false }: NginxOptions): NginxValues {
  return {
    // As root, workers run as www-data (Debian's nginx user), which owns the cache and temp dirs.
    LEDGER_USER: isRoot() ? "www-data www-data" : (process.env.USER ?? "nobody"),
    LEDGER_PID_FILE: nginxDir(runDir, "nginx.pid"),
    LEDGER_ERROR_LOG: nginxDir(runDir, "error.log"),
    LEDGER_ACCESS_LOG: accessLog ? `${nginxDir(runDir, "access.log")} ledger buffer=64k flush=2s` : "off",
    LEDGER_TEMP_DIR: nginxDir(runDir, "tmp"),
    LEDGER_CACHE_DIR: nginxDir(runDir, "cache"),
    LEDGER_LISTEN: `127.0.0.1:${port}`,
    LEDGER_UPSTREAMS: nextPorts.map((p) => `server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`).join("\n    "),
    LEDGER_PUBLIC_HOST: publicHost,
    LEDGER_EXTRA_CONF: nginxDir(runDir, "conf.d", "*.conf"),
  };
}

/**
 * Redis holds two things: the shared Next cache (keys with an expiry) and the content index (keys
 * without one, which are data). So: the append-only file, so a restart keeps the index, and
 * volatile-lru, so memory pressure evicts cache entries only, never the index.
 */
export function redisConfig({ runDir, port }: { runDir: string; port: number }): string {
  return `# Generated by ops/topology.ts. Redis as the shared Next cache and the content index: loopback only.
bind 127.0.0.1
port ${port}
protected-mode yes
daemonize no
dir ${path.join(runDir, "redis")}
pidfile ${path.join(runDir, "redis/redis.pid")}
logfile ${path.join(runDir, "redis/redis.log")}
save ""
appendonly yes
appendfsync everysec
maxmemory 256mb
maxmemory-policy volatile-lru
`;
}

export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
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

const httpOk = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status < 500;

/** One started process: its pid and the kernel's start time, which together name exactly one process. */
interface PidEntry {
  pid: number;
  started: string | undefined;
  command: string;
}

function readPids(runDir: string): Record<string, PidEntry> {
  try {
    return JSON.parse(fs.readFileSync(path.join(runDir, "pids.json"), "utf8")) as Record<string, PidEntry>;
  } catch {
    return {};
  }
}

function writePids(runDir: string, pids: Record<string, PidEntry>): void {
  fs.writeFileSync(path.join(runDir, "pids.json"), JSON.stringify(pids, null, 2) + "\n");
}

function recordPid(runDir: string, name: string, pid: number, command: string): void {
  writePids(runDir, { ...readPids(runDir), [name]: { pid, started: startTime(pid), command } });
}

/** /proc/<pid>/stat after "(comm)", split: [0] state, [19] start time in clock ticks since boot. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

const startTime = (pid: number): string | undefined => procStat(pid)?.[19];
const isZombie = (pid: number): boolean => (procStat(pid)?.[0] ?? "Z") === "Z";

/**
 * Is `pid` still the process we started, not a reused pid? (Redis and Next rename their process
 * titles, so the command line cannot tell; the start time recorded at spawn can.)
 */
function isOurs(pid: number, started: string | undefined): boolean {
  return started !== undefined && startTime(pid) === started;
}

/** Starts a detached process with its output appended to <runDir>/<name>.log, and records its pid. */
function spawnRecorded(runDir: string, name: string, cmd: string, args: string[], opts: SpawnOptions = {}): number {
  const out = fs.openSync(path.join(runDir, `${name}.log`), "a");
  const child: ChildProcess = spawn(cmd, args, { ...opts, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
  recordPid(runDir, name, child.pid, [cmd, ...args].join(" "));
  return child.pid;
}

export function startRedis({ runDir, port }: { runDir: string; port: number }): number {
  fs.mkdirSync(path.join(runDir, "redis"), { recursive: true });
  const conf = path.join(runDir, "redis/redis.conf");
  fs.writeFileSync(conf, redisConfig({ runDir, port }));
  return spawnRecorded(runDir, "redis", bin("redis-server"), [conf]);
}

/**
 * Starts the topology's PostgreSQL: a cluster in <runDir>/postgres/data (made on first use), on
 * 127.0.0.1:<port> only.
 */
export function startPostgres({ runDir, port, log = console.log }: { runDir: string; port: number; log?: Log }): number {
  const data = path.join(runDir, "postgres", "data");
  initPostgresCluster(data, { log });
  const { cmd, args, uid, gid } = postgresCommand(data, port);
  return spawnRecorded(runDir, "postgres", cmd, args, { uid, gid, cwd: "/" });
}

export function startNext({
  runDir,
  serverDir,
  port,
  name,
  env = {},
}: {
  runDir: string;
  serverDir: string;
  port: number;
  name: string;
  env?: Record<string, string>;
}): number {
  return spawnRecorded(runDir, name, process.execPath, [path.join(serverDir, "server.js")], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: NEXT_LISTEN_HOST,
      ...nextListenEnv(),
      // Only nginx reaches the servers, and it always sets X-Forwarded-Proto (lib/preview/reader-scheme.ts).
      LEDGER_TRUST_PROXY: "1",
      ...env,
    },
  });
}

/** Writes <runDir>/nginx/nginx.conf from the template, checks it with `nginx -t`, and starts nginx. */
export function startNginx(opts: NginxOptions): number {
  const { runDir, extraServers = "" } = opts;
  // conf.d holds this run's extra config only, and the cache this build's pages only: a page kept
  // from an earlier build would name script files the new build does not have.
  for (const d of ["conf.d", "cache"]) fs.rmSync(nginxDir(runDir, d), { recursive: true, force: true });
  for (const d of ["cache", "tmp", "conf.d"]) fs.mkdirSync(nginxDir(runDir, d), { recursive: true });
  if (isRoot()) execFileSync("chown", ["-R", "www-data:www-data", nginxDir(runDir, "cache"), nginxDir(runDir, "tmp")]);
  if (extraServers) fs.writeFileSync(nginxDir(runDir, "conf.d", "extra.conf"), extraServers);
  const conf = nginxDir(runDir, "nginx.conf");
  fs.writeFileSync(conf, renderNginxConfig(localNginxValues(opts)));
  execFileSync(bin("nginx"), ["-t", "-q", "-c", conf], { stdio: "inherit" });
  return spawnRecorded(runDir, "nginx", bin("nginx"), ["-c", conf, "-g", "daemon off;"]);
}

export interface TopologyOptions extends TopologyPorts {
  runDir: string;
  serverDir: string;
  /** The checkout (or copy) whose content fills the index in Redis, and whose publish secret the servers get. */
  appDir: string;
  /** Environment of the Next servers, on top of REDIS_URL and the index settings (indexEnv). */
  env?: Record<string, string>;
  log?: Log;
  /** The Host nginx sends to Next (default: the nginx address). */
  publicHost?: string;
  extraServers?: string;
  accessLog?: boolean;
}

/**
 * Starts Redis, fills the content index in it from `appDir`'s content, starts the Next servers and
 * nginx, waits until each answers, and returns the public URL.
 */
export async function startTopology(opts: TopologyOptions): Promise<string> {
  const { runDir, serverDir, appDir, nginxPort, nextPorts, redisPort, env = {}, log = console.log } = opts;
  const postgresPort = postgresPortOf(opts);
  fs.mkdirSync(runDir, { recursive: true });
  for (const p of [nginxPort, redisPort, postgresPort, ...nextPorts]) {
    if (!(await portFree(p))) throw new Error(`Port ${p} on 127.0.0.1 is in use. Stop what uses it or choose other ports.`);
  }
  // A topology starts from an empty Redis (no cache entries of an earlier run, an index made from
  // the content as it is now); a restart of Redis within a run keeps the index (startRedis alone).
  fs.rmSync(path.join(runDir, "redis", "appendonlydir"), { recursive: true, force: true });
  startRedis({ runDir, port: redisPort });
  // Likewise a fresh search index: a new cluster per start (initdb takes a second or two).
  fs.rmSync(path.join(runDir, "postgres"), { recursive: true, force: true });
  startPostgres({ runDir, port: postgresPort, log });
  await waitFor("redis", () => redisPing(redisPort), 10_000);
  await waitFor("postgres", () => postgresReady(postgresPort), 30_000);
  // Ready could be another cluster on the same port (ours then failed to bind): ours must be alive.
  if (!runningIn(runDir).includes("postgres"))
    throw new Error(`postgres exited (see ${path.join(runDir, "postgres.log")}): is port ${postgresPort} in use by another cluster?`);
  const t = Date.now();
  fillIndex(appDir, { redisPort, postgresPort, log });
  log(
    `content index in Redis and search index in PostgreSQL filled from ${path.relative(process.cwd(), appDir) || "."} in ${Date.now() - t} ms`,
  );
  const serverEnv = { REDIS_URL: redisUrl(redisPort), ...indexEnv(appDir, redisPort, postgresPort), ...env };
  nextPorts.forEach((port, i) => startNext({ runDir, serverDir, port, name: `next-${i + 1}`, env: serverEnv }));
  await Promise.all(nextPorts.map((p) => waitFor(`next on ${p}`, () => httpOk(`http://127.0.0.1:${p}/robots.txt`), 60_000)));
  startNginx({
    runDir,
    port: nginxPort,
    nextPorts,
    publicHost: opts.publicHost ?? `127.0.0.1:${nginxPort}`,
    extraServers: opts.extraServers,
    accessLog: opts.accessLog,
  });
  const url = `http://127.0.0.1:${nginxPort}`;
  await waitFor("nginx", () => httpOk(`${url}/robots.txt`), 10_000);
  log(
    `up: nginx ${url} -> next ${nextPorts.join(", ")} -> redis ${redisPort}, postgres ${postgresPort}; pids in ${path.join(runDir, "pids.json")}`,
  );
  return url;
}

export function redisPing(port: number): Promise<boolean> {
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

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* gone */
  }
}

/** Ends one recorded process (`signal`, then SIGKILL after `graceMs`) and removes it from pids.json. */
export async function stopOne(
  runDir: string,
  name: string,
  { signal: sig = "SIGTERM", graceMs = 5_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<boolean> {
  const pids = readPids(runDir);
  const entry = pids[name];
  if (!entry) return false;
  const { pid, started } = entry;
  const alive = () => isOurs(pid, started) && !isZombie(pid);
  if (isOurs(pid, started)) {
    signal(pid, sig);
    const deadline = Date.now() + graceMs;
    while (alive() && Date.now() < deadline) await sleep(100);
    if (alive()) signal(pid, "SIGKILL");
  }
  delete pids[name];
  writePids(runDir, pids);
  return true;
}

/**
 * Stops exactly the processes recorded in <runDir>/pids.json: nginx first, then Next, then Redis
 * and PostgreSQL (SIGINT: its fast shutdown, which does not wait for clients to disconnect).
 */
export async function stopTopology(runDir: string, { log = console.log }: { log?: Log } = {}): Promise<number> {
  const order = (n: string) => (n === "nginx" ? 0 : n.startsWith("next") ? 1 : 2);
  const names = Object.keys(readPids(runDir)).sort((a, b) => order(a) - order(b));
  for (const name of names) {
    await stopOne(runDir, name, name === "postgres" ? { signal: "SIGINT", graceMs: 10_000 } : {});
    log(`stopped ${name}`);
  }
  return names.length;
}

/**
 * Synchronous last-resort stop for exit handlers: SIGTERM every recorded pid that is still ours
 * (SIGTERM, not SIGKILL: nginx's master then takes its workers down with it; PostgreSQL gets
 * SIGINT, its fast shutdown).
 */
export function killTopologySync(runDir: string): void {
  for (const [name, { pid, started }] of Object.entries(readPids(runDir))) {
    if (isOurs(pid, started)) signal(pid, name === "postgres" ? "SIGINT" : "SIGTERM");
  }
}

/** Live processes recorded in a run directory (names). */
export function runningIn(runDir: string): string[] {
  return Object.entries(readPids(runDir))
    .filter(([, { pid, started }]) => isOurs(pid, started))
    .map(([name]) => name);
}
