import { AuthorView, authorMetadata, authorParams } from "../../_view";
import { pageParams, parsePage } from "@/lib/list-pages";

type Params = { id: string; page: string };
// Lists are prerendered (with room for hidden stories) and re-checked every 30 s, so scheduled
// stories appear on their own; any other URL is the static 404 page.
export const revalidate = 30;
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return authorParams().flatMap(({ id, count }) => pageParams(count).map(({ page }) => ({ id, page })));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { id, page } = await params;
  return authorMetadata(id, parsePage(page));
}

export default async function AuthorPageN({ params }: { params: Promise<Params> }) {
  const { id, page } = await params;
  return <AuthorView id={id} page={parsePage(page)} />;
}
