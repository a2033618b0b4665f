import Link from "@/components/ui/Link";
import type { Section, SiteConfig } from "@/lib/content";
import { feedPath, listPath } from "@/lib/routes";
import { TRUST_PAGES } from "@/lib/trust-pages";

export function SiteFooter({ site, sections }: { site: SiteConfig; sections: Section[] }) {
  return (
    <footer className="site-footer mt-16 border-t border-rule bg-surface font-sans text-sm">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:grid-cols-2">
        <div>
          <p className="text-lg font-bold">{site.name}</p>
          <p className="mt-1 text-muted">{site.tagline}</p>
          <p className="mt-4 text-muted">All people, places and organisations in these stories are fictional.</p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-1">
            {sections.map((s) => (
              <li key={s.id}>
                <Link href={listPath("section", s.id)} className="footer-link">
                  {s.name}
                </Link>
              </li>
            ))}
            <li>
              <a href={feedPath()} type="application/rss+xml" className="footer-link">
                RSS feed
              </a>
            </li>
          </ul>
          <ul className="mt-3 grid grid-cols-2 gap-1 border-t border-rule pt-3">
            {TRUST_PAGES.map((page) => (
              <li key={page.path}>
                <Link href={page.path} className="footer-link">
                  {page.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
