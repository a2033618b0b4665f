import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListHeader } from "@/components/ListHeader";
import { StoryList } from "@/components/StoryList";
import { content, paginate } from "@/lib/content";
import { currentView } from "@/lib/view";


export function sectionParams() {
  const site = content();
  return site.sections.map((s) => ({ id: s.id, count: site.routeCount((story) => story.section === s.id) }));
}

export function sectionMetadata(id: string, page: number): Metadata {
  const site = content();
  const section = site.section(id);
  if (!section) return {};
  const path = `/sections/${id}${page > 1 ? `/page/${page}` : ""}`;
  return {
    title: page > 1 ? `${section.name} (page ${page})` : section.name,
    description: section.description,
    alternates: {
      canonical: path,
      // A page's alternates replace the layout's, so the site-wide feed is listed again.
      types: {
        "application/rss+xml": [
          { url: `/sections/${id}/feed.xml`, title: `${section.name} | ${site.site.name}` },
          { url: "/feed.xml", title: site.site.name },
        ],
      },
    },
  };
}

export async function SectionView({ id, page }: { id: string; page: number }) {
  const site = content();
  const view = await currentView();
  const section = site.section(id);
  const list = section && paginate(site.bySection(id, view), page);
  if (!section || !list) notFound();
  return (
    <>
      <ListHeader kicker="Section" title={section.name} page={page}>
        <p className="mt-2 text-muted">{section.description}</p>
      </ListHeader>
      <StoryList page={list} basePath={`/sections/${id}`} label={section.name} view={view} />
    </>
  );
}


