import { StoryCard, sectionOf } from "@/components/StoryCard";
import type { Section, Story } from "@/lib/content";

/** Cards that lead the reader on: pinned, then same topic, then same section. */
export function RelatedStories({
  stories,
  sections,
  timeZone,
  now,
}: {
  stories: Story[];
  sections: Section[];
  timeZone: string;
  now: Date;
}) {
  if (!stories.length) return null;
  return (
    <aside aria-labelledby="related-heading" className="related-stories mt-12 border-t-2 border-ink pt-4">
      <h2 id="related-heading" className="font-sans text-lg font-bold">
        Related stories
      </h2>
      <ul className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {stories.map((s) => (
          <li key={s.slug}>
            <StoryCard story={s} section={sectionOf(sections, s)} timeZone={timeZone} now={now} />
          </li>
        ))}
      </ul>
    </aside>
  );
}
