import { TagView, tagMetadata } from "./_view";

type Params = { tag: string };
// First pages are prerendered, other lists render on first request; all are cached, expired by
// a publish (cache tags) and re-checked every 30 s so scheduled stories appear on their own.
// proxy.ts answers a list that does not exist with the static 404 page.
export const revalidate = 30;
export const dynamicParams = true;

/** Tag pages render on first request (an archive has thousands of tags). */
export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return tagMetadata((await params).tag, 1);
}

export default async function TagPage({ params }: { params: Promise<Params> }) {
  return <TagView tag={(await params).tag} page={1} />;
}
