import type { Metadata } from "next";
import { content } from "@/lib/content";
import { SITE_CARD_PATH } from "@/lib/routes";

/**
 * Metadata of a trust page: its title, description and canonical URL, and a share card of its own.
 * A page's openGraph replaces the root layout's whole (image included), so the site name, locale and
 * the site's branded card (app/opengraph-image.tsx) are given again; without this, a shared link to
 * /about would show the front page's title and URL.
 */
export async function trustPageMetadata({
  path,
  title,
  description,
}: {
  path: string;
  title: string;
  description: string;
}): Promise<Metadata> {
  const { site } = await content();
  const image = { url: SITE_CARD_PATH, width: 1200, height: 630, alt: site.name };
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: site.language.replace("-", "_"),
      url: path,
      title,
      description,
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}
