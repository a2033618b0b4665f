import Link from "@/components/ui/Link";

import { listPath } from "@/lib/routes";

/** The people, places and organisations in the story, each with its own page. */
export function TagList({ tags }: { tags: { slug: string; label: string }[] }) {
  if (!tags.length) return null;
  return (
    <nav aria-label="Topics in this story" className="mt-8 font-sans">
      <h2 className="sr-only">Topics</h2>
      <ul className="flex flex-wrap gap-2">
        {tags.map((t) => (
          <li key={t.slug}>
            <Link
              href={listPath("tag", t.slug)}
              className="inline-flex min-h-8 items-center rounded-full border border-rule px-3 text-sm hover:border-ink"
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
