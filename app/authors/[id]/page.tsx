import { AuthorView, authorMetadata, authorParams } from "@/components/pages/AuthorView";

type Params = { id: string };
// Lists are prerendered and re-checked every 30 s, so scheduled stories appear on their own.
export const revalidate = 30;

export function generateStaticParams(): Params[] {
  return authorParams().map(({ id }) => ({ id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return authorMetadata((await params).id, 1);
}

export default async function AuthorPage({ params }: { params: Promise<Params> }) {
  return <AuthorView id={(await params).id} page={1} />;
}
