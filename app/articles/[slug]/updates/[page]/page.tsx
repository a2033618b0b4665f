import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { content } from "@/lib/content";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { articlePath } from "@/lib/routes";
import { currentView } from "@/lib/view";
import { LiveStoryView } from "../../_live";

type Params = { slug: string; page: string };

// Older updates of a live story. Readers ask for /articles/<slug>?page=n; proxy.ts rewrites that
// here (a query would make the story's own page render per request), and answers this path
// itself with a 404 when asked for directly. Cached like the story, tagged with what it shows.
export const revalidate = 3600;
export const dynamicParams = true;

export async function generateStaticParams(): Promise<Params[]> {
  return [];
}

const pageNumber = (raw: string) => (/^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : NaN);

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug, page } = await params;
  const view = await currentView();
  const story = SLUG_PATTERN.test(slug) ? (await content()).publicStory(slug, view) : undefined;
  if (!story) return {};
  // A page of older updates is never a page of its own for search engines: the story is.
  return {
    title: `${story.title} (page ${pageNumber(page)})`,
    description: story.dek,
    alternates: { canonical: articlePath(story.slug) },
    robots: { index: false, follow: true },
  };
}

export default async function LiveUpdatesPage({ params }: { params: Promise<Params> }) {
  const { slug, page: raw } = await params;
  const page = pageNumber(raw);
  const view = await currentView();
  const story = SLUG_PATTERN.test(slug) ? (await content()).publicStory(slug, view) : undefined;
  if (!story || story.type !== "live" || !(page > 1)) notFound();
  const shown = await LiveStoryView({ story, view, page });
  if (!shown) notFound();
  return shown;
}
