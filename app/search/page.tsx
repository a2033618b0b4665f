import type { Metadata } from "next";
import { ListHeader } from "@/components/ListHeader";
import { PreviewBanner } from "@/components/PreviewBanner";
import { SearchFilters } from "@/components/SearchFilters";
import { SearchResult } from "@/components/SearchResult";
import Link from "@/components/ui/Link";
import { content, type Story } from "@/lib/content";
import { searchPath, type SearchParams } from "@/lib/routes";
import { isEmptyQuery, sharedSearch, SEARCH_PAGE_SIZE, type SearchResults } from "@/lib/search";
import { currentView } from "@/lib/view";
import { RANGES, rangeStart, readSearchParams, SORTS, type RawSearchParams } from "./_params";

/**
 * Site search, rendered on the server for every request (a GET form, so it works without
 * JavaScript). Never cached publicly: results depend on the query and, in a preview, on who asks.
 * Crawlers may follow its links but not index it.
 */
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = readSearchParams(await searchParams, (await content()).sections);
  return {
    title: query.text ? `Search: ${query.text}` : "Search",
    robots: { index: false, follow: true, googleBot: { index: false, follow: true } },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const site = await content();
  const view = await currentView();
  const { timeZone } = site.site;
  const params = readSearchParams(await searchParams, site.sections);
  const { query, section, range, sort, page, notes } = params;
  const linkParams: SearchParams = { q: query.text, section, range, sort };
  const filtered = Boolean(section || range !== "any");
  const browsing = isEmptyQuery(query) && !filtered;

  let results: SearchResults | undefined;
  let failed = false;
  if (browsing) {
    // No query: the latest stories, straight from the content index.
    const latest = site.latest(view, SEARCH_PAGE_SIZE);
    results = { hits: latest.map((s) => ({ slug: s.slug, snippet: "", state: "public" })), total: latest.length, page: 1, pageCount: 1 };
  } else {
    try {
      results = await sharedSearch().search({ query, section, since: rangeStart(range, view.now), sort, page }, view);
    } catch (e) {
      console.error(`Search failed for ${JSON.stringify(query.text)}: ${(e as Error).message}`);
      failed = true;
    }
  }
  // Every result passes the visibility rule again, through the content layer.
  const shown = (results?.hits ?? []).flatMap((hit) => {
    const story = site.publicStory(hit.slug, view);
    return story ? [{ story, snippet: hit.snippet }] : [];
  });
  const names = (story: Story) => story.authors.flatMap((id) => site.author(id)?.name ?? []);
  const pastEnd = results && !browsing && results.total > 0 && page > results.pageCount;

  return (
    <>
      <ListHeader kicker="Search" title={query.text ? `Results for “${query.text}”` : "Search the news"} page={page}>
        <SearchFilters
          q={query.text}
          section={section}
          range={range}
          sort={sort}
          sections={site.sections}
          ranges={Object.fromEntries(Object.entries(RANGES).map(([id, r]) => [id, r.label]))}
          sorts={SORTS}
        />
      </ListHeader>
      <div className="search-status mt-6 font-sans text-sm" role="status">
        {notes.map((note) => (
          <p key={note} className="text-muted">
            {note}
          </p>
        ))}
        {failed && <p>Search is not working right now. Please try again in a minute.</p>}
        {results && browsing && <p className="text-muted">Type a few words to search every story. These are the latest.</p>}
        {results && !browsing && results.total > 0 && !pastEnd && (
          <p>
            {`${results.more ? `More than ${results.total.toLocaleString("en")}` : results.total} ${results.total === 1 ? "story" : "stories"}${query.text ? ` match “${query.text}”` : ""}${sort === "newest" ? ", newest first" : ""}.`}
            {results.more && " The first 1,000 are shown: add a word, a section or a date range to narrow them."}
          </p>
        )}
        {pastEnd && results && (
          <p>
            {`There is no page ${page} of these results: they fill ${results.pageCount} ${results.pageCount === 1 ? "page" : "pages"}. `}
            <Link href={searchPath(linkParams)} className="underline">
              Go to the first page
            </Link>
            .
          </p>
        )}
      </div>
      {results && !browsing && results.total === 0 && (
        <div className="search-empty mt-4">
          <p className="text-lg font-bold">{query.text ? `No stories match “${query.text}”.` : "No stories match these filters."}</p>
          <ul className="mt-2 list-disc pl-6 text-muted">
            <li>Check the spelling, or try fewer or different words.</li>
            {query.exclude.length > 0 && <li>Remove the words you excluded with a minus sign.</li>}
            {query.include.some((t) => t.kind === "phrase") && <li>Remove the quotation marks to find the words anywhere in a story.</li>}
            {filtered && (
              <li>
                <Link href={searchPath({ q: query.text, sort })} className="underline">
                  Search all sections and dates
                </Link>
                .
              </li>
            )}
          </ul>
        </div>
      )}
      {shown.length > 0 && (
        <section aria-label={browsing ? "Latest stories" : "Search results"}>
          {browsing && <h2 className="sr-only">Latest stories</h2>}
          <ol className="search-results">
            {shown.map(({ story, snippet }) => (
              <li key={story.slug}>
                <SearchResult
                  story={story}
                  section={site.section(story.section)}
                  authorNames={names(story)}
                  snippetHtml={snippet}
                  timeZone={timeZone}
                  now={view.now}
                />
              </li>
            ))}
          </ol>
        </section>
      )}
      {results && !browsing && results.pageCount > 1 && !pastEnd && (
        <nav aria-label="Search results: pages" className="mt-10 flex items-center justify-between font-sans">
          {page > 1 ? (
            <Link rel="prev" href={searchPath({ ...linkParams, page: page - 1 })} className="inline-flex min-h-11 items-center underline">
              ← Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-muted">
            Page {page} of {results.pageCount}
          </span>
          {page < results.pageCount ? (
            <Link rel="next" href={searchPath({ ...linkParams, page: page + 1 })} className="inline-flex min-h-11 items-center underline">
              Next page →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
      <PreviewBanner view={view} returnTo={searchPath({ ...linkParams, page })} timeZone={timeZone} />
    </>
  );
}
