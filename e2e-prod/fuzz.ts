/**
 * Generated requests for the fuzz test of `npm run test:prod`: random and very long paths, unicode
 * (encoded and raw), percent-encoded traversal, undecodable escapes, junk queries, every method,
 * bad protocol versions, oversized and many headers, junk RSC/router headers and cookies, bodies.
 * Deterministic (seeded), so a failure can be replayed. Sent as raw bytes over a socket.
 */
import net from "node:net";
import { FLAGSHIP_SLUG } from "../e2e/sample-pages";

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

export function fuzzRequests(n: number): string[] {
  const r = rng(20261125);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const methods = [
    "GET",
    "GET",
    "GET",
    "GET",
    "GET",
    "GET",
    "GET",
    "GET",
    "HEAD",
    "HEAD",
    "POST",
    "PUT",
    "DELETE",
    "PATCH",
    "OPTIONS",
    "TRACE",
    "CONNECT",
    "PROPFIND",
    "FOO",
    "get",
    "G\u00c9T",
    "GET GET",
  ];
  // Raw on purpose: the fuzzer sends URL prefixes as a stranger would, not as lib/routes builds them.
  const prefixes = [
    "/",
    "/articles/",
    "/sections/",
    "/tags/",
    "/authors/",
    "/sections/world/page/",
    "/_next/static/",
    "/_next/image",
    "/api/preview",
    "/api/preview/exit",
    "/feed.xml",
    "/sitemaps/",
    "/images/",
    `/articles/${FLAGSHIP_SLUG}/image/`,
  ];
  const junk = [
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/etc/passwd",
    "..%252f..%252fpackage.json",
    "..\\..\\windows\\win.ini",
    "%00",
    "%E0%A4%A",
    "%zz",
    "%ff%fe",
    "ñandú",
    "日本語",
    "😀🔥",
    "\u202e",
    "%F0%9F%98%80",
    "a".repeat(300),
    "<script>alert(1)</script>",
    "'\"`;--",
    "${jndi:ldap://x}",
    "//evil.example",
    ".env",
    ".git/config",
    "server.js",
    "../.next/BUILD_ID",
    "page/0",
    "page/-1",
    "page/99999999999999999999",
    "page/1e3",
    "VESTRIA",
    "index.php",
    "~root",
  ];
  const queries = [
    "",
    "",
    "?_rsc=1",
    "?_rsc=",
    "?a=1&a=2&a[]=3",
    "?url=/etc/passwd&w=1&q=1",
    "?url=http://169.254.169.254/&w=64&q=75",
    "?w=99999",
    "?secret=x&slug=../../x",
    "?token=" + "x".repeat(500),
    "?" + "q".repeat(4000),
    "?%",
    "?x=%E0%A4%A",
    "?__nextDataReq=1",
    "?_rsc=" + "z".repeat(64),
  ];
  const headerSets = [
    "",
    "RSC: 1\r\n",
    "RSC: 1\r\nNext-Router-State-Tree: %5B%22%22%2C%7B%7D%5D\r\n",
    "RSC: 1\r\nNext-Router-State-Tree: not-json{{\r\n",
    "RSC: 1\r\nNext-Router-Prefetch: 1\r\nNext-Router-Segment-Prefetch: /_tree\r\n",
    "RSC: 1\r\nNext-Router-Segment-Prefetch: /../../etc\r\n",
    "Next-Action: abc123\r\nContent-Type: text/plain\r\n",
    "Cookie: __prerender_bypass=junk; ledger_preview=*.1.AAAA\r\n",
    "Cookie: ledger_preview=" + "x".repeat(2000) + "\r\n",
    "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: javascript\r\n",
    "Accept: text/x-component\r\n",
    "Range: bytes=0-10,5-1\r\n",
    "If-None-Match: *\r\nIf-Modified-Since: yesterday\r\n",
    "Content-Length: 5\r\n",
    "Transfer-Encoding: chunked\r\n",
    "X-Huge: " + "h".repeat(20_000) + "\r\n",
    Array.from({ length: 120 }, (_, i) => `X-Many-${i}: ${"v".repeat(200)}\r\n`).join(""),
    "Host: \r\n",
    "Accept-Language: " + "é".repeat(50) + "\r\n",
    "X-Middleware-Subrequest: middleware:middleware:middleware:middleware:middleware\r\n",
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const method = pick(methods);
    let p = pick(prefixes);
    const segs = 1 + Math.floor(r() * 3);
    for (let s = 0; s < segs; s++) p += (s ? "/" : "") + pick(junk);
    if (r() < 0.05) p = "/" + "x/".repeat(2_000 + Math.floor(r() * 4_000));
    if (r() < 0.03) p = "*";
    if (r() < 0.02) p = "http://evil.example/";
    // Mostly percent-encode what a client would; sometimes send raw bytes as they are.
    if (r() < 0.85) p = p.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
    const q = pick(queries);
    let hs = pick(headerSets);
    const hasHost = /^Host:/m.test(hs);
    let body = "";
    if (/Content-Length: 5/.test(hs)) body = "hello";
    if (/Transfer-Encoding: chunked/.test(hs)) body = "5\r\nhello\r\n0\r\n\r\n";
    if (method === "POST" && !body && r() < 0.5) {
      body = "x".repeat(Math.floor(r() * 200_000));
      hs += `Content-Length: ${body.length}\r\n`;
    }
    const version = r() < 0.03 ? pick(["HTTP/1.0", "HTTP/0.9", "HTTP/2.0", "HTTP/1.1 x"]) : "HTTP/1.1";
    out.push(`${method} ${p}${q} ${version}\r\n${hasHost ? "" : "Host: 127.0.0.1\r\n"}${hs}Connection: close\r\n\r\n${body}`);
  }
  return out;
}

export interface Raw {
  status: number;
  text: string;
}
export function rawRequest(port: number, request: string): Promise<Raw> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, "127.0.0.1");
    s.setTimeout(20_000);
    // write, not end: a half-closed client looks like one that went away, and nginx drops it (499).
    s.on("connect", () => s.write(Buffer.from(request, "latin1")));
    s.on("data", (d) => chunks.push(d));
    const done = (status?: number) => {
      const text = Buffer.concat(chunks).toString("utf8");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ?? (m ? Number(m[1]) : 0), text });
    };
    s.on("end", () => done());
    s.on("error", () => done());
    s.on("timeout", () => {
      s.destroy();
      done(-1);
    });
  });
}

export const STACK = [
  /^\s+at .+:\d+:\d+\)?\s*$/m,
  /\/work\//,
  /node_modules/,
  /\.next\/server/,
  /webpack-internal|turbopack:\/\//i,
  /Error: .*\n\s+at /,
];
