import { TagView, tagMetadata, tagParams } from "@/components/pages/TagView";
import { pageParams, parsePage } from "@/lib/list-pages";

type Params = { tag: string; page: string };
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
