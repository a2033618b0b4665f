import Link from "@/components/ui/Link";
import type { ComponentType } from "react";
import { ResponsiveImage } from "@/components/ui/ResponsiveImage";
import { NETWORK_NAMES, SocialIcon } from "@/components/SocialIcon";
import { AUTHOR_LINK_KINDS, type Author } from "@/lib/content";
import { listPath } from "@/lib/routes";

async function loadBio(id: string): Promise<ComponentType> {
  return (await import(`@/content/authors/${id}.mdx`)).default;
}

/** One author's photo, name, role, bio, and links to the profile page and social accounts. */
export async function AuthorProfile({
  author,
  headingLevel = 3,
  linkName = true,
}: {
  author: Author;
  headingLevel?: 2 | 3;
  linkName?: boolean;
}) {
  const Bio = await loadBio(author.id);
  const Heading = `h${headingLevel}` as const;
  const links = AUTHOR_LINK_KINDS.flatMap((kind) => {
    const value = author.links[kind];
    return value ? [{ kind, href: kind === "email" ? `mailto:${value}` : value }] : [];
  });
  return (
    <div className="author-profile flex flex-col gap-4 sm:flex-row">
      {author.avatar && (
        <ResponsiveImage
          image={author.avatar}
          alt={`Photo of ${author.name}`}
          sizes="96px"
          className="size-24 shrink-0 rounded-full object-cover"
        />
      )}
      <div className="min-w-0">
        <Heading className="text-xl font-bold">
          {linkName ? (
            <Link href={listPath("author", author.id)} className="underline decoration-rule underline-offset-4 hover:decoration-ink">
              {author.name}
            </Link>
          ) : (
            author.name
          )}
        </Heading>
        <p className="font-sans text-sm text-muted">{author.role}</p>
        <div className="author-bio mt-2 [&>p]:my-2">
          <Bio />
        </div>
        {links.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-2 font-sans text-sm">
            {links.map(({ kind, href }) => (
              <li key={kind}>
                <a href={href} rel={kind === "email" ? undefined : "me noopener"} className="chip-link">
                  <SocialIcon kind={kind} />
                  <span>{NETWORK_NAMES[kind]}</span>
                  <span className="sr-only"> of {author.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** "About the author" under a story: one profile per author. */
export function AuthorBox({ authors }: { authors: Author[] }) {
  return (
    <section aria-labelledby="about-author-heading" className="author-box mt-12 border-t-2 border-ink pt-4">
      <h2 id="about-author-heading" className="font-sans text-lg font-bold">
        {authors.length === 1 ? "About the author" : "About the authors"}
      </h2>
      <div className="mt-4 space-y-8">
        {authors.map((a) => (
          <AuthorProfile key={a.id} author={a} />
        ))}
      </div>
    </section>
  );
}
