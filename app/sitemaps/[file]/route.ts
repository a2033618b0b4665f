import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import { content } from "@/lib/content";
import { publicSitemap, XML_HEADERS } from "@/lib/seo/sitemap";
import { siteUrl } from "@/lib/routes";

type Params = { file: string };
// Re-checked every 30 s like /sitemap.xml, so the index and its chunks agree.
export const revalidate = 30;

async function render(now: Date) {
  return publicSitemap(await content(), now, siteUrl());
}

/** The chunks that exist at build time are prerendered; others are rendered on first request. */
export async function generateStaticParams(): Promise<Params[]> {
  const sitemap = await render(new Date());
  return sitemap.kind === "index" ? sitemap.chunks.map((_, i) => ({ file: `${i + 1}.xml` })) : [];
}

const notFound = () => new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** /sitemaps/<n>.xml: the n-th chunk of a sitemap index; anything else, or a chunk that does not exist, is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  await tagResponse([cacheTag.lists]);
  const match = /^([1-9][0-9]{0,5})\.xml$/.exec((await params).file);
  if (!match) return notFound();
  const sitemap = await render(new Date());
  const xml = sitemap.kind === "index" ? sitemap.chunk(Number(match[1])) : undefined;
  return xml === undefined ? notFound() : new Response(xml, { headers: XML_HEADERS });
}
