/**
 * Site search: one interface, engines behind it. The embedded default is SQLite FTS5
 * (lib/search/sqlite.ts), in a file beside the content index. Publishing keeps it in step
 * (lib/search/sync.ts); the search page (app/search/) queries it with the reader's View, and
 * every engine filters results through the one visibility rule (lib/content/visibility.ts).
 */
import type { StoryState, View } from "../content/visibility";
import type { ParsedQuery } from "./query";

/** One story as search sees it: the text to match and what filters and visibility need. */
export interface SearchDocument {
  slug: string;
  title: string;
  dek: string;
  /** The body as plain text (lib/content/body/plain-text.ts). */
  body: string;
  section: string;
  /** The authors' names as bylines show them. */
  authors: string[];
  /** The tags' labels (tags.yaml), not their slugs. */
  tags: string[];
  publishedAt: Date;
  status: "published" | "draft";
  /**
   * What this document was built from (the story file's hash, its authors' names and tags'
   * labels): publishing re-indexes a story exactly when this changes (lib/search/sync.ts).
   */
  version: string;
}

export type SearchSort = "relevance" | "newest";

export interface SearchRequest {
  query: ParsedQuery;
  section?: string;
  /** Only stories published at or after this time. */
  since?: Date;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  perPage?: number;
}

export interface SearchHit {
  slug: string;
  /** Safe HTML: the matching text with every other character escaped and the terms in <mark>. Empty without a query. */
  snippet: string;
  /** "public", or "draft"/"scheduled" for the hidden stories a preview session sees. */
  state: StoryState;
}

/** A query's count stops here: past it the page says "more than" (engines need not count every match). */
export const MAX_COUNTED = 1000;

export interface SearchResults {
  hits: SearchHit[];
  /** Matching stories, at most MAX_COUNTED. */
  total: number;
  /** More than `total` stories match (the count stopped at MAX_COUNTED). */
  more?: boolean;
  page: number;
  pageCount: number;
}

export interface SearchEngine {
  readonly engine: "sqlite" | "postgres";
  /** Adds or replaces these stories (by slug), in one write. */
  index(docs: SearchDocument[]): Promise<void>;
  remove(slugs: string[]): Promise<void>;
  /**
   * Runs `write`, a sync writing many stories (a first index of an archive), in the engine's
   * fastest way to load them; engines without one just run it.
   */
  bulkLoad?<T>(write: () => Promise<T>): Promise<T>;
  /** slug -> version of every story in the index. */
  versions(): Promise<Map<string, string>>;
  /** Stories matching the request that `view` may see, best first (or newest first). */
  search(request: SearchRequest, view: View): Promise<SearchResults>;
  close(): Promise<void>;
}

export const SEARCH_PAGE_SIZE = 20;
