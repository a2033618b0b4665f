import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import { content } from "@/lib/content";
import { newsSitemapEntries, renderNewsSitemap, XML_HEADERS } from "@/lib/seo/sitemap";
import { siteUrl } from "@/lib/routes";

// Re-checked every 30 s, so stories join on their own when published and leave after 48 hours.
export const revalidate = 30;

/** Google News sitemap: public stories of the last 48 hours, newest first, at most 1,000. */
export async function GET() {
  await tagResponse([cacheTag.lists]);
  const site = await content();
  const xml = renderNewsSitemap(newsSitemapEntries(site, new Date(), siteUrl()), { name: site.site.name, language: site.site.language });
  return new Response(xml, { headers: XML_HEADERS });
}
