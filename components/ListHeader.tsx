import type { ReactNode } from "react";

/** The h1 and intro of a section, tag or author page. */
export function ListHeader({ kicker, title, children, page }: { kicker: string; title: string; children?: ReactNode; page: number }) {
  return (
    <header className="mt-8 border-b-2 border-ink pb-4">
      <p className="font-sans text-sm font-semibold tracking-wide text-accent uppercase">{kicker}</p>
      <h1 className="mt-1 text-3xl font-bold sm:text-4xl">
        {title}
        {page > 1 && <span className="font-sans text-lg font-normal text-muted"> (page {page})</span>}
      </h1>
      {children}
    </header>
  );
}
