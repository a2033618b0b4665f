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

export default async function indexSampleNews() {
  const file = process.env.LEDGER_INDEX!; // set by vitest.config.ts
  fs.rmSync(file, { force: true });
  const store = openStore(file);
  const root = process.cwd();
  const result = await publishChanges(store, diffContent(contentDirOf(root), new Map()), { root, contentDir: contentDirOf(root) });
  await store.close();
  if (!result.ok) throw new Error(`The sample news does not index:\n${result.issues.map(formatIssue).join("\n")}`);
}
