import Link from "@/components/ui/Link";
import { ResponsiveImage } from "@/components/ui/ResponsiveImage";
import { StoryTypeLabel } from "@/components/article/StoryTypeLabel";
import { HiddenStateLabel } from "@/components/article/HiddenStateLabel";
import type { Section, Story } from "@/lib/content";
import { formatDate, listNames } from "@/lib/format";
import { articlePath } from "@/lib/routes";

/**
 * One search result: a small crop of the lead image, section, headline (the link), standfirst,
 * byline and date, and the passage that matched with the reader's words in <mark>.
 * `snippetHtml` is the search engine's safe HTML (lib/search/snippet.ts: everything escaped but <mark>).
 */
export function SearchResult({
  story,
  section,
  authorNames,
  snippetHtml,
  timeZone,
  now,
}: {
  story: Story;
  section: Section | undefined;
  authorNames: string[];
  snippetHtml: string;
  timeZone: string;
  /** The time of the view, to mark stories readers cannot see yet (previews only). */
  now: Date;
}) {
  return (
    <article className="search-result group relative flex gap-4 border-b border-rule py-5">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-sans text-xs font-semibold tracking-wide text-accent uppercase">
          {section?.name}
          <StoryTypeLabel type={story.type} />
          <HiddenStateLabel story={story} now={now} timeZone={timeZone} />
        </p>
        <h2 className="mt-1 text-lg leading-snug font-bold text-balance sm:text-xl">
          {/* The stretched link makes the whole result a target without nesting links. */}
          <Link href={articlePath(story.slug)} className="after:absolute after:inset-0 group-hover:underline">
            {story.title}
          </Link>
        </h2>
        <p className="mt-1 text-muted">{story.dek}</p>
        {snippetHtml && <p className="search-snippet mt-2 text-sm" dangerouslySetInnerHTML={{ __html: snippetHtml }} />}
        <p className="mt-2 font-sans text-xs text-muted">
          {authorNames.length > 0 && <>By {listNames(authorNames)} · </>}
          <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt, timeZone)}</time>
        </p>
      </div>
      {story.image && (
        <ResponsiveImage
          image={story.image}
          alt=""
          sizes="(min-width: 640px) 160px, 96px"
          className="aspect-square h-auto w-24 shrink-0 self-start bg-surface object-cover sm:aspect-[3/2] sm:w-40"
        />
      )}
    </article>
  );
}
