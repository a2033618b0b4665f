import { AuthorView, authorMetadata, authorParams } from "./_view";

type Params = { id: string };
// First pages are prerendered, other lists render on first request; all are cached, expired by
// a publish (cache tags) and re-checked every 30 s so scheduled stories appear on their own.
// proxy.ts answers a list that does not exist with the static 404 page.
export const revalidate = 30;
export const dynamicParams = true;

export async function generateStaticParams(): Promise<Params[]> {
  return (await authorParams()).map(({ id }) => ({ id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  return authorMetadata((await params).id, 1);
}

export default async function AuthorPage({ params }: { params: Promise<Params> }) {
  return <AuthorView id={(await params).id} page={1} />;
}
