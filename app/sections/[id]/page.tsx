import { SectionView, sectionMetadata, sectionParams } from "./_view";

type Params = { id: string };
// Lists are prerendered (with room for hidden stories) and re-checked every 30 s, so scheduled
// stories appear on their own; any other URL is the static 404 page.
export const revalidate = 30;
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return sectionParams().map(({ id }) => ({ id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return sectionMetadata((await params).id, 1);
}

export default async function SectionPage({ params }: { params: Promise<Params> }) {
  return <SectionView id={(await params).id} page={1} />;
}
