import type { MetadataRoute } from "next";
import { absoluteUrl, API_PREFIX, FRONT_PATH, NEWS_SITEMAP_PATH, SITEMAP_PATH } from "@/lib/routes";

/** /robots.txt: crawl everything but the API (preview links), and find pages through both sitemaps. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: FRONT_PATH, disallow: API_PREFIX },
    sitemap: [absoluteUrl(SITEMAP_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
