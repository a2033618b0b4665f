import { TagList } from "@/components/article/TagList";
import { AuthorBox } from "@/components/AuthorBox";
import { FollowWidget } from "@/components/FollowWidget";
import { RelatedStories } from "@/components/RelatedStories";
import type { Author, Section, SiteConfig, Story } from "@/lib/content";
import { feedPath } from "@/lib/routes";

/**
 * What follows every story, ordinary or live: its tags, the author box, the follow widget (the
 * site's feed and the section's) and the related-story cards that lead the reader on.
 */
export function StoryFooter({
  tags,
  authors,
  section,
  site,
  sections,
  related,
  now,
}: {
  tags: { slug: string; label: string }[];
  authors: Author[];
  section: Section;
  site: SiteConfig;
  sections: Section[];
  related: Story[];
  now: Date;
}) {
  return (
    <>
      <div className="mx-auto max-w-3xl">
        <TagList tags={tags} />
        <AuthorBox authors={authors} />
        <FollowWidget
          site={site}
          feeds={[
            { href: feedPath(), title: site.name },
            { href: feedPath("section", section.id), title: section.name },
          ]}
        />
      </div>
      <RelatedStories stories={related} sections={sections} timeZone={site.timeZone} now={now} />
    </>
  );
}
