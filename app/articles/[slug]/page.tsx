import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleHeader } from "@/components/article/ArticleHeader";
import { Byline } from "@/components/article/Byline";
import { ContributorsLine } from "@/components/article/ContributorsLine";
import { CorrectionsBox } from "@/components/article/CorrectionsBox";
import { ImageCaption } from "@/components/article/ImageCaption";
import { PreviewBanner } from "@/components/PreviewBanner";
import { content, sizedImage, storyBody } from "@/lib/content";
import { moreSlugs } from "@/lib/content/body/parse";
import { cacheTag } from "@/lib/content/cache-tags";
import { tagResponse } from "@/lib/cache";
import { StoryBody } from "@/components/body/StoryBody";
import { LiveStoryView } from "./_live";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { currentView } from "@/lib/view";
import { StoryFooter } from "@/components/article/StoryFooter";
import { JsonLd } from "@/components/JsonLd";
import { articleJsonLd, breadcrumbJsonLd } from "@/lib/seo/jsonld";
import { CROPS } from "@/lib/seo/crops";
import { alternateFeeds } from "@/lib/feed/alternates";
import { absoluteUrl, articlePath, cropPath, FRONT_PATH, listPath } from "@/lib/routes";

type Params = { slug: string };

// The newest stories are prerendered; every other story renders on its first request and is then
// cached (shared by every server), tagged with what it shows so a publish expires it at once; the
// hour is only a safety net. Slugs that are not public never reach this page: proxy.ts answers
// them with the static 404 page (a 404 thrown by a page gets only a client-rendered body from
// Next: vercel/next.js#62228). Previews render per request.
export const revalidate = 3600;
export const dynamicParams = true;

/** How many of the newest stories a build prerenders (LEDGER_PRERENDER_STORIES, default 200). */
const PRERENDERED_STORIES = Number(process.env.LEDGER_PRERENDER_STORIES ?? 200);

export async function generateStaticParams(): Promise<Params[]> {
  return (await content()).recentSlugs(new Date(), PRERENDERED_STORIES).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  const view = await currentView();
  const story = SLUG_PATTERN.test(slug) ? (await content()).publicStory(slug, view) : undefined;
  if (!story) return {};
  const site = await content();
  const path = articlePath(story.slug);
  const image = story.image && { url: cropPath(story.slug, "og"), ...CROPS.og, alt: story.image.alt };
  return {
    title: story.title,
    description: story.dek,
    // A syndicated story points search engines at the original.
    alternates: {
      canonical: story.canonical ?? path,
      types: alternateFeeds(site.site.name, { kind: "article", section: site.section(story.section)! }),
    },
    openGraph: {
      type: "article",
      url: path,
      title: story.title,
      description: story.dek,
      siteName: site.site.name,
      publishedTime: story.publishedAt.toISOString(),
      modifiedTime: (story.updatedAt ?? story.publishedAt).toISOString(),
      section: site.section(story.section)?.name,
      authors: story.authors.map((id) => absoluteUrl(listPath("author", id))),
      tags: story.tags.map((t) => site.tagLabel(t)),
      images: image ? [image] : undefined,
    },
    twitter: { card: "summary_large_image", title: story.title, description: story.dek, images: image ? [image] : undefined },
    ...(view.preview && { robots: { index: false, follow: false } }),
  };
}

export default async function ArticlePage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const site = await content();
  const view = await currentView();
  const story = SLUG_PATTERN.test(slug) ? site.publicStory(slug, view) : undefined;
  if (!story) notFound();
  // Live coverage has a page of its own (the updates, key events, the island that fetches new ones).
  if (story.type === "live") return <LiveStoryView story={story} view={view} page={1} />;
  const section = site.section(story.section)!;
  const authors = story.authors.map((id) => site.author(id)!);
  // The body is data from the one body pipeline, never a compiled module.
  const body = await storyBody(story);
  const related = site.related(story, view);
  await tagResponse([
    ...[story.slug, ...related.map((s) => s.slug), ...moreSlugs(body.tree)].map(cacheTag.story),
    ...story.authors.map(cacheTag.author),
  ]);

  return (
    <>
      <JsonLd
        data={[
          articleJsonLd({ story, section, authors, site: site.site, tagLabels: story.tags.map((t) => site.tagLabel(t)) }),
          breadcrumbJsonLd([
            { name: "Home", path: FRONT_PATH },
            { name: section.name, path: listPath("section", section.id) },
            { name: story.title, path: articlePath(story.slug) },
          ]),
        ]}
      />
      <article className="mx-auto max-w-3xl">
        <ArticleHeader story={story} section={section} now={view.now} timeZone={site.site.timeZone} />
        <Byline story={story} authors={authors} timeZone={site.site.timeZone} />
        {story.image && (
          <ImageCaption image={story.image} alt={story.image.alt} caption={story.image.caption} credit={story.image.credit} lead />
        )}
        <CorrectionsBox corrections={story.corrections} />
        <div className="article-body">
          <StoryBody
            tree={body.tree}
            ctx={{ publicStory: (slug) => site.publicStory(slug, view), image: sizedImage, timeZone: site.site.timeZone }}
          />
          <ContributorsLine contributors={story.contributors} />
        </div>
      </article>
      <StoryFooter
        tags={story.tags.map((t) => ({ slug: t, label: site.tagLabel(t) }))}
        authors={authors}
        section={section}
        site={site.site}
        sections={site.sections}
        related={related}
        now={view.now}
      />
      <PreviewBanner view={view} story={story} returnTo={articlePath(story.slug)} timeZone={site.site.timeZone} />
    </>
  );
}
