import { TagView, tagMetadata } from "../../_view";
import { parsePage } from "@/lib/list-pages";

type Params = { tag: string; page: string };
// Later pages render on first request and are cached like first pages (see ../../page.tsx).
export const revalidate = 30;
export const dynamicParams = true;

export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { tag, page } = await params;
  return tagMetadata(tag, parsePage(page));
}

export default async function TagPageN({ params }: { params: Promise<Params> }) {
  const { tag, page } = await params;
  return <TagView tag={tag} page={parsePage(page)} />;
}
