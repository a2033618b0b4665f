import { ImageResponse } from "next/og";
import { BrandCard } from "@/components/BrandCard";
import { content } from "@/lib/content";

export const alt = "The Meridian Ledger";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The site's branded share card (home page; sections override it with their own). */
export default async function Image() {
  const { site } = await content();
  return new ImageResponse(<BrandCard title={site.name} subtitle={site.tagline} />, size);
}
