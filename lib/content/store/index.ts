/** The content index this process uses: LEDGER_INDEX names a SQLite file (the default) or a redis:// URL. */
import path from "node:path";
import { openRedisStore } from "./redis";
import { openSqliteStore } from "./sqlite";
import type { ContentStore } from "./types";

export type * from "./types";

/** Where the index is: LEDGER_INDEX, else .ledger/index.sqlite in the checkout. */
export function indexLocation(root = process.cwd()): string {
  return process.env.LEDGER_INDEX || path.join(root, ".ledger", "index.sqlite");
}

export function openStore(location = indexLocation()): ContentStore {
  if (/^rediss?:\/\//.test(location)) return openRedisStore(location, process.env.LEDGER_INDEX_PREFIX || undefined);
  return openSqliteStore(path.resolve(/* turbopackIgnore: true */ location));
}

const opened = new Map<string, ContentStore>();
/** One connection per location per process. */
export function sharedStore(location = indexLocation()): ContentStore {
  let store = opened.get(location);
  if (!store) opened.set(location, (store = openStore(location)));
  return store;
}
