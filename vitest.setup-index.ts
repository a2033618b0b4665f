/**
 * Unit tests read the sample news through the content index, as the site does: index the
 * repository's content/ into a fresh SQLite file first (LEDGER_INDEX, set in vitest.config.ts).
 */
import fs from "node:fs";
import { diffContent } from "./lib/content/changes";
import { formatIssue } from "./lib/content/issues";
import { contentDirOf } from "./lib/content/load";
import { publishChanges } from "./lib/content/publish";
import { openStore } from "./lib/content/store";
import { openSearch, searchLocation } from "./lib/search";
import { syncSearch } from "./lib/search/sync";

export default async function indexSampleNews() {
  const file = process.env.LEDGER_INDEX!; // set by vitest.config.ts
  fs.rmSync(file, { force: true });
  const store = openStore(file);
  const root = process.cwd();
  const result = await publishChanges(store, diffContent(contentDirOf(root), new Map()), { root, contentDir: contentDirOf(root) });
  // And the sample news's search index beside it (LEDGER_SEARCH unset: <index>-search.sqlite).
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(searchLocation() + suffix, { force: true });
  const search = openSearch();
  if (result.ok) await syncSearch(store, search);
  await search.close();
  await store.close();
  if (!result.ok) throw new Error(`The sample news does not index:\n${result.issues.map(formatIssue).join("\n")}`);
}
