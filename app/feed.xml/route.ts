import { Feed } from "feed";
import { content } from "@/lib/content";
import { siteUrl } from "@/lib/site-url";

// Built with the site and re-checked every 30 s, so scheduled stories join the feed on their own.
export const revalidate = 30;

/** RSS 2.0 of the latest 50 public stories. */
export function GET() {
  const site = content();
  const base = siteUrl();
  const feed = new Feed({
    title: site.site.name,
    description: site.site.tagline,
    id: `${base}/`,
    link: `${base}/`,
    language: site.site.language,
    copyright: `© ${site.site.name}`,
    feedLinks: { rss: `${base}/feed.xml` },
  });
  for (const story of site.latest(new Date(), 50)) {
    const url = `${base}/articles/${story.slug}`;
    feed.addItem({
      title: story.title,
      id: url,
      link: url,
      description: story.dek,
      date: story.updatedAt ?? story.publishedAt,
      published: story.publishedAt,
      author: story.authors.map((id) => ({ name: site.author(id)?.name ?? id, link: `${base}/authors/${id}` })),
      category: [{ name: site.section(story.section)?.name ?? story.section }, ...story.tags.map((t) => ({ name: site.tagLabel(t) }))],
      image: story.image ? { url: `${base}${story.image.src}`, type: story.image.src.endsWith(".webp") ? "image/webp" : "image/jpeg" } : undefined,
    });
  }
  return new Response(feed.rss2(), { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
