import Link from "@/components/ui/Link";
import { ResponsiveImage } from "@/components/ui/ResponsiveImage";
import { StoryTypeLabel } from "@/components/article/StoryTypeLabel";
import { HiddenStateLabel } from "@/components/article/HiddenStateLabel";
import type { Section, Story } from "@/lib/content";
import { formatDate } from "@/lib/format";
import { articlePath } from "@/lib/routes";

/** The section a story belongs to, from the list the page passes down. */
export function sectionOf(sections: Section[], story: Story): Section | undefined {
  return sections.find((s) => s.id === story.section);
}

type Variant = "lead" | "standard" | "compact";

const IMAGE_SIZES: Record<Exclude<Variant, "compact">, string> = {
  lead: "(min-width: 1024px) 640px, calc(100vw - 2rem)",
  standard: "(min-width: 1024px) 320px, (min-width: 640px) 45vw, calc(100vw - 2rem)",
};

/** A story teaser: image, section, headline, time. The whole headline is the link. */
export function StoryCard({
  story,
  section,
  timeZone,
  variant = "standard",
  headingLevel = 3,
  showDek = false,
  firstInView = false,
  now,
}: {
  story: Story;
  /** The story's section, named above the headline. */
  section: Section | undefined;
  /** The newsroom's, for the date. */
  timeZone: string;
  variant?: Variant;
  headingLevel?: 2 | 3;
  showDek?: boolean;
  /** The first card of a list: its image is the page's largest paint, so it is preloaded, not lazy. */
  firstInView?: boolean;
  /** The time of the view, to mark stories readers cannot see yet (previews only). */
  now: Date;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={`story-card group relative flex flex-col ${variant === "lead" ? "gap-3" : "gap-2"}`}>
      {variant !== "compact" && story.image && (
        <ResponsiveImage
          image={story.image}
          alt=""
          sizes={IMAGE_SIZES[variant]}
          preload={variant === "lead" || firstInView}
          className="card-image"
        />
      )}
      <p className="card-kicker">
        {section?.name}
        <StoryTypeLabel type={story.type} />
        <HiddenStateLabel story={story} now={now} timeZone={timeZone} />
      </p>
      <Heading className={`font-bold leading-snug text-balance ${variant === "lead" ? "text-2xl sm:text-3xl" : "text-lg"}`}>
        {/* The stretched link (.card-link) makes the whole card a target without nesting links. */}
        <Link href={articlePath(story.slug)} className="card-link">
          {story.title}
        </Link>
      </Heading>
      {(showDek || variant === "lead") && <p className="text-muted">{story.dek}</p>}
      <p className="font-sans text-xs text-muted">
        <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt, timeZone)}</time>
      </p>
    </div>
  );
}
