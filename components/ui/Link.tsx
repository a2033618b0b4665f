import NextLink from "next/link";
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof NextLink>, "prefetch">;

/**
 * next/link without speculative prefetching. Next prefetches the RSC payload of every link that
 * scrolls into view (19 on an article page), and each one is parsed on the reader's main thread
 * while the story is still loading. With `prefetch={false}` nothing is fetched before a click (in
 * the App Router that also turns off prefetch on hover); the click still navigates client-side.
 * A server component: it adds no JavaScript of its own. Import this, never next/link (ESLint says so).
 */
export default function Link(props: Props) {
  return <NextLink {...props} prefetch={false} />;
}
