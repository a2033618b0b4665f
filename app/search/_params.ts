/**
 * The search page's URL parameters, read defensively: anything a reader, a crawler or a fuzzer may
 * send (arrays, unknown values, non-numbers, huge or binary text) becomes a valid request plus a
 * list of plain-language notes about what was ignored. Never an error.
 */
import type { Section } from "@/lib/content";
import { parseQuery, type ParsedQuery, type SearchSort } from "@/lib/search";

export const RANGES = {
  any: { label: "Any time", days: 0 },
  day: { label: "Past day", days: 1 },
  week: { label: "Past week", days: 7 },
  month: { label: "Past month", days: 31 },
  year: { label: "Past year", days: 366 },
} as const;
export type RangeId = keyof typeof RANGES;

export const SORTS: Record<SearchSort, string> = { relevance: "Best match", newest: "Newest first" };

export interface SearchPageParams {
  query: ParsedQuery;
  section?: string;
  range: RangeId;
  sort: SearchSort;
  page: number;
  /** What was ignored, for the reader. */
  notes: string[];
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
/** A value quoted back to the reader: short, and without control characters. */
const quote = (value: string) => {
  const clean = value.replace(/[\p{Cc}]/gu, "").toWellFormed();
  return `“${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}”`;
};

export function readSearchParams(raw: RawSearchParams, sections: Section[]): SearchPageParams {
  const notes: string[] = [];
  const query = parseQuery(first(raw.q));
  if (query.truncated) notes.push("Your search was long, so only its first words were used.");

  let section = first(raw.section) || undefined;
  if (section !== undefined && !sections.some((s) => s.id === section)) {
    notes.push(`There is no section ${quote(section)}, so all sections were searched.`);
    section = undefined;
  }

  let range = (first(raw.range) || "any") as RangeId;
  if (!Object.hasOwn(RANGES, range)) {
    notes.push(`${quote(range)} is not a date range we know, so stories from any time were searched.`);
    range = "any";
  }

  let sort = (first(raw.sort) || "relevance") as SearchSort;
  if (!Object.hasOwn(SORTS, sort)) {
    notes.push(`${quote(sort)} is not a way to sort we know, so results are sorted by best match.`);
    sort = "relevance";
  }

  let page = 1;
  const rawPage = first(raw.page);
  if (rawPage !== undefined && rawPage !== "") {
    if (/^[1-9][0-9]{0,5}$/.test(rawPage)) page = Number(rawPage);
    else notes.push(`${quote(rawPage)} is not a page number, so the first page is shown.`);
  }
  return { query, section, range, sort, page, notes };
}

/** The earliest publication time a range allows, or undefined for any time. */
export function rangeStart(range: RangeId, now: Date): Date | undefined {
  const days = RANGES[range].days;
  return days ? new Date(now.getTime() - days * 86_400_000) : undefined;
}
