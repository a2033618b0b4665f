import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import { content } from "@/lib/content";
import { buildFeed, FEED_SIZE, feedResponse } from "@/lib/feed/build";
import { feedPath, FRONT_PATH } from "@/lib/routes";

// Built with the site and re-checked every 30 s, so scheduled stories join the feed on their own.
export const revalidate = 30;

/** RSS 2.0 of the latest 50 public stories. */
export async function GET() {
  await tagResponse([cacheTag.lists]);
  const site = await content();
  return feedResponse(
    await buildFeed({
      title: site.site.name,
      description: site.site.tagline,
      path: feedPath(),
      pageUrl: FRONT_PATH,
      stories: site.latest(new Date(), FEED_SIZE),
    }),
  );
}
