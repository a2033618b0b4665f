import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListHeader } from "@/components/ListHeader";
import { StoryList } from "@/components/StoryList";
import { content, paginate } from "@/lib/content";
import { alternateFeeds } from "@/lib/feed/alternates";
import { listMetadata } from "@/lib/list-pages";
import { currentView } from "@/lib/view";

/** Every section's first page is prerendered; later pages render on first request. */
export async function sectionParams() {
  return (await content()).sections.map((s) => ({ id: s.id }));
}

export async function sectionMetadata(id: string, page: number): Promise<Metadata> {
  const site = await content();
  const section = site.section(id);
  if (!section) return {};
  return listMetadata({ kind: "section", id }, page, {
    name: section.name,
    description: section.description,
    feeds: alternateFeeds(site.site.name, { kind: "section", id, name: section.name }),
  });
}

export async function SectionView({ id, page }: { id: string; page: number }) {
  const site = await content();
  const view = await currentView();
  await tagResponse([cacheTag.section(id)]);
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
