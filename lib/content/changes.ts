/**
 * What differs between a content folder and an index: every file whose text is new, changed or
 * gone, compared by hash against the index's manifest. Reading the folder is the editor's
 * machine's work (npm run publish, npm run content:index), never a server's.
 */
import fs from "node:fs";
import path from "node:path";
import { entryKind } from "./entries";
import { hashSource, type FileChange } from "./publish";

/** Every file under the folder that the site publishes (paths with forward slashes). */
export function listContentFiles(contentDir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(contentDir)) if (entryKind(name)) out.push(name);
  for (const sub of ["authors", "articles"]) {
    const dir = path.join(contentDir, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) if (!name.startsWith(".")) out.push(`${sub}/${name}`);
  }
  return out.sort();
}

/** The changes that would bring an index with `manifest` (path -> hash) up to date with the folder. */
export function diffContent(contentDir: string, manifest: Map<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  const seen = new Set<string>();
  for (const p of listContentFiles(contentDir)) {
    seen.add(p);
    const source = fs.readFileSync(path.join(contentDir, p), "utf8");
    if (manifest.get(p) !== hashSource(source)) changes.push({ path: p, source });
  }
  for (const p of manifest.keys()) if (!seen.has(p)) changes.push({ path: p, source: null });
  return changes;
}
