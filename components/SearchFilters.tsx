import type { Section } from "@/lib/content";
import { SEARCH_PATH } from "@/lib/routes";

/**
 * The search page's own form: the query, then section, date range and sort, as a plain GET form
 * (no JavaScript). Choosing a filter starts again from the first page.
 */
export function SearchFilters({
  q,
  section,
  range,
  sort,
  sections,
  ranges,
  sorts,
}: {
  q: string;
  section?: string;
  range: string;
  sort: string;
  sections: Section[];
  /** id -> label, in the order shown. */
  ranges: Record<string, string>;
  sorts: Record<string, string>;
}) {
  const select = "min-h-11 w-full rounded-sm border border-muted bg-paper px-2 text-ink";
  return (
    <form
      role="search"
      aria-label="Search with filters"
      action={SEARCH_PATH}
      method="get"
      className="search-filters mt-6 grid gap-3 font-sans text-sm sm:grid-cols-4"
    >
      <div className="flex gap-2 sm:col-span-4">
        <label htmlFor="search-q" className="sr-only">
          Search for
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
          className="min-h-11 min-w-0 flex-1 rounded-sm border border-muted bg-paper px-3 text-base text-ink"
        />
        <button type="submit" className="min-h-11 rounded-sm bg-ink px-4 font-semibold text-paper hover:bg-accent">
          Search
        </button>
      </div>
      <div>
        <label htmlFor="search-section" className="block font-semibold">
          Section
        </label>
        <select id="search-section" name="section" defaultValue={section ?? ""} className={select}>
          <option value="">All sections</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-range" className="block font-semibold">
          Published
        </label>
        <select id="search-range" name="range" defaultValue={range} className={select}>
          {Object.entries(ranges).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-sort" className="block font-semibold">
          Sort by
        </label>
        <select id="search-sort" name="sort" defaultValue={sort} className={select}>
          {Object.entries(sorts).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" className="min-h-11 w-full rounded-sm border border-ink px-4 font-semibold hover:bg-surface">
          Apply filters
        </button>
      </div>
    </form>
  );
}
