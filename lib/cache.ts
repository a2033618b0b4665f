/**
 * The page cache, from the pages' side. Pages and feeds are cached (ISR, shared through Redis in
 * the production topology) and tagged with what they show; a publish expires the tags.
 */
import { revalidateTag, unstable_cache } from "next/cache";
import { cacheTag } from "@/lib/content/cache-tags";

/**
 * Marks the page or feed being rendered with these tags (and the site tag every page carries),
 * so expiring any of them expires it. Next collects tags from cached calls made while rendering;
 * this call caches nothing of its own but the tag list.
 */
export async function tagResponse(tags: string[]): Promise<void> {
  const unique = [...new Set([cacheTag.site, ...tags])].sort();
  await unstable_cache(async () => true, ["tags", ...unique], { tags: unique })();
}

/** Expires every cached response with one of these tags now: the next request renders afresh. */
export function expireTags(tags: string[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
