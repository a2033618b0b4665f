import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ComponentType } from "react";
import { ArticleHeader } from "@/components/article/ArticleHeader";
import { Byline } from "@/components/article/Byline";
import { ContributorsLine } from "@/components/article/ContributorsLine";
import { CorrectionsBox } from "@/components/article/CorrectionsBox";
import { ImageCaption } from "@/components/article/ImageCaption";
import { TagList } from "@/components/article/TagList";
import { AuthorBox } from "@/components/AuthorBox";
import { FollowWidget } from "@/components/FollowWidget";
import { PreviewBanner } from "@/components/PreviewBanner";
import { RelatedStories } from "@/components/RelatedStories";
import { content } from "@/lib/content";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { currentView } from "@/lib/view";

type Params = { slug: string };

// Every public story is prerendered. Others render on demand: a scheduled story goes live on its
// own once its time comes (re-checked every 30 s), a preview renders per request, the rest are 404s.
export const revalidate = 30;

export function generateStaticParams(): Params[] {
  return content()
    .latest(new Date())
    .map((s) => ({ slug: s.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  const view = await currentView();
  const story = SLUG_PATTERN.test(slug) ? content().publicStory(slug, view) : undefined;
  if (!story) return {};
  return {
    title: story.title,
    description: story.dek,
    alternates: { canonical: `/articles/${story.slug}` },
    ...(view.preview && { robots: { index: false, follow: false } }),
  };
}

async function loadBody(slug: string): Promise<ComponentType> {
  return (await import(`@/content/articles/${slug}.mdx`)).default;
}

export default async function ArticlePage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const site = content();
  const view = await currentView();
  const story = SLUG_PATTERN.test(slug) ? site.publicStory(slug, view) : undefined;
  if (!story) notFound();
  const section = site.section(story.section)!;
  const authors = story.authors.map((id) => site.author(id)!);
  const Body = await loadBody(story.slug);

  return (
    <>
      <article className="mx-auto max-w-3xl">
        <ArticleHeader story={story} section={section} now={view.now} />
        <Byline story={story} authors={authors} timeZone={site.site.timeZone} />
        {story.image && (
          <ImageCaption image={story.image} alt={story.image.alt} caption={story.image.caption} credit={story.image.credit} lead />
        )}
        <CorrectionsBox corrections={story.corrections} />
        <div className="article-body">
          <Body />
          <ContributorsLine contributors={story.contributors} />
        </div>
      </article>
      <div className="mx-auto max-w-3xl">
        <TagList tags={story.tags.map((t) => ({ slug: t, label: site.tagLabel(t) }))} />
        <AuthorBox authors={authors} />
        <FollowWidget site={site.site} feeds={[{ href: "/feed.xml", title: site.site.name }]} />
      </div>
      <RelatedStories stories={site.related(story, view)} now={view.now} />
      <PreviewBanner view={view} story={story} returnTo={`/articles/${story.slug}`} />
    </>
  );
}
