import Link from "@/components/ui/Link";
import { StoryCard, sectionOf } from "@/components/StoryCard";
import type { Page, Section, Story, View } from "@/lib/content";
import { listPath, type ListRoute } from "@/lib/routes";
import { PreviewBanner } from "@/components/PreviewBanner";

/** A page of stories, newest first, with links to the neighbouring pages. */
export function StoryList({
  page,
  list,
  label,
  view,
  sections,
  timeZone,
}: {
  page: Page<Story>;
  list: ListRoute;
  label: string;
  view: View;
  sections: Section[];
  timeZone: string;
}) {
  const href = (n: number) => listPath(list.kind, list.id, n);
  return (
    <>
      {page.items.length === 0 ? (
        <p className="mt-6 text-muted">There are no stories here yet.</p>
      ) : (
        <ul className="story-list mt-6 grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-3">
          {page.items.map((s, i) => (
            <li key={s.slug}>
              <StoryCard
                story={s}
                section={sectionOf(sections, s)}
                timeZone={timeZone}
                headingLevel={2}
                showDek
                firstInView={i === 0}
                now={view.now}
              />
            </li>
          ))}
        </ul>
      )}
      {page.pageCount > 1 && (
        <nav aria-label={`${label}: pages`} className="mt-10 flex items-center justify-between font-sans">
          {page.page > 1 ? (
            <Link rel="prev" href={href(page.page - 1)} className="inline-flex min-h-11 items-center underline">
              ← Newer stories
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-muted">
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount ? (
            <Link rel="next" href={href(page.page + 1)} className="inline-flex min-h-11 items-center underline">
              Older stories →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
      <PreviewBanner view={view} returnTo={href(page.page)} timeZone={timeZone} />
    </>
  );
}
