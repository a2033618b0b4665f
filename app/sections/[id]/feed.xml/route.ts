import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import { content } from "@/lib/content";
import { listFeedTitle } from "@/lib/feed/alternates";
import { buildFeed, FEED_SIZE, feedNotFound, feedResponse } from "@/lib/feed/build";
import { feedPath, listPath } from "@/lib/routes";

type Params = { id: string };

// Built with the site and re-checked every 30 s, so scheduled stories join the feed on their own.
export const revalidate = 30;

export async function generateStaticParams(): Promise<Params[]> {
  return (await content()).sections.map((s) => ({ id: s.id }));
}

/** RSS 2.0 of a section's latest 50 public stories. */
export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const { id } = await params;
  await tagResponse([cacheTag.section(id)]);
  const site = await content();
  const section = site.section(id);
  if (!section) return feedNotFound("section");
  return feedResponse(
    await buildFeed({
      title: listFeedTitle(section.name, site.site.name),
      description: section.description,
      path: feedPath("section", section.id),
      pageUrl: listPath("section", section.id),
      stories: site.bySection(section.id, new Date()).slice(0, FEED_SIZE),
    }),
  );
}
