import Link from "@/components/ui/Link";
import { Fragment } from "react";
import type { Author, Story } from "@/lib/content";
import { formatDateTime } from "@/lib/format";
import { listPath } from "@/lib/routes";

/** Authors linked to their pages, and when the story was published and last updated. */
export function Byline({ story, authors, timeZone }: { story: Story; authors: Author[]; timeZone: string }) {
  return (
    <div className="byline mt-5 border-t border-rule pt-3 font-sans text-sm">
      <p className="font-semibold">
        By{" "}
        {authors.map((author, i) => (
          <Fragment key={author.id}>
            {i > 0 && (i === authors.length - 1 ? " and " : ", ")}
            <Link
              href={listPath("author", author.id)}
              rel="author"
              className="underline decoration-rule underline-offset-4 hover:decoration-ink"
            >
              {author.name}
            </Link>
          </Fragment>
        ))}
      </p>
      <p className="mt-1 text-muted">
        Published <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt, timeZone)}</time>
        {story.updatedAt && (
          <>
            <span aria-hidden="true"> · </span>
            <br className="sm:hidden" />
            Updated <time dateTime={story.updatedAt.toISOString()}>{formatDateTime(story.updatedAt, timeZone)}</time>
          </>
        )}
      </p>
    </div>
  );
}
