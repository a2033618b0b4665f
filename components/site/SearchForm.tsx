import { SEARCH_PATH } from "@/lib/routes";

/**
 * The site's search box: a plain GET form to /search, so it works without JavaScript. In the
 * header of every page; the search page repeats it with its filters (components/SearchFilters.tsx).
 */
export function SearchForm({ id = "site-search", defaultValue }: { id?: string; defaultValue?: string }) {
  return (
    <form
      role="search"
      aria-label="Site search"
      action={SEARCH_PATH}
      method="get"
      className="site-search mx-auto flex max-w-sm gap-2 font-sans text-sm"
    >
      <label htmlFor={`${id}-q`} className="sr-only">
        Search stories
      </label>
      <input
        id={`${id}-q`}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Search stories"
        maxLength={200}
        className="min-h-11 min-w-0 flex-1 rounded-sm border border-muted bg-paper px-3 text-ink placeholder:text-muted"
      />
      <button type="submit" className="min-h-11 rounded-sm bg-ink px-4 font-semibold text-paper hover:bg-accent">
        Search
      </button>
    </form>
  );
}
