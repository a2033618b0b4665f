import type { ReactNode } from "react";

/**
 * The trust pages (about, standards, corrections policy) are MDX modules that read like an article:
 * the same column, measure and type as a story body, with the h1 and standfirst of an article
 * header (styled in globals.css under .trust-page).
 */
export default function TrustPageLayout({ children }: { children: ReactNode }) {
  return (
    <article className="trust-page mx-auto max-w-3xl pt-6">
      <div className="article-body">{children}</div>
    </article>
  );
}
