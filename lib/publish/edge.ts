/**
 * The CDN purge hook: after a publish has expired the servers' caches (cache tags), the edge in
 * front must drop its copies of the same pages. nginx in the production topology keeps pages for
 * 5 s only, so it needs nothing; a CDN that keeps pages longer is told here.
 *
 * Set LEDGER_PURGE_URL to an endpoint that accepts `POST {"paths": ["/articles/x", ...]}` (a
 * small adapter to your CDN's purge API: by URL, or by surrogate key if it tags responses), and
 * LEDGER_PURGE_TOKEN to send it `Authorization: Bearer <token>`. The paths are purged at once and
 * again after LEDGER_PURGE_REPEAT_MS (default 6000; 0: never): nginx may hand the CDN its old copy
 * for up to 5 s after the publish, and the second purge drops what the CDN fetched meanwhile.
 * A failed purge is logged and never fails the publish: the CDN's own short lifetime still applies.
 */
const DEFAULT_REPEAT_MS = 6_000;

async function purge(url: string, paths: string[]): Promise<void> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(process.env.LEDGER_PURGE_TOKEN && { Authorization: `Bearer ${process.env.LEDGER_PURGE_TOKEN}` }),
      },
      body: JSON.stringify({ paths }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) console.warn(`[publish] edge purge answered ${response.status}`);
  } catch (e) {
    console.warn(`[publish] edge purge failed: ${(e as Error).message}`);
  }
}

export async function purgeEdge(paths: string[]): Promise<void> {
  const url = process.env.LEDGER_PURGE_URL;
  if (!url || !paths.length) return;
  await purge(url, paths);
  const repeatMs = Number(process.env.LEDGER_PURGE_REPEAT_MS ?? DEFAULT_REPEAT_MS);
  if (repeatMs > 0) setTimeout(() => void purge(url, paths), repeatMs).unref();
}
