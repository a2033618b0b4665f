/**
 * The search engine this process uses. LEDGER_SEARCH names its SQLite file, or a postgres:// URL
 * for the shared engine (lib/search/postgres.ts; `?schema=` names its schema, default
 * ledger_search), as LEDGER_INDEX selects Redis for the content index. By default the SQLite file
 * sits beside the content index (.ledger/index.sqlite -> .ledger/index-search.sqlite), or in
 * .ledger/ when the content index is in Redis.
 */
import path from "node:path";
import { indexLocation } from "../content/store";
import { isPostgresUrl, openPostgresSearch } from "./postgres";
import { openSqliteSearch } from "./sqlite";
import type { SearchEngine } from "./types";

export type * from "./types";
export { SEARCH_PAGE_SIZE } from "./types";
export { redactUrl } from "./postgres";
export { parseQuery, isEmptyQuery, type ParsedQuery, type QueryTerm } from "./query";

export function searchLocation(root = process.cwd()): string {
  if (process.env.LEDGER_SEARCH) return process.env.LEDGER_SEARCH;
  const index = indexLocation(root);
  if (/^rediss?:\/\//.test(index)) return path.join(root, ".ledger", "search.sqlite");
  return index.replace(/(\.sqlite)?$/, "-search.sqlite");
}

export function openSearch(location = searchLocation()): SearchEngine {
  if (isPostgresUrl(location)) return openPostgresSearch(location);
  return openSqliteSearch(path.resolve(/* turbopackIgnore: true */ location));
}

const opened = new Map<string, SearchEngine>();
/** One connection per location per process. */
export function sharedSearch(location = searchLocation()): SearchEngine {
  let engine = opened.get(location);
  if (!engine) opened.set(location, (engine = openSearch(location)));
  return engine;
}
