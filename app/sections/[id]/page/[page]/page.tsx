import { SectionView, sectionMetadata } from "../../_view";
import { parsePage } from "@/lib/list-pages";

type Params = { id: string; page: string };
// Later pages render on first request and are cached like first pages (see ../../page.tsx).
export const revalidate = 30;
export const dynamicParams = true;

export function generateStaticParams(): Params[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { id, page } = await params;
  return sectionMetadata(id, parsePage(page));
}

export default async function SectionPageN({ params }: { params: Promise<Params> }) {
  const { id, page } = await params;
  return <SectionView id={id} page={parsePage(page)} />;
}
