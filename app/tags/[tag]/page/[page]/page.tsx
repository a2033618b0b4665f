import { TagView, tagMetadata, tagParams } from "../../_view";
import { pageParams, parsePage } from "@/lib/list-pages";

type Params = { tag: string; page: string };
// Lists are prerendered (with room for hidden stories) and re-checked every 30 s, so scheduled
// stories appear on their own; any other URL is the static 404 page.
export const revalidate = 30;
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return tagParams().flatMap(({ tag, count }) => pageParams(count).map(({ page }) => ({ tag, page })));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { tag, page } = await params;
  return tagMetadata(tag, parsePage(page));
}

export default async function TagPageN({ params }: { params: Promise<Params> }) {
  const { tag, page } = await params;
  return <TagView tag={tag} page={parsePage(page)} />;
}
