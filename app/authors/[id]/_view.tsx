import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorProfile } from "@/components/AuthorBox";
import { StoryList } from "@/components/StoryList";
import { content, paginate } from "@/lib/content";
import { alternateFeeds } from "@/lib/feed/alternates";
import { listMetadata } from "@/lib/list-pages";
import { currentView } from "@/lib/view";
import { JsonLd } from "@/components/JsonLd";
import { profilePageJsonLd } from "@/lib/seo/jsonld";

/** Every author's first page is prerendered; later pages render on first request. */
export async function authorParams() {
  return (await content()).authors().map((a) => ({ id: a.id }));
}

export async function authorMetadata(id: string, page: number): Promise<Metadata> {
  const site = await content();
  const author = site.author(id);
  if (!author) return {};
  return listMetadata({ kind: "author", id }, page, {
    name: author.name,
    description: `${author.name}, ${author.role}: profile and latest stories.`,
    feeds: alternateFeeds(site.site.name, { kind: "author", id, name: author.name }),
  });
}

export async function AuthorView({ id, page }: { id: string; page: number }) {
  const site = await content();
  const view = await currentView();
  await tagResponse([cacheTag.author(id)]);
  const author = site.author(id);
  const list = author && paginate(site.byAuthor(id, view), page);
  if (!author || !list) notFound();
  return (
    <>
      {page === 1 && <JsonLd data={profilePageJsonLd(author)} />}
      <header className="mt-8 border-b-2 border-ink pb-6">
        <p className="font-sans text-sm font-semibold tracking-wide text-accent uppercase">Author</p>
        <h1 className="sr-only">{author.name}</h1>
        <div className="mt-3 max-w-3xl">
          <AuthorProfile author={author} headingLevel={2} linkName={false} />
        </div>
      </header>
      <h2 className="mt-8 font-sans text-lg font-bold">
        Stories by {author.name}
        {page > 1 && <span className="font-normal text-muted"> (page {page})</span>}
      </h2>
      <StoryList
        page={list}
        list={{ kind: "author", id }}
        label={`Stories by ${author.name}`}
        view={view}
        sections={site.sections}
        timeZone={site.site.timeZone}
      />
    </>
  );
}
