import { ImageResponse } from "next/og";
import { BrandCard } from "@/components/BrandCard";
import { content } from "@/lib/content";

export const alt = "Section of The Meridian Ledger";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export async function generateStaticParams() {
  return (await content()).sections.map((s) => ({ id: s.id }));
}

/** A branded card per section: its name and what it covers. */
export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const site = await content();
  const section = site.section((await params).id);
  return new ImageResponse(
    <BrandCard kicker={site.site.name} title={section?.name ?? site.site.name} subtitle={section?.description ?? site.site.tagline} />,
    size,
  );
}
