import path from "node:path";
import createMDX from "@next/mdx";
import type { NextConfig } from "next";

/**
 * Security headers for every response Next serves (nginx sets the same set in front; see
 * docs/production.md). No nonces: pages are prerendered and served from shared caches, so the CSP
 * must be identical for every reader. Next's inline bootstrap scripts (self.__next_f.push) and
 * next/font's inline styles therefore need 'unsafe-inline'. HSTS is left to the TLS terminator.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

/**
 * The production topology's build (LEDGER_CACHE_HANDLER=redis: npm run prod:up, test:prod, the
 * Dockerfile) is a self-contained server (.next/standalone/server.js) sharing its ISR cache through
 * Redis (ops/cache-handler.mjs). Other builds (npm start, npm test) keep `next start` and Next's
 * file-system cache.
 */
const productionTopology: Partial<NextConfig> =
  process.env.LEDGER_CACHE_HANDLER === "redis"
    ? { output: "standalone", cacheHandler: path.join(process.cwd(), "ops", "cache-handler.mjs"), cacheMaxMemorySize: 0 }
    : {};

const nextConfig: NextConfig = {
  pageExtensions: ["ts", "tsx", "mdx"],
  // The project is this directory (next build runs here). Left to inference, Turbopack's root (and
  // the standalone output's tracing root, which follows it) is the outermost directory with a
  // lockfile: a checkout inside another project, or a copy of this one under bench/.tmp, had the
  // whole tree above it watched and hashed.
  turbopack: { root: process.cwd() },
  poweredByHeader: false,
  ...productionTopology,
  // Native, and opened at run time only: never bundled.
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  images: {
    // Phone, tablet and desktop widths of the article column and the cards.
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600, 2000],
    imageSizes: [96, 160, 256, 320],
    formats: ["image/avif", "image/webp"],
  },
};

// Plugins are named by string so that Turbopack can pass them to its loader workers.
const withMDX = createMDX({
  options: {
    remarkPlugins: [["remark-frontmatter", ["yaml"]], "remark-gfm"],
  },
});

export default withMDX(nextConfig);
