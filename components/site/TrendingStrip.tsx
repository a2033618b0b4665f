import Link from "@/components/ui/Link";
import type { TrendingLink } from "@/lib/content";

/** Short teaser links to today's hot topics, chosen by editors in content/trending.yaml. */
export function TrendingStrip({ links }: { links: TrendingLink[] }) {
  if (!links.length) return null;
  return (
    <nav aria-label="Trending" className="trending-strip bg-ink text-paper">
      <div className="mx-auto flex max-w-6xl items-center gap-3 overflow-x-auto px-4 font-sans text-sm">
        <span className="shrink-0 font-bold tracking-wide uppercase">Trending</span>
        <ul className="flex gap-1">
          {links.map((l) => (
            <li key={l.href} className="shrink-0">
              <Link href={l.href} className="inline-flex min-h-9 items-center px-2 underline-offset-4 hover:underline">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
