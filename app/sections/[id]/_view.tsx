import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListHeader } from "@/components/ListHeader";
import { StoryList } from "@/components/StoryList";
import { content, paginate } from "@/lib/content";
import { alternateFeeds } from "@/lib/feed/alternates";
import { listMetadata } from "@/lib/list-pages";
import { currentView } from "@/lib/view";

export function sectionParams() {
  const site = content();
  return site.sections.map((s) => ({ id: s.id, count: site.routeCount((story) => story.section === s.id) }));
}

export function sectionMetadata(id: string, page: number): Metadata {
  const site = content();
  const section = site.section(id);
  if (!section) return {};
  return listMetadata({ kind: "section", id }, page, {
    name: section.name,
    description: section.description,
    feeds: alternateFeeds(site.site.name, { kind: "section", id, name: section.name }),
  });
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
      <StoryList
        page={list}
        list={{ kind: "section", id }}
        label={section.name}
        view={view}
        sections={site.sections}
        timeZone={site.site.timeZone}
      />
    </>
  );
}
