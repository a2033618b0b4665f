import { tagResponse } from "@/lib/cache";
import { cacheTag } from "@/lib/content/cache-tags";
import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { StoryCard } from "@/components/StoryCard";
import { PreviewBanner } from "@/components/PreviewBanner";
import { content } from "@/lib/content";
import { alternateFeeds } from "@/lib/feed/alternates";
import { FRONT_PATH, listPath } from "@/lib/routes";
import { currentView } from "@/lib/view";
import { JsonLd } from "@/components/JsonLd";
import { homeJsonLd } from "@/lib/seo/jsonld";

const TOP_STORIES = 4;
const PER_SECTION = 3;

export async function generateMetadata(): Promise<Metadata> {
  return { alternates: { canonical: FRONT_PATH, types: alternateFeeds((await content()).site.name) } };
}

// Re-checked every 30 s so scheduled stories reach the front page on their own.
export const revalidate = 30;

/** The front page: the lead story large, then top stories, then the latest by section. */
export default async function FrontPage() {
  const site = await content();
  const view = await currentView();
  await tagResponse([cacheTag.lists]);
  const { timeZone } = site.site;
  const [lead, ...rest] = site.latest(view);
  const top = rest.slice(0, TOP_STORIES);
  const shown = new Set([lead, ...top].filter(Boolean).map((s) => s.slug));

  return (
    <>
      <JsonLd data={homeJsonLd(site.site)} />
      <h1 className="sr-only">{site.site.name}: the latest news</h1>
      {lead && (
        <section aria-label="Top stories" className="mt-8 grid gap-8 lg:grid-cols-[2fr_1fr]">
          <div className="lead-story">
            <StoryCard
              story={lead}
              section={site.section(lead.section)}
              timeZone={timeZone}
              variant="lead"
              headingLevel={2}
              now={view.now}
            />
          </div>
          <ul className="top-stories grid content-start gap-6 sm:grid-cols-2 lg:grid-cols-1 lg:border-l lg:border-rule lg:pl-8">
            {top.map((s, i) => (
              <li key={s.slug} className={i > 0 ? "lg:border-t lg:border-rule lg:pt-6" : undefined}>
                <StoryCard
                  story={s}
                  section={site.section(s.section)}
                  timeZone={timeZone}
                  variant={i < 2 ? "standard" : "compact"}
                  headingLevel={2}
                  now={view.now}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {site.sections.map((section) => {
        const stories = site
          .bySection(section.id, view)
          .filter((s) => !shown.has(s.slug))
          .slice(0, PER_SECTION);
        if (!stories.length) return null;
        return (
          <section key={section.id} aria-labelledby={`section-${section.id}`} className="front-section mt-12 border-t-2 border-ink pt-3">
            <h2 id={`section-${section.id}`} className="font-sans text-xl font-bold">
              <Link href={listPath("section", section.id)} className="inline-flex min-h-8 items-center hover:text-accent">
                {section.name} <span aria-hidden="true">&nbsp;›</span>
              </Link>
            </h2>
            <ul className="mt-4 grid gap-6 sm:grid-cols-3">
              {stories.map((s) => (
                <li key={s.slug}>
                  <StoryCard story={s} section={section} timeZone={timeZone} now={view.now} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <PreviewBanner view={view} returnTo={FRONT_PATH} timeZone={timeZone} />
    </>
  );
}
