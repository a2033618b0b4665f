/**
 * The poll endpoint of live coverage: GET /api/live/<slug>?after=<ms> answers the updates newer
 * than `after` (the newest one a reader's page shows, in ms since the epoch), newest first, as
 * server-rendered HTML through the one update template (components/live/updateTree.ts), with
 * their count, the newest time and whether the coverage has ended. It reads the index on every
 * request (a publish is seen at once) and says "s-maxage=5": nginx keeps each answer a few
 * seconds, so all the readers polling one story cost the Next servers about one request per
 * cursor every 5 s.
 *
 * Bad input is the reader's error, never the server's: an unknown or non-live story is 404, a
 * missing, malformed or absurd cursor is 400.
 */
import type { NextRequest } from "next/server";
import { updatesTree } from "@/components/live/updateTree";
import { content, imageSizeOf, liveEnded, liveUpdates, pageOfUpdate, updatesAfter } from "@/lib/content";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { treeToFeedHtml } from "@/lib/feed/body-html";
import { siteUrl, updatePermalink } from "@/lib/routes";

export const dynamic = "force-dynamic";

const CACHE = "public, max-age=0, s-maxage=5, stale-while-revalidate=5";
/** A cursor may be ahead of this server's clock by this much (the reader's page came from another server). */
const MAX_AHEAD_MS = 24 * 3_600_000;

const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": CACHE } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const now = new Date();
  const site = await content();
  const story = SLUG_PATTERN.test(slug) ? site.publicStory(slug, now) : undefined;
  if (!story || story.type !== "live") return answer(404, { error: "There is no live coverage at this address." });
  const raw = request.nextUrl.searchParams.get("after");
  const after = raw !== null && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(after) || after > now.getTime() + MAX_AHEAD_MS)
    return answer(400, { error: "`after` must be the time of the newest update shown, in milliseconds since 1970." });

  const updates = await liveUpdates(story);
  const newer = updatesAfter(updates, after);
  const timeZone = site.site.timeZone;
  const html = newer.length
    ? treeToFeedHtml(
        updatesTree(
          newer.map((u) => ({
            update: u,
            authorNames: u.authors.map((a) => site.author(a)?.name ?? a),
            permalink: updatePermalink(story.slug, u.id, pageOfUpdate(updates, u.id) ?? 1),
            now,
            timeZone,
          })),
        ),
        {
          base: siteUrl(),
          timeZone,
          publicStory: (s) => site.publicStory(s, now),
          imageSize: imageSizeOf,
          keepClasses: true,
        },
      )
    : "";
  return answer(200, {
    count: newer.length,
    latest: newer[0]?.time.getTime() ?? after,
    ended: liveEnded(story, now),
    html,
  });
}
