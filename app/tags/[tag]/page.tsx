import { TagView, tagMetadata, tagParams } from "./_view";

type Params = { tag: string };
// Lists are prerendered (with room for hidden stories) and re-checked every 30 s, so scheduled
// stories appear on their own; any other URL is the static 404 page.
export const revalidate = 30;
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return tagParams().map(({ tag }) => ({ tag }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return tagMetadata((await params).tag, 1);
}

export default async function TagPage({ params }: { params: Promise<Params> }) {
  return <TagView tag={(await params).tag} page={1} />;
}
