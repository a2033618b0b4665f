/**
 * The shared Next.js cache (ISR pages, route handlers, fetch cache) for every Next server:
 * Redis through @fortedigital/nextjs-cache-handler (3.3+, the release line for Next 16; 3.3.0 fixes
 * the per-segment prefetch data Next 16.3+ needs), with an in-process LRU as the fallback.
 *
 * Built in only when LEDGER_CACHE_HANDLER=redis at build time (see next.config.ts). At run time:
 *   REDIS_URL                  redis://127.0.0.1:6390 (default)
 *   LEDGER_CACHE_PREFIX        key prefix, default "ledger:" plus the build id
 *   REDIS_TIMEOUT_MS           per-command timeout, default 300
 *
 * Failure behaviour (what keeps readers served when Redis is down):
 * - The client connects in the background and reconnects forever; the server never waits for it.
 * - `disableOfflineQueue`: while Redis is unreachable, commands fail at once instead of queueing,
 *   and every command has a timeout, so a request never hangs on the cache.
 * - Handlers are [redis, lru]. The CacheHandler reads them in order and moves on when one throws,
 *   and writes to both, so with Redis gone each server keeps serving from its own LRU copy (and
 *   renders what it does not have). When Redis is back, reads and writes go to it again.
 */
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { createClient } from "redis";

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6390";
const TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS || 300);

let warnedAt = 0;
/** One line at most every 30 s: an outage must not flood the log. Never prints the URL's password. */
function warn(message) {
  const now = Date.now();
  if (now - warnedAt < 30_000) return;
  warnedAt = now;
  console.warn(`[cache] ${message}`);
}

function redisClient() {
  const client = createClient({
    url: REDIS_URL,
    disableOfflineQueue: true,
    pingInterval: 5_000,
    socket: {
      connectTimeout: 1_000,
      // Retry forever, quickly at first, at most every 2 s.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  client.on("error", (error) => warn(`Redis unavailable (${error?.code ?? error?.name ?? "error"}); serving from the local cache`));
  client.on("ready", () => console.info("[cache] Redis connected"));
  // In the background: a server must start and serve even when Redis is down.
  client.connect().catch((error) => warn(`Redis connect failed (${error?.code ?? error?.name}); will retry`));
  return client;
}

/**
 * Route handlers (feeds, sitemaps, image crops) carry their cache tags the way Next stores them:
 * in the entry's `x-next-cache-tags` header, with no `tags` in the set context. The package reads
 * that header for pages (APP_PAGE) only and takes `ctx.tags` for everything else
 * (dist/handlers/cache-handler.js, `set`: `case "APP_PAGE"`; default: the context's tags), so a
 * feed or sitemap was stored in Redis with no tags, and `revalidateTag` never deleted it: a publish
 * reached them only on their 30 s timer. This passes the header's tags on for route handlers too.
 */
class LedgerCacheHandler extends CacheHandler {
  async set(cacheKey, value, ctx) {
    if (value?.kind === "APP_ROUTE" && !ctx?.tags?.length) {
      const header = value.headers?.["x-next-cache-tags"];
      const tags = Array.isArray(header) ? header : typeof header === "string" ? header.split(",") : [];
      if (tags.length) ctx = { ...ctx, tags };
    }
    return super.set(cacheKey, value, ctx);
  }
}

CacheHandler.onCreation(({ buildId }) => {
  // One configuration (and one Redis connection) per process, however often Next creates handlers.
  if (globalThis.__ledgerCacheConfig) return globalThis.__ledgerCacheConfig;
  const lru = createLruHandler({ maxItemsNumber: 2_000, maxItemSizeBytes: 64 * 1024 * 1024 });
  // `next build` prerenders into its own file cache; only the servers talk to Redis.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) {
    globalThis.__ledgerCacheConfig = { handlers: [lru] };
    return globalThis.__ledgerCacheConfig;
  }
  const redis = createRedisHandler({
    client: redisClient(),
    // Entries of one build never meet another build's (cache formats and pages differ).
    keyPrefix: process.env.LEDGER_CACHE_PREFIX || `ledger:${buildId ?? "dev"}:`,
    timeoutMs: TIMEOUT_MS,
  });
  globalThis.__ledgerCacheConfig = { handlers: [redis, lru] };
  return globalThis.__ledgerCacheConfig;
});

export default LedgerCacheHandler;
