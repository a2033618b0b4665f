import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import { content } from "@/lib/content";
import { publicSitemap, XML_HEADERS } from "@/lib/seo/sitemap";
import { siteUrl } from "@/lib/routes";

// Built with the site and re-checked every 30 s, so scheduled stories join the sitemap on their own.
export const revalidate = 30;

/** Every public page: one <urlset>, or a <sitemapindex> of /sitemaps/<n>.xml beyond 50,000 URLs. */
export async function GET() {
  await tagResponse([cacheTag.lists]);
  const sitemap = publicSitemap(await content(), new Date(), siteUrl());
  return new Response(sitemap.xml, { headers: XML_HEADERS });
}
