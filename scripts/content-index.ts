/**
 * `npm run content:index`: brings the content index (LEDGER_INDEX: the embedded SQLite file by
 * default, or a redis:// URL) up to date with the content folder. Only changed files are parsed
 * and validated; an error names file, line and field and writes nothing. `npm run build` runs it
 * first, so a fresh checkout builds with the sample news; running servers are told about changes
 * by `npm run publish` instead (which also expires their caches).
 */
import os from "node:os";
import { contentDirOf } from "../lib/content/load";
import { diffContent, hashCachePath } from "../lib/content/changes";
import { formatIssue } from "../lib/content/issues";
import { publishChanges } from "../lib/content/publish";
import { indexLocation, openStore } from "../lib/content/store";
import { openSearch, redactUrl, searchLocation } from "../lib/search";
import { syncSearch } from "../lib/search/sync";
import { ensurePublishSecret } from "../lib/publish/secret";

async function main() {
  const started = performance.now();
  const root = process.cwd();
  const contentDir = contentDirOf(root);
  ensurePublishSecret(root);
  const store = openStore();
  try {
    const changes = diffContent(contentDir, await store.manifest(), { hashCache: hashCachePath(contentDir) });
    // A first index (a fresh checkout, a big import) parses every body: on every core.
    const result = await publishChanges(store, changes, { root, contentDir, bodyCheck: { workers: os.availableParallelism() } });
    for (const issue of result.issues) console.log(formatIssue(issue) + "\n");
    const ms = Math.round(performance.now() - started);
    if (!result.ok) {
      console.log(`Index not updated: ${result.issues.filter((i) => i.severity === "error").length} error(s) in the changed files.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Content index ${indexLocation()}: ${result.changed.length} file(s) changed, up to date in ${ms} ms.`);
    // The search index follows the content index: exactly the stories whose search text changed
    // (all of them on a fresh checkout, or for a search index that missed a publish).
    const search = openSearch();
    try {
      const synced = await syncSearch(store, search, undefined, result.bodyText);
      const total = Math.round(performance.now() - started);
      console.log(
        `Search index ${redactUrl(searchLocation())}: ${synced.indexed.length} story(ies) indexed, ${synced.removed.length} removed, up to date in ${total} ms.`,
      );
    } finally {
      await search.close();
    }
  } finally {
    await store.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
