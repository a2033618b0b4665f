/**
 * The page of a live story (type: live): the story's header, the LIVE label and the latest
 * update's time, the summary, the key events, the pinned update, then the updates newest first,
 * 20 a page (older ones on ?page=n). Everything is server-rendered and complete without
 * JavaScript; one small island (LiveUpdates) fetches newer updates on page 1.
 */
import { ArticleHeader } from "@/components/article/ArticleHeader";
import { Byline } from "@/components/article/Byline";
import { CorrectionsBox } from "@/components/article/CorrectionsBox";
import { ImageCaption } from "@/components/article/ImageCaption";
import { StoryFooter } from "@/components/article/StoryFooter";
import { JsonLd } from "@/components/JsonLd";
import { PreviewBanner } from "@/components/PreviewBanner";
import { KeyEvents } from "@/components/live/KeyEvents";
import { LivePagination } from "@/components/live/LivePagination";
import { LiveStatus } from "@/components/live/LiveStatus";
import { LiveSummary } from "@/components/live/LiveSummary";
import { LiveUpdateList } from "@/components/live/LiveUpdateList";
import { LiveUpdates } from "@/components/live/LiveUpdates";
import type { UpdateTreeProps } from "@/components/live/updateTree";
import { tagResponse } from "@/lib/cache";
import { content, liveEnded, livePage, liveUpdates, pageOfUpdate, sizedImage, storyBody, type LiveUpdate, type Story } from "@/lib/content";
import { moreSlugs } from "@/lib/content/body/parse";
import { cacheTag } from "@/lib/content/cache-tags";
import type { View } from "@/lib/content/visibility";
import { breadcrumbJsonLd, liveBlogJsonLd } from "@/lib/seo/jsonld";
import { articlePath, FRONT_PATH, listPath, livePagePath, livePollPath, updatePermalink } from "@/lib/routes";

export const LIVE_LIST_ID = "live-updates";

type Queries = Awaited<ReturnType<typeof content>>;

/** Everything the live page and its JSON-LD show of a live story; undefined when `page` does not exist. */
export async function liveStoryData(site: Queries, story: Story, view: View, page: number) {
  const updates = await liveUpdates(story);
  const shown = livePage(updates, page);
  if (!shown) return undefined;
  const authorName = (id: string) => site.author(id)?.name ?? id;
  const permalinkOf = (u: LiveUpdate) => updatePermalink(story.slug, u.id, pageOfUpdate(updates, u.id) ?? 1);
  const props = (u: LiveUpdate): UpdateTreeProps => ({
    update: u,
    authorNames: u.authors.map(authorName),
    permalink: permalinkOf(u),
    now: view.now,
    timeZone: site.site.timeZone,
  });
  return { updates, shown, props, permalinkOf, authorName };
}

export async function LiveStoryView({ story, view, page }: { story: Story; view: View; page: number }) {
  const site = await content();
  const data = await liveStoryData(site, story, view, page);
  if (!data) return null;
  const { updates, shown, props, permalinkOf } = data;
  const section = site.section(story.section)!;
  const authors = story.authors.map((id) => site.author(id)!);
  const { tree } = await storyBody(story);
  // Like every story page, it leads on to more stories.
  const related = site.related(story, view);
  await tagResponse([
    ...[story.slug, ...related.map((s) => s.slug), ...moreSlugs(tree)].map(cacheTag.story),
    ...story.authors.map(cacheTag.author),
    ...updates.flatMap((u) => u.authors).map(cacheTag.author),
  ]);

  const ended = liveEnded(story, view.now);
  const latest = updates[0];
  const timeZone = site.site.timeZone;
  const ctx = { publicStory: (slug: string) => site.publicStory(slug, view), image: sizedImage, timeZone };
  const keyEvents = updates.filter((u) => u.keyEvent).map((u) => ({ id: u.id, title: u.title ?? "", time: u.time, href: permalinkOf(u) }));

  return (
    <>
      <JsonLd
        data={[
          liveBlogJsonLd({
            story,
            section,
            authors,
            site: site.site,
            tagLabels: story.tags.map((t) => site.tagLabel(t)),
            updates: updates.map((u) => ({
              id: u.id,
              title: u.title,
              time: u.time,
              permalink: permalinkOf(u),
              authors: u.authors.map((a) => site.author(a)!).filter(Boolean),
              text: u.tree,
            })),
            now: view.now,
          }),
          breadcrumbJsonLd([
            { name: "Home", path: FRONT_PATH },
            { name: section.name, path: listPath("section", section.id) },
            { name: story.title, path: articlePath(story.slug) },
          ]),
        ]}
      />
      <div className="mx-auto max-w-6xl lg:grid lg:grid-cols-[minmax(0,48rem)_16rem] lg:gap-10">
        <article className="min-w-0">
          <ArticleHeader story={story} section={section} now={view.now} timeZone={timeZone} />
          <LiveStatus latest={latest.time} ended={ended} timeZone={timeZone} />
          <Byline story={story} authors={authors} timeZone={timeZone} />
          {page === 1 && <LiveSummary points={story.summary} />}
          {page === 1 && story.image && (
            <ImageCaption image={story.image} alt={story.image.alt} caption={story.image.caption} credit={story.image.credit} lead />
          )}
          <CorrectionsBox corrections={story.corrections} />
          <KeyEvents events={keyEvents} now={view.now} timeZone={timeZone} variant="details" />
          {shown.pinned && <LiveUpdateList className="live-pinned" updates={[props(shown.pinned)]} ctx={ctx} />}
          <section aria-labelledby="live-updates-heading" className="live-updates">
            <h2 id="live-updates-heading" className="mt-8 font-sans text-sm font-bold tracking-wide uppercase">
              {page === 1 ? "Latest updates" : `Older updates, page ${page}`}
            </h2>
            {page === 1 && !ended && (
              <p className="live-refresh mt-2 font-sans text-sm">
                {/* A plain link: a full reload, with or without JavaScript. */}
                <a href={articlePath(story.slug)} className="underline">
                  Refresh for new updates
                </a>
              </p>
            )}
            {page === 1 && !ended && !view.preview && (
              <LiveUpdates pollPath={livePollPath(story.slug)} latest={latest.time.getTime()} listId={LIVE_LIST_ID} />
            )}
            <LiveUpdateList id={LIVE_LIST_ID} updates={shown.updates.map(props)} ctx={ctx} />
          </section>
          <LivePagination page={shown.page} pageCount={shown.pageCount} pathOf={(n) => livePagePath(story.slug, n)} />
        </article>
        {keyEvents.length > 0 && (
          <aside aria-labelledby="key-events-heading" className="hidden lg:block">
            <div className="lg:sticky lg:top-4 lg:mt-6">
              <KeyEvents events={keyEvents} now={view.now} timeZone={timeZone} variant="sidebar" />
            </div>
          </aside>
        )}
      </div>
      <StoryFooter
        tags={story.tags.map((t) => ({ slug: t, label: site.tagLabel(t) }))}
        authors={authors}
        section={section}
        site={site.site}
        sections={site.sections}
        related={related}
        now={view.now}
      />
      <PreviewBanner view={view} story={story} returnTo={articlePath(story.slug)} timeZone={timeZone} />
    </>
  );
}
