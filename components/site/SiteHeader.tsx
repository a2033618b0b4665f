import Link from "@/components/ui/Link";
import { SearchForm } from "@/components/site/SearchForm";
import { TrendingStrip } from "@/components/site/TrendingStrip";
import type { Section, SiteConfig, TrendingLink } from "@/lib/content";
import { FRONT_PATH, listPath } from "@/lib/routes";

/** Masthead, the search box, section navigation and the editors' trending links. Not sticky: focus is never hidden under it. */
export function SiteHeader({ site, sections, trending }: { site: SiteConfig; sections: Section[]; trending: TrendingLink[] }) {
  return (
    <header className="site-header border-b border-rule">
      <TrendingStrip links={trending} />
      <div className="mx-auto max-w-6xl px-4 pt-4 pb-2 text-center">
        <Link href={FRONT_PATH} className="inline-block text-3xl font-bold tracking-tight sm:text-4xl">
          {site.name}
        </Link>
        <p className="mt-1 font-sans text-xs text-muted sm:text-sm">{site.tagline}</p>
        <div className="mt-3">
          <SearchForm />
        </div>
      </div>
      <nav aria-label="Sections" className="mx-auto max-w-6xl px-2">
        <ul className="flex gap-1 overflow-x-auto font-sans text-sm font-semibold sm:justify-center">
          <li>
            <Link href={FRONT_PATH} className="inline-flex min-h-11 items-center px-3 hover:text-accent">
              Home
            </Link>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <Link href={listPath("section", s.id)} className="inline-flex min-h-11 items-center px-3 hover:text-accent">
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
