/**
 * The publishing client: compares a content folder with a site's index (GET /api/publish gives
 * the manifest) and sends what differs (POST /api/publish). Used by `npm run publish` and by the
 * watcher of `npm start` / `npm run dev`.
 */
import { diffContent, hashCachePath } from "../content/changes";
import type { ContentIssue } from "../content/issues";

export interface PublishOutcome {
  ok: boolean;
  /** Why nothing was published, when the site refused or could not be reached. */
  error?: string;
  issues: ContentIssue[];
  /** Paths sent, each marked as updated or removed. */
  sent: { path: string; removed: boolean }[];
  /** Paths the site wrote (it skips files whose text it already has). */
  changed: string[];
  tags: string[];
  ms: number;
}

export async function publishFolder({
  target,
  secret,
  contentDir,
}: {
  target: string;
  secret: string;
  contentDir: string;
}): Promise<PublishOutcome> {
  const started = performance.now();
  const endpoint = new URL("/api/publish", target).href;
  const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" };
  const outcome = (o: Partial<PublishOutcome>): PublishOutcome => ({
    ok: false,
    issues: [],
    sent: [],
    changed: [],
    tags: [],
    ...o,
    ms: Math.round(performance.now() - started),
  });

  const manifestReply = await fetch(endpoint, { headers });
  if (!manifestReply.ok) return outcome({ error: `${endpoint} answered ${manifestReply.status}: ${(await manifestReply.text()).trim()}` });
  const { manifest } = (await manifestReply.json()) as { manifest: Record<string, string> };
  const changes = diffContent(contentDir, new Map(Object.entries(manifest)), { hashCache: hashCachePath(contentDir) });
  const sent = changes.map((c) => ({ path: c.path, removed: c.source === null }));
  if (!changes.length) return outcome({ ok: true });

  const reply = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ changes }) });
  const result = (await reply.json().catch(() => ({}))) as Partial<PublishOutcome>;
  if (!reply.ok)
    return outcome({ sent, issues: result.issues ?? [], error: result.error ?? `Not published: fix the error(s) and publish again.` });
  return outcome({ ok: true, sent, issues: result.issues ?? [], changed: result.changed ?? [], tags: result.tags ?? [] });
}
