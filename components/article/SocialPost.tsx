import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format";

interface Props {
  author: string;
  handle: string;
  href: string;
  date?: string;
  /** The newsroom's time zone, for the date of the post. */
  timeZone: string;
  children: ReactNode;
}

/** A quoted social post as plain HTML: readable without any third-party script, linked to the original. */
export function SocialPost({ author, handle, href, date, timeZone, children }: Props) {
  const when = date ? new Date(date) : undefined;
  return (
    <figure className="social-post my-8 rounded-lg border border-rule bg-surface p-4 font-sans">
      <figcaption className="mb-2 flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold">{author}</span>
        <span className="text-muted">{handle}</span>
      </figcaption>
      <blockquote cite={href} className="text-base leading-relaxed [&>p]:my-2">
        {children}
      </blockquote>
      <p className="mt-2 text-sm">
        <a href={href} className="inline-block py-0.5 text-muted underline underline-offset-2" rel="noopener nofollow">
          {when ? (
            <>
              Posted <time dateTime={when.toISOString()}>{formatDateTime(when, timeZone)}</time>
            </>
          ) : (
            "View the original post"
          )}
          <span className="sr-only"> by {author} (opens the original post)</span>
        </a>
      </p>
    </figure>
  );
}
