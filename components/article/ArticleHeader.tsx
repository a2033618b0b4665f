import Link from "@/components/ui/Link";
import type { Section, Story } from "@/lib/content";
import { StoryTypeLabel } from "@/components/article/StoryTypeLabel";
import { HiddenStateLabel } from "@/components/article/HiddenStateLabel";
import { listPath } from "@/lib/routes";

/** Section label, story type, the page's only h1, and the standfirst. */
export function ArticleHeader({ story, section, now, timeZone }: { story: Story; section: Section; now: Date; timeZone: string }) {
  return (
    <header className="mt-6">
      <p className="flex flex-wrap items-center gap-3 font-sans text-sm font-semibold uppercase tracking-wide">
        <Link href={listPath("section", section.id)} className="inline-flex min-h-6 items-center text-accent hover:underline">
          {section.name}
        </Link>
        <StoryTypeLabel type={story.type} />
        <HiddenStateLabel story={story} now={now} timeZone={timeZone} />
      </p>
      <h1 className="mt-3 text-3xl leading-tight font-bold text-balance sm:text-4xl lg:text-5xl">{story.title}</h1>
      <p className="mt-4 text-lg leading-snug text-muted sm:text-xl">{story.dek}</p>
    </header>
  );
}
