/**
 * Static params and page numbers for paginated lists (URLs from listPath in lib/routes.ts).
 * A page number that is not a plain positive integer within range is a 404.
 */
import { PAGE_SIZE } from "@/lib/content";

export function pageParams(count: number): { page: string }[] {
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return Array.from({ length: pages - 1 }, (_, i) => ({ page: String(i + 2) }));
}

export function parsePage(raw: string | undefined): number {
  if (raw === undefined) return 1;
  return /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : NaN;
}
