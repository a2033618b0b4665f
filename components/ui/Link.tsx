import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<"a">, "href"> & { href: string };

/**
 * A link to one of the site's pages: a plain <a>, rendered on the server.
 *
 * Every page here is server-rendered and cached (nginx, then Next), so a click that loads the next
 * page whole costs the reader one cached HTML response; the framework's scripts are already in the
 * browser's cache. next/link instead made each link a client component: the page's only one, so
 * every page shipped its chunk (3.3 kB gzip), serialised each link's props into the inline RSC
 * payload, and hydrated 20 to 40 link components on the main thread while the story was loading.
 * It also prefetched every link in view (19 on an article) unless told not to. Prefetching on
 * intent (hover, focus) would need that client component back, for a gain of one cached request
 * per click: not worth it here. Nothing is fetched before a click.
 * Import this, never next/link (ESLint says so), so that the choice is made in one place.
 */
export default function Link({ href, ...props }: Props) {
  return <a href={href} {...props} />;
}
