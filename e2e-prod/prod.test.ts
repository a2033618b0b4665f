/**
 * `npm run test:prod`: the production topology end to end, on loopback only, in at most 10 minutes.
 *
 * Builds a copy of the repo under .e2e-tmp/prod-test-*, starts nginx :8180 -> Next :3701/:3702 ->
 * Redis :6391 from it (the servers reading the content index in Redis, filled from the copy's
 * content/), and checks the caching contract, previews, a story scheduled ~2 minutes ahead (published
 * with `npm run publish` after the start) going live through the cache, a new story, a correction and
 * an unpublish reaching both servers and nginx within 10 s of `npm run publish` (search results
 * included: PostgreSQL full-text search, :5442), search through nginx (cached, rate-limited), 10,000 fuzzed
 * requests, load at saturation, a Next server killed under load and Redis stopped under load, and
 * the security headers. Every file it writes is in the copy, never in content/. It stops everything
 * it started, also on failure, Ctrl-C or timeout. See docs/production.md.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import autocannon from "autocannon";
import { createClient } from "redis";
import { writeServers } from "../lib/publish/servers";
import {
  assembleStandalone,
  build,
  copyRepoToTmp,
  ensureSystemPackages,
  INDEX_PREFIX,
  indexEnv,
  killTopologySync,
  redisPing,
  searchUrl,
  startNext,
  startRedis,
  startTopology,
  stopOne,
  stopTopology,
} from "../ops/topology";
import { FLAGSHIP_PATH, FLAGSHIP_SLUG, PAGE_TYPES } from "../e2e/sample-pages";
import { SCHEDULED_TEST_STORY, writeScheduledStory } from "../e2e/scheduled-story";
import { articlePath, feedPath, FRONT_PATH, listPath, previewPath, searchPath, SITEMAP_PATH } from "../lib/routes";
import * as C from "./config";
import { fuzzRequests, rawRequest, STACK } from "./fuzz";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../e2e/chromium";

const { slug: SLUG, title: TITLE } = SCHEDULED_TEST_STORY;
const ARTICLE = FLAGSHIP_PATH;
const WORLD = PAGE_TYPES.section;
const STARTED = Date.now();

let dir = "";
let runDir = "";
let serverDir = "";
let base = "";
let publishAt = new Date(0);
const counts: Record<string, string> = {};
const log = (...a: unknown[]) => console.log("[test:prod]", ...a);

// Whatever happens, the processes we started end with us.
process.on("exit", () => runDir && killTopologySync(runDir));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));
const watchdog = setTimeout(() => {
  console.error(`[test:prod] over the ${C.TOTAL_BUDGET_MS / 60_000}-minute budget: stopping everything`);
  process.exit(1);
}, C.TOTAL_BUDGET_MS - 5_000);
watchdog.unref();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const get = (p: string, init: RequestInit = {}) => fetch(base + p, { redirect: "manual", ...init, signal: AbortSignal.timeout(15_000) });

/**
 * `npm run publish` in the copy, as an editor runs it: no arguments, so it finds the topology in the
 * copy's .ledger/servers.json (nginx first) and uses the copy's .ledger/publish-secret.
 */
async function publish(): Promise<{ ms: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["LEDGER_INDEX", "LEDGER_INDEX_PREFIX", "LEDGER_PUBLISH_SECRET", "LEDGER_CONTENT_DIR"]) delete env[name];
  const t = performance.now();
  const out = await new Promise<string>((resolve, reject) =>
    execFile("npm", ["run", "--silent", "publish"], { cwd: dir, env, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`npm run publish failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );
  return { ms: performance.now() - t, out };
}

before(async () => {
  ensureSystemPackages();
  dir = copyRepoToTmp(`prod-test-${process.pid}`);
  runDir = path.join(dir, ".run");
  // Built (and started) with the story scheduled far ahead (hidden, as before publication); its time
  // is then set relative to the servers' start and published. So a slow build on a busy machine
  // cannot eat the time the checks before publication need.
  writeScheduledStory(dir, new Date(Date.now() + 24 * 3_600_000));
  const site = `http://127.0.0.1:${C.PORTS.nginxPort}`;
  const t = Date.now();
  build(dir, { siteUrl: site, quiet: true, log });
  log(`build ${((Date.now() - t) / 1000).toFixed(1)} s`);
  serverDir = assembleStandalone(dir);
  base = await startTopology({
    runDir,
    serverDir,
    appDir: dir,
    ...C.PORTS,
    env: { PREVIEW_SECRET: C.PREVIEW_SECRET, SITE_URL: site },
    log,
  });
  writeServers([base, ...C.PORTS.nextPorts.map((p) => `http://127.0.0.1:${p}`)], dir);
  publishAt = new Date(Date.now() + C.SCHEDULE_LEAD_MS);
  writeScheduledStory(dir, publishAt);
  const { ms, out } = await publish();
  assert.match(out, /Published to http:\/\/127\.0\.0\.1:8180/);
  log(`scheduled story published (for ${publishAt.toISOString()}) in ${ms.toFixed(0)} ms`);
});

after(async () => {
  clearTimeout(watchdog);
  if (runDir) await stopTopology(runDir, { log: () => {} });
  log("stopped everything it started");
  if (dir && !process.env.KEEP_PROD_TEST) fs.rmSync(dir, { recursive: true, force: true });
  console.log("\n[test:prod] counts");
  for (const [k, v] of Object.entries(counts)) console.log(`  ${k.padEnd(34)} ${v}`);
  console.log(`  ${"total time".padEnd(34)} ${((Date.now() - STARTED) / 1000).toFixed(0)} s`);
});

/** The editors' form, as a browser posts it: the secret in the body, never in the URL. */
const postPreviewForm = (slug: string, headers: Record<string, string> = {}) =>
  get(previewPath(), { method: "POST", body: new URLSearchParams({ secret: C.PREVIEW_SECRET, slug }), headers });

/** Cookies from /api/preview, as a Cookie header (the Draft Mode cookie is Secure, so send it by hand). */
async function previewCookie(slug: string): Promise<string> {
  const res = await postPreviewForm(slug);
  assert.equal(res.status, 303, "preview opens with a redirect");
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  assert.ok(cookies.some((c) => c.startsWith("__prerender_bypass=")));
  assert.ok(cookies.some((c) => c.startsWith("ledger_preview=")));
  return cookies.join("; ");
}

/** An RSC request as the router makes it: RSC: 1 plus the ?_rsc= that Next checks (it redirects to the right one). */
async function rsc(p: string, extra: Record<string, string> = {}) {
  const headers = { RSC: "1", ...extra };
  let res = await get(`${p}?_rsc=test`, { headers });
  for (let i = 0; i < 3 && res.status >= 300 && res.status < 400; i++) res = await get(res.headers.get("location")!, { headers });
  return res;
}

test("an article is served, and the second request is a cache HIT", async () => {
  const first = await get(ARTICLE);
  assert.equal(first.status, 200);
  assert.match(first.headers.get("content-type") ?? "", /text\/html/);
  assert.match(await first.text(), /Harlow Pass/);
  const second = await get(ARTICLE);
  await second.arrayBuffer();
  assert.equal(second.headers.get("x-cache-status"), "HIT");
  assert.match(second.headers.get("cache-control") ?? "", /^public, .*s-maxage=\d+/);
  const feed = await get(feedPath());
  assert.match(feed.headers.get("content-type") ?? "", /rss\+xml/);
  assert.match(feed.headers.get("cache-control") ?? "", /^public, .*s-maxage=\d+/);
  counts["article / feed"] = `200, second request ${second.headers.get("x-cache-status")}`;
});

test("RSC and HTML for the same URL each get their own body, also when cached", async () => {
  for (const url of [FRONT_PATH, WORLD, ARTICLE]) {
    for (let round = 0; round < 2; round++) {
      const r = await rsc(url);
      assert.equal(r.status, 200);
      assert.match(r.headers.get("content-type") ?? "", /^text\/x-component/, `${url} RSC round ${round}`);
      assert.doesNotMatch(await r.text(), /^<!DOCTYPE/i);
      const h = await get(url);
      assert.match(h.headers.get("content-type") ?? "", /^text\/html/, `${url} HTML round ${round}`);
      assert.match(await h.text(), /^<!DOCTYPE html>/i);
      // The same URL as the RSC request, with ?_rsc= but no RSC header: HTML.
      const hq = await get(`${url}?_rsc=test`);
      assert.match(hq.headers.get("content-type") ?? "", /^text\/html/);
      await hq.arrayBuffer();
      if (round === 1) {
        assert.equal(r.headers.get("x-cache-status"), "HIT", `${url} RSC cached`);
        assert.equal(h.headers.get("x-cache-status"), "HIT", `${url} HTML cached`);
      }
    }
    const pf = await rsc(url, { "Next-Router-Prefetch": "1" });
    assert.match(pf.headers.get("content-type") ?? "", /^text\/x-component/);
    await pf.arrayBuffer();
  }
  counts["RSC vs HTML"] = "3 URLs x 2 rounds: x-component / text/html, both HIT on round 2";
});

test("a preview is never cached and is private, no-store", async () => {
  // The public page freshly in the cache before the previews: entries live 10 s, and a HIT may be
  // 9 s old, so wait until the entry is refreshed (any other status) and then served (HIT).
  let refreshed = false;
  let cached = "";
  for (let i = 0; i < 100 && !(refreshed && cached === "HIT"); i++) {
    const res = await get(ARTICLE);
    await res.arrayBuffer();
    cached = res.headers.get("x-cache-status") ?? "";
    if (cached !== "HIT") refreshed = true;
    if (!(refreshed && cached === "HIT")) await sleep(200);
  }
  assert.ok(refreshed && cached === "HIT", "the public page is freshly cached before the previews");
  const cookie = await previewCookie(FLAGSHIP_SLUG);
  for (let i = 0; i < 3; i++) {
    const res = await get(ARTICLE, { headers: { cookie } });
    assert.equal(res.status, 200);
    assert.notEqual(res.headers.get("x-cache-status"), "HIT");
    assert.equal(res.headers.get("x-cache-status"), "BYPASS");
    assert.equal(res.headers.get("cache-control"), "private, no-store");
    assert.match(res.headers.get("x-robots-tag") ?? "", /noindex/);
    await res.arrayBuffer();
    const r = await rsc(ARTICLE, { cookie });
    assert.equal(r.headers.get("x-cache-status"), "BYPASS");
    assert.equal(r.headers.get("cache-control"), "private, no-store");
    await r.arrayBuffer();
  }
  // Only one of the two cookies is enough to bypass.
  const one = await get(ARTICLE, { headers: { cookie: cookie.split("; ").filter((c) => c.startsWith("ledger_preview="))[0] } });
  assert.equal(one.headers.get("x-cache-status"), "BYPASS");
  await one.arrayBuffer();
  // The public page after previews: still the public, cached page.
  const pub = await get(ARTICLE);
  assert.equal(pub.headers.get("x-cache-status"), "HIT");
  assert.doesNotMatch(await pub.text(), /noindex/);
  counts["preview"] = "BYPASS x 3 (HTML) + 3 (RSC), private, no-store";
});

test("the preview secret goes only in a form body, and the cookie is Secure when the reader came over HTTPS", async () => {
  // In the URL it is refused (nginx would log it), with no cookie.
  const inUrl = await get(`${previewPath()}?secret=${C.PREVIEW_SECRET}&slug=${FLAGSHIP_SLUG}`);
  assert.equal(inUrl.status, 400);
  assert.deepEqual(inUrl.headers.getSetCookie(), []);
  await inUrl.arrayBuffer();
  // The form itself, for a browser.
  const form = await get(previewPath({ slug: FLAGSHIP_SLUG }));
  assert.equal(form.status, 200);
  assert.match(await form.text(), /<form method="post" action="\/api\/preview">/);
  assert.equal(form.headers.get("cache-control"), "private, no-store");

  const previewCookieFlags = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith("ledger_preview="))
      ?.split(";")
      .slice(1)
      .map((f) => f.trim().toLowerCase());
  // A TLS terminator in front says https: nginx passes it on, and the Next servers trust nginx.
  const overHttps = await postPreviewForm(FLAGSHIP_SLUG, { "X-Forwarded-Proto": "https" });
  assert.equal(overHttps.status, 303);
  assert.ok(previewCookieFlags(overHttps)?.includes("secure"), "Secure behind TLS");
  assert.ok(previewCookieFlags(overHttps)?.includes("httponly"));
  // Plain HTTP: nginx says http whatever else the client claims, and the cookie is not Secure.
  for (const claim of [undefined, "http", "gopher"]) {
    const res = await postPreviewForm(FLAGSHIP_SLUG, claim ? { "X-Forwarded-Proto": claim } : {});
    assert.equal(res.status, 303);
    assert.ok(!previewCookieFlags(res)?.includes("secure"), `not Secure over http (X-Forwarded-Proto: ${claim})`);
  }
  // Wrong secret: 401, no cookie.
  const wrong = await get(previewPath(), { method: "POST", body: new URLSearchParams({ secret: "not-the-secret", slug: FLAGSHIP_SLUG }) });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.headers.getSetCookie(), []);
  await wrong.arrayBuffer();

  // POST is let through for the form only; 405 names what each place accepts.
  for (const [p, method, allow] of [
    ["/api/preview", "DELETE", "GET, HEAD, POST"],
    [ARTICLE, "POST", "GET, HEAD"],
    ["/api/preview/exit", "POST", "GET, HEAD"],
  ] as const) {
    const res = await get(p, { method, body: method === "POST" ? "x=1" : undefined });
    assert.equal(res.status, 405, `${method} ${p}`);
    assert.equal(res.headers.get("allow"), allow, `${method} ${p}`);
    await res.arrayBuffer();
  }
  const page = await get(ARTICLE);
  assert.equal(page.headers.get("allow"), null, "no Allow header on a 200");
  await page.arrayBuffer();
  counts["preview secret"] = "400 in a URL; form POST 303, Secure only with X-Forwarded-Proto: https from the front";
});

test("security headers on every kind of response", async () => {
  const html = await get(ARTICLE);
  const body = await html.text();
  const kinds: [string, Response][] = [
    ["page", html],
    ["rsc", await rsc(ARTICLE)],
    ["feed", await get(feedPath())],
    ["404", await get(articlePath("no-such-story"))],
    ["405 (nginx)", await get(FRONT_PATH, { method: "DELETE" })],
    ["400 (nginx)", await get("/%2e%2e%2f%2e%2e%2fetc/passwd")],
    ["static", await get((/\/_next\/static\/[^"]+\.js/.exec(body) ?? [""])[0])],
    ["image", await get(`/_next/image?url=%2Fimages%2Farticles%2F${FLAGSHIP_SLUG}.jpg&w=640&q=75`)],
  ];
  for (const [kind, res] of kinds) {
    const h = res.headers;
    const csp = h.get("content-security-policy") ?? "";
    for (const d of [
      "default-src 'self'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      assert.ok(csp.includes(d), `${kind}: CSP has ${d}`);
    }
    assert.equal(h.get("x-content-type-options"), "nosniff", kind);
    assert.equal(h.get("referrer-policy"), "strict-origin-when-cross-origin", kind);
    assert.ok(h.get("permissions-policy"), kind);
    assert.equal(h.get("x-powered-by"), null, kind);
    assert.equal(h.get("server"), "nginx", `${kind}: no version in Server`);
    assert.equal(h.get("strict-transport-security"), null, `${kind}: no HSTS over plain HTTP`);
    if (!res.bodyUsed) await res.arrayBuffer();
  }
  const https = await get(ARTICLE, { headers: { "X-Forwarded-Proto": "https" } });
  assert.match(https.headers.get("strict-transport-security") ?? "", /max-age=\d+/);
  await https.arrayBuffer();

  // What the CSP must allow, measured on the page: inline bootstrap scripts and style attributes
  // ('unsafe-inline'), and every script, stylesheet, image and font from our own origin.
  const inlineScripts = [...body.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g)].length;
  const styleAttrs = [...body.matchAll(/\sstyle="/g)].length;
  const csp = html.headers.get("content-security-policy")!;
  if (inlineScripts) assert.match(csp, /script-src [^;]*'unsafe-inline'/);
  if (styleAttrs) assert.match(csp, /style-src [^;]*'unsafe-inline'/);
  const foreign = [...body.matchAll(/<(?:script|img|link|source)\b[^>]*\s(?:src|href|srcSet)="(https?:)?\/\/[^"]*"/gi)]
    .map((m) => m[0])
    .filter((tag) => !/rel="(?:canonical|alternate)"/.test(tag));
  assert.deepEqual(foreign, [], "no script, style, image or font from another origin");

  // Next on its own (no nginx in front) sends the same set from next.config.ts.
  const direct = await fetch(`http://127.0.0.1:${C.PORTS.nextPorts[0]}${ARTICLE}`);
  assert.ok(direct.headers.get("content-security-policy")?.includes("frame-ancestors 'none'"));
  assert.equal(direct.headers.get("x-powered-by"), null);
  await direct.arrayBuffer();
  counts["security headers"] =
    `${kinds.length} kinds of response + HSTS only over https; page needs ${inlineScripts} inline scripts, ${styleAttrs} style attributes`;
});

test("pages run in a browser under the CSP with no violations", async (t) => {
  const executablePath = CHROMIUM_PATH;
  if (!fs.existsSync(executablePath)) return t.skip(`no Chromium at ${executablePath}`);
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    for (const p of [PAGE_TYPES.front, ARTICLE, PAGE_TYPES.section, PAGE_TYPES.author]) {
      await page.goto(base + p, { waitUntil: "networkidle" });
      // Hydrated: a client-side navigation works (it needs the inline scripts to have run).
      await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    }
    await page.goto(base + FRONT_PATH);
    await page.click(`a[href="${ARTICLE}"]`);
    await page.waitForURL(`**${ARTICLE}`);
    counts["CSP in Chromium"] = `4 pages + 1 client-side navigation, ${violations.length} violations`;
    assert.deepEqual(violations, []);
  } finally {
    await browser.close();
  }
});

test("search through nginx: PostgreSQL finds a half-remembered phrase, never a draft; a repeated query is a HIT; a flood gets 429", async () => {
  // The servers search the shared engine, filled before they started.
  const { default: pg } = await import("pg");
  const db = new pg.Client({ connectionString: searchUrl(C.PORTS.postgresPort).replace(/\?.*$/, "") });
  await db.connect();
  const indexed = Number((await db.query("SELECT count(*) AS n FROM ledger_search.search_docs")).rows[0].n);
  await db.end();
  assert.ok(indexed > 10, `the search index in PostgreSQL holds the sample news (${indexed})`);

  const phrase = searchPath({ q: '"tides can be predicted years in advance"' });
  const first = await get(phrase);
  assert.equal(first.status, 200);
  const html = await first.text();
  assert.ok(html.includes(articlePath("tidal-energy-trial-begins-off-port-alder")), "the phrase finds its story");
  assert.match(html, /<mark>[^<]+<\/mark>/);
  assert.match(html, /<meta name="robots" content="noindex, follow"/);
  const second = await get(phrase);
  await second.arrayBuffer();
  assert.equal(second.headers.get("x-cache-status"), "HIT", "a repeated query is answered by nginx");
  assert.match(second.headers.get("cache-control") ?? "", /no-store/, "but no one after nginx stores it");
  // Stemming and diacritics on the shared engine too; a draft is never found.
  for (const [q, slug] of [
    ["ferrying", "orlen-shipyard-wins-ferry-contract"],
    ["Tomas Ekholm", "orlen-river-otters-return"],
  ]) {
    assert.ok((await (await get(searchPath({ q }))).text()).includes(articlePath(slug)), q);
  }
  assert.ok(!(await (await get(searchPath({ q: "Lusk venue" }))).text()).includes(articlePath("harlow-pass-ceasefire-talks")));
  await sleep(2_500); // the limit's bucket refills

  // Hostile queries: a page or a 4xx, never a 5xx.
  const hostile = [
    "%00",
    "%22unbalanced",
    "'%3B DROP TABLE ledger_search.search_docs%3B --",
    "a%20OR%20b",
    "x".repeat(2_000),
    "%E2%80%AE%F0%9F%99%82",
    "&page=-1",
    "&page=abc",
    "&range=century",
  ];
  for (const q of hostile) {
    const res = await get(`/search?q=${q}`);
    assert.ok(res.status < 500, `${res.status} for ${q.slice(0, 40)}`);
    await res.arrayBuffer();
    await sleep(250);
  }
  await sleep(2_500);

  // A flood from one client: the burst is served, the rest get 429 (plain page, security headers).
  const flood = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const res = await get(searchPath({ q: `flood ${i}` }));
      return { status: res.status, body: await res.text(), csp: res.headers.get("content-security-policy") };
    }),
  );
  const statuses = flood.map((r) => r.status);
  const limited = flood.filter((r) => r.status === 429);
  assert.ok(limited.length > 0, `some of 40 at once are limited: ${statuses.join(" ")}`);
  assert.ok(statuses.filter((s) => s === 200).length >= 10, "the burst is served");
  assert.ok(
    statuses.every((s) => s === 200 || s === 429),
    statuses.join(" "),
  );
  assert.match(limited[0].body, /Too many searches/);
  assert.ok(limited[0].csp?.includes("default-src 'self'"));
  await sleep(3_000);
  counts["search through nginx"] =
    `${indexed} stories in PostgreSQL; phrase found, repeat ${second.headers.get("x-cache-status")}; ` +
    `${hostile.length} hostile queries < 500; flood of 40: ${statuses.filter((s) => s === 200).length} x 200, ${limited.length} x 429`;
});

test("the scheduled story is hidden before its time", async () => {
  assert.ok(Date.now() < publishAt.getTime() - 5_000, "the build took too long for the schedule check");
  const res = await get(articlePath(SLUG));
  assert.equal(res.status, 404);
  await res.arrayBuffer();
  assert.ok(!(await (await get(FRONT_PATH)).text()).includes(TITLE));
  assert.ok(!(await (await get(feedPath())).text()).includes(TITLE));
});

// ---------------------------------------------------------------------------------------------
// Fuzzing: raw HTTP over sockets, so that malformed request lines and headers really go out.

test(`fuzz: ${C.FUZZ_REQUESTS.toLocaleString("en")} generated requests, no 5xx, no stack trace or path`, async () => {
  const requests = fuzzRequests(C.FUZZ_REQUESTS);
  const byStatus = new Map<number, number>();
  const bad: string[] = [];
  let i = 0;
  const t = Date.now();
  await Promise.all(
    Array.from({ length: C.FUZZ_CONCURRENCY }, async () => {
      while (i < requests.length) {
        const req = requests[i++];
        const res = await rawRequest(C.PORTS.nginxPort, req);
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        const leak = STACK.find((re) => re.test(res.text));
        if (res.status >= 500 || res.status <= 0 || leak) {
          bad.push(`${res.status} ${leak ? `leak ${leak} ` : ""}<- ${req.split("\r\n")[0].slice(0, 160)}`);
        }
      }
    }),
  );
  const summary = [...byStatus.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s === 0 ? "closed" : s === -1 ? "timeout" : s}:${n}`)
    .join(" ");
  counts["fuzz"] = `${requests.length} requests in ${((Date.now() - t) / 1000).toFixed(0)} s; ${bad.length} bad; ${summary}`;
  log(counts["fuzz"]);
  assert.deepEqual(bad.slice(0, 20), [], `${bad.length} requests got a 5xx, no answer, or leaked internals`);
  // The site still works afterwards.
  assert.equal((await get(ARTICLE)).status, 200);
});

test(`the scheduled story shows through the cache within ${C.VISIBLE_WITHIN_MS / 1000} s, without a rebuild`, async () => {
  const wait = publishAt.getTime() - Date.now();
  if (wait > 0) {
    log(`waiting ${(wait / 1000).toFixed(0)} s for the scheduled story's time`);
    await sleep(wait);
  }
  const seen: Record<string, number> = {};
  const deadline = publishAt.getTime() + C.VISIBLE_WITHIN_MS;
  while (Date.now() < deadline && Object.keys(seen).length < 3) {
    const checks: [string, () => Promise<boolean>][] = [
      ["article", async () => (await get(articlePath(SLUG))).status === 200],
      ["front page", async () => (await (await get(FRONT_PATH)).text()).includes(TITLE)],
      ["feed", async () => (await (await get(feedPath())).text()).includes(TITLE)],
    ];
    for (const [name, check] of checks) {
      if (!(name in seen) && (await check())) seen[name] = (Date.now() - publishAt.getTime()) / 1000;
    }
    await sleep(2_000);
  }
  counts["scheduled story visible after"] =
    Object.entries(seen)
      .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
      .join(", ") || "never";
  log(counts["scheduled story visible after"]);
  assert.deepEqual(Object.keys(seen).sort(), ["article", "feed", "front page"]);
});

// ---------------------------------------------------------------------------------------------
// Publishing: a story written, published, corrected and unpublished while the topology runs.

const NEW_STORY = {
  slug: "e2e-prod-harbour-tide-gauge",
  section: "science",
  title: "Harbour tide gauge goes online for Port Alder boat crews",
  corrected: "Corrected headline says the Orlen estuary tide gauge is now online",
};

function writeNewStory(title: string, status: "published" | "draft"): void {
  fs.writeFileSync(
    path.join(dir, "content/articles", `${NEW_STORY.slug}.mdx`),
    `---
title: ${title}
dek: Skippers and pilots can read the water level at the harbour mouth every minute, the port authority said.
section: ${NEW_STORY.section}
authors: [jonah-feld]
publishedAt: ${new Date(Date.now() - 60_000).toISOString()}
status: ${status}
tags: [port-alder]
image:
  src: /images/articles/tidal-energy-trial-begins-off-port-alder.jpg
  alt: A turbine hangs from the crane of a work vessel above grey sea.
  caption: Work off Port Alder, where the new gauge now reports the tide every minute.
  credit: Kessel Press Agency photo by Jens Aalto
---

The port authority has put a new tide gauge online at the mouth of the Orlen, it said on Tuesday.
`,
  );
}

/** Where a publish must show: each Next server directly, and nginx (the readers' way in). */
const WAYS_IN = (): [string, string][] => [
  ...C.PORTS.nextPorts.map((p, i): [string, string] => [`next-${i + 1}`, `http://127.0.0.1:${p}`]),
  ["nginx", base],
];

/** One page to check, and what it must show. */
type Expect = [name: string, path: string, ok: (status: number, body: string) => boolean];

/**
 * Polls every page on every way in until all show what they must in the same round, and returns
 * the time from `t0` (the start of `npm run publish`) to that round. Polls for up to 30 s so a slow
 * run still measures its latency; the caller asserts the 10 s.
 */
async function visibleEverywhere(expects: Expect[], t0: number): Promise<{ ms: number; missing: string[]; last: string }> {
  let missing: string[] = [];
  // When each page first showed the change on each way in: the last of them says what held it up.
  const firstSeen = new Map<string, number>();
  const deadline = performance.now() + 30_000;
  const last = () => {
    const [name, ms] = [...firstSeen.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["none", 0];
    return `${name} ${(ms / 1000).toFixed(1)} s`;
  };
  while (performance.now() < deadline) {
    const results = await Promise.all(
      WAYS_IN().flatMap(([way, origin]) =>
        expects.map(async ([name, p, ok]) => {
          const res = await fetch(origin + p, { redirect: "manual", signal: AbortSignal.timeout(5_000) }).catch(() => null);
          const shown = ok(res?.status ?? 0, res ? await res.text() : "");
          const key = `${way} ${name}`;
          if (shown && !firstSeen.has(key)) firstSeen.set(key, performance.now() - t0);
          return shown ? "" : key;
        }),
      ),
    );
    missing = results.filter(Boolean);
    if (!missing.length) return { ms: performance.now() - t0, missing, last: last() };
    await sleep(200);
  }
  return { ms: Number.POSITIVE_INFINITY, missing, last: last() };
}

/** Every page of the checks on every way in, twice: each cache holds its current version first. */
async function warm(expects: Expect[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const [, origin] of WAYS_IN()) for (const [, p] of expects) await (await fetch(origin + p, { redirect: "manual" })).arrayBuffer();
  }
}

test(`a story published, corrected and unpublished with npm run publish shows on both servers and through nginx within ${C.PUBLISH_VISIBLE_WITHIN_MS / 1000} s`, async () => {
  const { slug, section, title, corrected } = NEW_STORY;
  const article = articlePath(slug);
  const pages = { front: FRONT_PATH, section: listPath("section", section), feed: feedPath(), sitemap: SITEMAP_PATH };
  // Search (PostgreSQL, cached 5 s by nginx) for words of the new story's body and headline.
  const search = searchPath({ q: "harbour mouth tide gauge" });
  const shows = (text: string) => (_: number, body: string) => body.includes(text);
  const lacks =
    (...texts: string[]) =>
    (status: number, body: string) =>
      status === 200 && texts.every((t) => !body.includes(t));
  const latencies: Record<string, string> = {};

  /**
   * Writes the story, runs npm run publish, and measures until every page shows it everywhere. The
   * clock that must stay under 10 s starts when the command begins talking to the site (it prints
   * how long its manifest GET and POST took): the command's own start-up (tsx compiling the
   * content code, seconds on a busy machine) is the editor's machine, not the topology.
   */
  async function step(name: string, title: string, status: "published" | "draft", expects: Expect[]) {
    await warm(expects);
    writeNewStory(title, status);
    const t0 = performance.now();
    const run = await publish();
    const end = t0 + run.ms;
    assert.match(run.out, new RegExp(`updated +content/articles/${slug}\\.mdx`), run.out);
    const httpMs = Number(/ in (\d+) ms:/.exec(run.out)?.[1]);
    assert.ok(Number.isFinite(httpMs), run.out);
    const seen = await visibleEverywhere(expects, t0);
    const fromPublish = seen.ms - (run.ms - httpMs);
    latencies[name] =
      `${(fromPublish / 1000).toFixed(1)} s from the publish request (${(seen.ms / 1000).toFixed(1)} s from the command's start; ` +
      `command ${(run.ms / 1000).toFixed(1)} s, of which publish requests ${(httpMs / 1000).toFixed(1)} s; visible ${((t0 + seen.ms - end) / 1000).toFixed(1)} s after it returned; last: ${seen.last})`;
    log(`publish -> visible everywhere, ${name}: ${latencies[name]}`);
    assert.ok(
      fromPublish <= C.PUBLISH_VISIBLE_WITHIN_MS,
      `${name}: not everywhere within ${C.PUBLISH_VISIBLE_WITHIN_MS / 1000} s: ${seen.missing.join(", ")}`,
    );
  }

  try {
    await step("new story", title, "published", [
      ["article", article, (status, body) => status === 200 && body.includes(title)],
      ["search", search, (status, body) => status === 200 && body.includes(article)],
      ["front page", pages.front, shows(title)],
      ["section", pages.section, shows(title)],
      ["feed", pages.feed, shows(title)],
      ["sitemap", pages.sitemap, shows(article)],
    ]);
    await step("correction", corrected, "published", [
      ["article", article, (status, body) => status === 200 && body.includes(corrected) && !body.includes(title)],
      ["front page", pages.front, (_, body) => body.includes(corrected) && !body.includes(title)],
      ["section", pages.section, (_, body) => body.includes(corrected) && !body.includes(title)],
      ["feed", pages.feed, (_, body) => body.includes(corrected) && !body.includes(title)],
    ]);
    await step("unpublish (status: draft)", corrected, "draft", [
      ["article 404", article, (status) => status === 404],
      ["search", search, lacks(article)],
      ["front page", pages.front, lacks(corrected, article)],
      ["section", pages.section, lacks(corrected, article)],
      ["feed", pages.feed, lacks(corrected, article)],
      ["sitemap", pages.sitemap, lacks(article)],
    ]);
  } finally {
    counts["publish -> visible (2 servers + nginx)"] = Object.entries(latencies)
      .map(([k, v]) => `${k} ${v}`)
      .join("; ");
    // Clean up: the story is removed from the copy's content and from the index.
    fs.rmSync(path.join(dir, "content/articles", `${slug}.mdx`), { force: true });
    const removed = await publish();
    assert.match(removed.out, new RegExp(`removed +content/articles/${slug}\\.mdx`), removed.out);
  }
  const gone = await get(article);
  assert.equal(gone.status, 404);
  await gone.arrayBuffer();
});

// ---------------------------------------------------------------------------------------------
// Load

function failed(r: autocannon.Result) {
  return r.errors + r.timeouts + r.non2xx;
}
function describe(r: autocannon.Result) {
  return `${r.requests.total} requests, ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`;
}

test(`${C.SATURATION_SECONDS} s at saturation through the cache: zero errors`, async () => {
  const r = await autocannon({
    url: base,
    connections: C.LOAD_CONNECTIONS,
    duration: C.SATURATION_SECONDS,
    requests: [{ path: ARTICLE }, { path: FRONT_PATH }, { path: feedPath() }, { path: WORLD }],
  });
  counts["saturation"] = describe(r);
  log(counts["saturation"]);
  assert.equal(failed(r), 0);
});

/** Load that reaches the Next servers: cached pages, unique URLs (nginx MISS, Next's ISR cache), previews. */
async function upstreamLoad(seconds: number, during: () => Promise<void>) {
  const cookie = await previewCookie(FLAGSHIP_SLUG);
  let n = 0;
  const bust = (req: { path?: string }) => ({ ...req, path: `${WORLD}?n=${process.pid}-${n++}` });
  const bust2 = (req: { path?: string }) => ({ ...req, path: `${FRONT_PATH}?n=${process.pid}-${n++}` });
  const run = autocannon({
    url: base,
    connections: 32,
    duration: seconds,
    timeout: 20,
    requests: [
      { path: ARTICLE },
      { path: FRONT_PATH, setupRequest: bust2 },
      { path: WORLD, setupRequest: bust },
      { path: ARTICLE, headers: { cookie } },
      { path: feedPath() },
    ],
  });
  await during();
  return run;
}

test("a Next server killed under load: zero failed requests", async () => {
  let killedAt = 0;
  const r = await upstreamLoad(C.FAULT_LOAD_SECONDS, async () => {
    await sleep(5_000);
    await stopOne(runDir, "next-1", { signal: "SIGKILL", graceMs: 0 });
    killedAt = Date.now();
  });
  counts["next-1 killed under load"] = `${describe(r)} -> failed ${failed(r)}`;
  log(counts["next-1 killed under load"]);
  assert.ok(killedAt > 0);
  assert.equal(failed(r), 0);
  // Bring it back for the next test.
  startNext({
    runDir,
    serverDir,
    port: C.PORTS.nextPorts[0],
    name: "next-1",
    env: {
      REDIS_URL: `redis://127.0.0.1:${C.PORTS.redisPort}`,
      ...indexEnv(dir, C.PORTS.redisPort, C.PORTS.postgresPort),
      PREVIEW_SECRET: C.PREVIEW_SECRET,
      SITE_URL: base,
    },
  });
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`http://127.0.0.1:${C.PORTS.nextPorts[0]}/robots.txt`).catch(() => null))?.status === 200) break;
    await sleep(200);
  }
});

test("Redis stopped under load: zero failed requests, and the cache recovers when it returns", async () => {
  const redisKeys = async () => {
    const res = await new Promise<string>((resolve) => {
      const s = net.connect(C.PORTS.redisPort, "127.0.0.1", () => s.write("DBSIZE\r\n"));
      s.on("data", (d) => (s.destroy(), resolve(d.toString())));
      s.on("error", () => resolve(""));
    });
    return Number(/:(\d+)/.exec(res)?.[1] ?? -1);
  };
  /**
   * Use of the shared cache since Redis started: its handler's HEXISTS (after each hit) and SET
   * (each write); the content index uses neither. AOF loading does not count as calls.
   */
  const redisInfo = async () => {
    const client = createClient({ url: `redis://127.0.0.1:${C.PORTS.redisPort}` });
    await client.connect();
    try {
      const stats = await client.info("commandstats");
      return {
        cacheReads: ["hexists", "set"].reduce((n, cmd) => n + Number(new RegExp(`cmdstat_${cmd}:calls=(\\d+)`).exec(stats)?.[1] ?? 0), 0),
        indexSeq: Number((await client.get(`${INDEX_PREFIX}seq`)) ?? 0),
      };
    } finally {
      await client.quit();
    }
  };
  const before = await redisKeys();
  const indexBefore = (await redisInfo()).indexSeq;
  let after = -1;
  let afterInfo = { cacheReads: 0, indexSeq: 0 };
  const r = await upstreamLoad(C.FAULT_LOAD_SECONDS, async () => {
    await sleep(4_000);
    await stopOne(runDir, "redis");
    assert.equal(await redisPing(C.PORTS.redisPort), false);
    await sleep(8_000);
    startRedis({ runDir, port: C.PORTS.redisPort });
    for (let i = 0; i < 50 && !(await redisPing(C.PORTS.redisPort)); i++) await sleep(100);
    await sleep(5_000);
    after = await redisKeys();
    afterInfo = await redisInfo();
  });
  counts["redis stopped under load"] =
    `${describe(r)} -> failed ${failed(r)}; keys before ${before}, after restart ${after}; ` +
    `cache reads and writes after restart ${afterInfo.cacheReads}; index seq ${indexBefore} -> ${afterInfo.indexSeq}`;
  log(counts["redis stopped under load"]);
  assert.equal(failed(r), 0);
  assert.ok(before > 0, "Redis held the shared cache before");
  assert.ok(afterInfo.cacheReads > 0, "the servers use the shared cache in Redis again after it came back");
  assert.equal(afterInfo.indexSeq, indexBefore, "the content index survived the restart (append-only file)");
  assert.equal((await get(ARTICLE)).status, 200);
});
