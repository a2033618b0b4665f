/**
 * ops/nginx/nginx.conf.template is the one nginx config: rendered by `renderNginxConfig` for the
 * topology on this machine (prod:up, test:prod, bench:serve) and by the nginx image's envsubst for
 * compose.yaml. These tests check both renderings with the real nginx, and run one to read its
 * access log. No TCP ports: nginx and the stand-in upstream talk over unix sockets in a temp dir.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { bin, localNginxValues, NGINX_TEMPLATE, renderNginxConfig, ROOT, type NginxValues } from "../topology";

const template = fs.readFileSync(NGINX_TEMPLATE, "utf8");
const placeholders = [...new Set([...template.matchAll(/\$\{(LEDGER_[A-Z_]+)\}/g)].map((m) => m[1]))].sort();
const isRoot = process.getuid?.() === 0;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A temp dir that the nginx workers (www-data when we are root) can enter. */
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-nginx-"));
  fs.chmodSync(dir, 0o755);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The nginx directories a run needs, owned by the worker user as ops/topology.ts's startNginx does. */
function prepareRunDir(values: NginxValues): void {
  for (const d of [values.LEDGER_TEMP_DIR, values.LEDGER_CACHE_DIR, path.dirname(values.LEDGER_PID_FILE)])
    fs.mkdirSync(d, { recursive: true });
  if (isRoot) execFileSync("chown", ["-R", "www-data:www-data", values.LEDGER_TEMP_DIR, values.LEDGER_CACHE_DIR]);
}

function nginxTest(config: string, dir: string): { ok: boolean; output: string } {
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(file, config);
  // Output to a file, not a pipe: the container logs to /dev/stdout, which nginx opens as a file.
  const outFile = path.join(dir, "nginx-t.out");
  const out = fs.openSync(outFile, "w");
  const r = spawnSync(bin("nginx"), ["-t", "-c", file], { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return { ok: r.status === 0, output: fs.readFileSync(outFile, "utf8") };
}

function localValues(dir: string, extra: Partial<Parameters<typeof localNginxValues>[0]> = {}): NginxValues {
  return localNginxValues({ runDir: dir, port: 8080, nextPorts: [3601, 3602], publicHost: "127.0.0.1:8080", ...extra });
}

describe("the nginx template", () => {
  it("renders for this machine into a config that nginx accepts", () => {
    const dir = tempDir();
    const values = localValues(dir, { accessLog: true });
    expect(Object.keys(values).sort()).toEqual(placeholders);
    prepareRunDir(values);
    const result = nginxTest(renderNginxConfig(values), dir);
    expect(result.output).toMatch(/test is successful/);
    expect(result.ok).toBe(true);
  });

  it("refuses to render with a placeholder missing", () => {
    const values: Partial<NginxValues> = localValues(tempDir());
    delete values.LEDGER_UPSTREAMS;
    expect(() => renderNginxConfig(values as NginxValues)).toThrow(/no value for LEDGER_UPSTREAMS/);
  });

  it("is what compose.yaml's nginx runs, rendered by the image's envsubst the same way, and nginx accepts it", () => {
    const compose = parseYaml(fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8")) as {
      services: { nginx: { environment: Record<string, string>; volumes: string[]; image: string } };
    };
    const nginx = compose.services.nginx;
    // The image renders /etc/nginx/templates/X.template to $NGINX_ENVSUBST_OUTPUT_DIR/X.
    expect(nginx.image).toMatch(/^nginx:/);
    expect(nginx.volumes).toContain("./ops/nginx/nginx.conf.template:/etc/nginx/templates/nginx.conf.template:ro");
    expect(nginx.environment.NGINX_ENVSUBST_OUTPUT_DIR).toBe("/etc/nginx");
    const filter = new RegExp(nginx.environment.NGINX_ENVSUBST_FILTER);
    const values = Object.fromEntries(
      Object.entries(nginx.environment)
        .filter(([name]) => filter.test(name))
        .map(([name, value]) => [name, composeDefaults(value)]),
    ) as unknown as NginxValues;
    expect(Object.keys(values).sort()).toEqual(placeholders);

    // The image's 20-envsubst-on-templates.sh: envsubst with the list of defined variables that pass the filter.
    const shellFormat = Object.keys(values)
      .map((name) => `\${${name}}`)
      .join(" ");
    const envsubst = spawnSync("envsubst", [shellFormat], { input: template, encoding: "utf8", env: { ...process.env, ...values } });
    expect(envsubst.status, envsubst.stderr).toBe(0);
    const rendered = renderNginxConfig(values);
    expect(envsubst.stdout).toBe(rendered);
    expect(rendered).not.toMatch(/\$\{LEDGER_/);

    // `nginx -t` here: the image's user, its directories and the compose service names exist only
    // in the containers, so those point at this machine; every other value is compose's.
    const dir = tempDir();
    const here: NginxValues = {
      ...values,
      LEDGER_USER: isRoot ? "www-data" : values.LEDGER_USER,
      LEDGER_PID_FILE: path.join(dir, "nginx.pid"),
      LEDGER_TEMP_DIR: path.join(dir, "tmp"),
      LEDGER_CACHE_DIR: path.join(dir, "cache"),
      LEDGER_UPSTREAMS: values.LEDGER_UPSTREAMS.replace(/server next-\d+:/g, "server 127.0.0.1:"),
    };
    prepareRunDir(here);
    const result = nginxTest(renderNginxConfig(here), dir);
    expect(result.output).toMatch(/test is successful/);
    expect(result.ok).toBe(true);
  });

  it("logs requests by path, never with their query string", async () => {
    const dir = tempDir();
    // A stand-in for Next on a unix socket: enough for nginx to proxy a request and log it.
    const upstreamSocket = path.join(dir, "next.sock");
    const upstream = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
    await new Promise<void>((resolve) => upstream.listen(upstreamSocket, resolve));
    cleanups.push(() => upstream.close());
    fs.chmodSync(upstreamSocket, 0o777);

    const nginxSocket = path.join(dir, "nginx.sock");
    const values: NginxValues = {
      ...localValues(dir, { accessLog: true }),
      LEDGER_LISTEN: `unix:${nginxSocket}`,
      LEDGER_UPSTREAMS: `server unix:${upstreamSocket};`,
    };
    prepareRunDir(values);
    const conf = path.join(dir, "nginx.conf");
    fs.writeFileSync(conf, renderNginxConfig(values));
    const nginx: ChildProcess = spawn(bin("nginx"), ["-c", conf, "-g", "daemon off;"], { stdio: "ignore" });
    cleanups.push(() => nginx.kill("SIGTERM"));
    await waitFor(() => fs.existsSync(nginxSocket), 5_000);

    const secret = "s3cret-token-that-must-not-be-logged";
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get(
          { socketPath: nginxSocket, path: `/api/preview?token=${secret}&slug=x` },
          (res) => (res.resume(), resolve(res.statusCode ?? 0)),
        )
        .on("error", reject),
    );
    expect(status).toBe(200);
    const accessLog = path.join(dir, "nginx", "access.log");
    // The log is buffered (flush=2s).
    await waitFor(() => fs.existsSync(accessLog) && fs.readFileSync(accessLog, "utf8").includes("/api/preview"), 6_000);
    const logged = fs.readFileSync(accessLog, "utf8");
    expect(logged).toMatch(/ 200 .*"GET \/api\/preview HTTP\/1\.1"/);
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain("?");
  });

  it("answers a repeated /search query from its cache for a few seconds, keyed on the whole query string, never for a preview", async () => {
    const dir = tempDir();
    // A stand-in for Next's search page: dynamic, private, no-store; it counts what reaches it.
    const upstreamSocket = path.join(dir, "next.sock");
    const reached: string[] = [];
    const upstream = http.createServer((req, res) => {
      reached.push(req.url ?? "");
      res.writeHead(200, { "content-type": "text/html", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" });
      res.end(`results for ${req.url}`);
    });
    await new Promise<void>((resolve) => upstream.listen(upstreamSocket, resolve));
    cleanups.push(() => upstream.close());
    fs.chmodSync(upstreamSocket, 0o777);
    const nginxSocket = path.join(dir, "nginx.sock");
    const values: NginxValues = {
      ...localValues(dir),
      LEDGER_LISTEN: `unix:${nginxSocket}`,
      LEDGER_UPSTREAMS: `server unix:${upstreamSocket};`,
    };
    prepareRunDir(values);
    const conf = path.join(dir, "nginx.conf");
    fs.writeFileSync(conf, renderNginxConfig(values));
    const nginx: ChildProcess = spawn(bin("nginx"), ["-c", conf, "-g", "daemon off;"], { stdio: "ignore" });
    cleanups.push(() => nginx.kill("SIGTERM"));
    await waitFor(() => fs.existsSync(nginxSocket), 5_000);

    const get = (p: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; cache: string; cacheControl: string }>((resolve, reject) =>
        http
          .get({ socketPath: nginxSocket, path: p, headers }, (res) => {
            res.resume();
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                cache: String(res.headers["x-cache-status"] ?? ""),
                cacheControl: String(res.headers["cache-control"] ?? ""),
              }),
            );
          })
          .on("error", reject),
      );
    expect((await get("/search?q=ferry")).cache).toBe("MISS");
    const again = await get("/search?q=ferry");
    expect(again.cache).toBe("HIT");
    // Readers and caches after nginx are still told not to store it.
    expect(again.cacheControl).toMatch(/no-store/);
    expect((await get("/search?q=ferry&sort=newest")).cache).toBe("MISS");
    expect((await get("/search?q=ferry", { cookie: "ledger_preview=x" })).cache).toBe("BYPASS");
    expect(reached).toEqual(["/search?q=ferry", "/search?q=ferry&sort=newest", "/search?q=ferry"]);
    // Other dynamic pages are still never stored.
    await get("/other?q=1");
    expect((await get("/other?q=1")).cache).not.toBe("HIT");
  });
});

/** Compose's own interpolation of `${VAR:-default}`, with nothing set in the environment. */
function composeDefaults(value: string): string {
  return value.replace(/\$\{([A-Z_]+)(?::-([^}]*))?\}/g, (_, name: string, fallback?: string) => {
    if (fallback === undefined) throw new Error(`compose.yaml: ${name} has no default`);
    return fallback;
  });
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
