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
  return (await content()).authors().map((a) => ({ id: a.id }));
}

/** RSS 2.0 of an author's latest 50 public stories. */
export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const { id } = await params;
  await tagResponse([cacheTag.author(id)]);
  const site = await content();
  const author = site.author(id);
  if (!author) return feedNotFound("author");
  return feedResponse(
    await buildFeed({
      title: listFeedTitle(author.name, site.site.name),
      description: `Stories by ${author.name}, ${author.role}, in ${site.site.name}.`,
      path: feedPath("author", author.id),
      pageUrl: listPath("author", author.id),
      stories: site.byAuthor(author.id, new Date()).slice(0, FEED_SIZE),
    }),
  );
}
