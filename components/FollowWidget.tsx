import { NETWORK_NAMES, SocialIcon } from "@/components/SocialIcon";
import type { SiteConfig } from "@/lib/content";

/**
 * The site's own accounts and its feed: plain links, so it works without JavaScript. Each link's
 * accessible name starts with its visible label (WCAG 2.5.3), then says whose account or feed it is.
 */
export function FollowWidget({ site, feeds }: { site: SiteConfig; feeds: { href: string; title: string }[] }) {
  return (
    <section aria-labelledby="follow-heading" className="follow-widget mt-12 rounded-lg bg-surface p-4 font-sans">
      <h2 id="follow-heading" className="text-lg font-bold">
        Follow us
      </h2>
      <p className="mt-1 text-sm text-muted">Get {site.name}&rsquo;s stories where you read.</p>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {site.social.map((account) => (
          <li key={account.url}>
            <a href={account.url} rel="me noopener" className="follow-link">
              <SocialIcon kind={account.network} />
              {NETWORK_NAMES[account.network]}
              <span className="sr-only">
                {" "}
                ({site.name}, {account.handle})
              </span>
            </a>
          </li>
        ))}
        {feeds.map((feed) => (
          <li key={feed.href}>
            <a href={feed.href} type="application/rss+xml" className="follow-link">
              <SocialIcon kind="rss" />
              {feed.title === site.name ? "RSS" : `RSS: ${feed.title}`}
              <span className="sr-only"> ({feed.title === site.name ? `${site.name} feed` : "section feed"})</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
