import { z } from "zod";
import { expireTags } from "@/lib/cache";
import { indexSnapshot } from "@/lib/content";
import { contentDirOf } from "@/lib/content/load";
import { publishChanges } from "@/lib/content/publish";
import { sharedStore } from "@/lib/content/store";
import { purgeEdge } from "@/lib/publish/edge";
import { publishSecret } from "@/lib/publish/secret";
import { safeEqual } from "@/lib/preview/token";
import { sharedSearch } from "@/lib/search";
import { syncSearch } from "@/lib/search/sync";

/**
 * The publish endpoint, for `npm run publish`, a CMS or a CI webhook. The secret goes in the
 * Authorization header ("Bearer <secret>"), never in the URL. POST the changed files; GET returns
 * the index's manifest (path -> sha256), so a client sends only what changed.
 */
export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
const json = (status: number, body: unknown) => Response.json(body, { status, headers: HEADERS });

const MAX_BODY_BYTES = 64 * 1024 * 1024;

const publishRequest = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(300),
        source: z
          .string()
          .max(2 * 1024 * 1024)
          .nullable(),
      }),
    )
    .max(200_000),
});

let queue: Promise<unknown> = Promise.resolve();

function authorised(request: Request): Response | undefined {
  const secret = publishSecret();
  if (!secret) return json(503, { error: "Publishing is off: set LEDGER_PUBLISH_SECRET (16+ characters) on the server." });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!given || !safeEqual(given, secret)) return json(401, { error: "Send the publish secret as `Authorization: Bearer <secret>`." });
  return undefined;
}

export async function GET(request: Request) {
  const refused = authorised(request);
  if (refused) return refused;
  return json(200, { manifest: Object.fromEntries(await sharedStore().manifest()) });
}

export async function POST(request: Request) {
  const refused = authorised(request);
  if (refused) return refused;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return json(413, { error: "Too large: publish in smaller batches." });
  let parsed;
  try {
    parsed = publishRequest.safeParse(await request.json());
  } catch {
    return json(400, { error: 'Send JSON: {"changes": [{"path": "articles/<slug>.mdx", "source": "<file text>" or null to delete}]}' });
  }
  if (!parsed.success) return json(400, { error: `Not a publish request: ${parsed.error.issues[0]?.message}` });

  const root = process.cwd();
  // One publish at a time per server: each validates against the index as the one before left it.
  const turn = queue.then(async () => {
    const { entries, stories } = await indexSnapshot();
    const result = await publishChanges(sharedStore(), parsed.data.changes, {
      root,
      contentDir: contentDirOf(root),
      current: entries,
      currentStories: stories,
    });
    // Search follows in the same turn: exactly the stories whose search text changed. A failure
    // here does not undo the publish; the next publish (or content:index) catches search up.
    if (result.ok) {
      try {
        // One snapshot, caught up with this publish. Stories only (no author, tag or site file):
        // search re-indexes just those, from this server's own queries.
        const after = await indexSnapshot();
        const only = result.storiesOnly && { site: after.queries, slugs: result.storiesOnly };
        await syncSearch(sharedStore(), sharedSearch(), after.entries, result.bodyText, only);
      } catch (e) {
        console.error(`Search index not updated: ${(e as Error).message}`);
      }
    }
    return result;
  });
  queue = turn.catch(() => undefined);
  const result = await turn;
  // The body texts were for search; the caller gets the outcome.
  const answer = { ...result, bodyText: undefined };
  if (!result.ok) return json(422, answer);
  expireTags(result.tags);
  await purgeEdge(result.paths);
  return json(200, answer);
}
