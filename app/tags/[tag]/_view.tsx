import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListHeader } from "@/components/ListHeader";
import { StoryList } from "@/components/StoryList";
import { content, paginate } from "@/lib/content";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { listMetadata } from "@/lib/list-pages";
import { currentView } from "@/lib/view";

export async function tagMetadata(tag: string, page: number): Promise<Metadata> {
  const site = await content();
  if (!SLUG_PATTERN.test(tag) || !site.byTag(tag, await currentView()).length) return {};
  const label = site.tagLabel(tag);
  return listMetadata({ kind: "tag", id: tag }, page, {
    name: label,
    description: `News and analysis about ${label} from ${site.site.name}.`,
  });
}

export async function TagView({ tag, page }: { tag: string; page: number }) {
  const site = await content();
  const view = await currentView();
  await tagResponse([cacheTag.tag(tag)]);
  const stories = SLUG_PATTERN.test(tag) ? site.byTag(tag, view) : [];
  const list = stories.length ? paginate(stories, page) : undefined;
  if (!list) notFound();
  return (
    <>
      <ListHeader kicker="Topic" title={site.tagLabel(tag)} page={page}>
        <p className="mt-2 text-muted">
          {list.total} {list.total === 1 ? "story" : "stories"}, newest first.
        </p>
      </ListHeader>
      <StoryList
        page={list}
        list={{ kind: "tag", id: tag }}
        label={site.tagLabel(tag)}
        view={view}
        sections={site.sections}
        timeZone={site.site.timeZone}
      />
    </>
  );
}
