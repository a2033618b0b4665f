/**
 * Static params and page numbers for paginated lists (URLs from listPath in lib/routes.ts).
 * A page number that is not a plain positive integer within range is a 404.
 */
import type { Metadata } from "next";
import { PAGE_SIZE } from "@/lib/content";
import { listPath, type ListRoute } from "@/lib/routes";

export function pageParams(count: number): { page: string }[] {
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return Array.from({ length: pages - 1 }, (_, i) => ({ page: String(i + 2) }));
}

export function parsePage(raw: string | undefined): number {
  if (raw === undefined) return 1;
  return /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : NaN;
}

/** A list page's metadata: its name (with the page number after page 1), description, canonical URL and feeds. */
export function listMetadata(
  list: ListRoute,
  page: number,
  { name, description, feeds }: { name: string; description: string; feeds?: NonNullable<Metadata["alternates"]>["types"] },
): Metadata {
  const canonical = listPath(list.kind, list.id, page);
  return {
    title: page > 1 ? `${name} (page ${page})` : name,
    description,
    alternates: feeds ? { canonical, types: feeds } : { canonical },
  };
}
