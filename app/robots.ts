import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site-url";

/** /robots.txt: crawl everything but the API (preview links), and find pages through both sitemaps. */
export default function robots(): MetadataRoute.Robots {
  const base = siteUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: "/api/" },
    sitemap: [`${base}/sitemap.xml`, `${base}/news-sitemap.xml`],
  };
}
