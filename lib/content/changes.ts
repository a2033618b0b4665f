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
    // Content is data read at run time: never traced into the build (lib/content/load.ts, contentDirOf).
    const dir = path.join(/* turbopackIgnore: true */ contentDir, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(/* turbopackIgnore: true */ dir)) if (!name.startsWith(".")) out.push(`${sub}/${name}`);
  }
  return out.sort();
}

/**
 * Where diffContent keeps the hashes it computed: `.ledger/content-hashes.json` beside the
 * content folder (the checkout's own .ledger for content/), never inside it.
 */
export function hashCachePath(contentDir: string): string {
  return path.join(path.dirname(path.resolve(contentDir)), ".ledger", "content-hashes.json");
}

/** Each file's modification time, size and hash when it was last read, and when the cache was written. */
interface HashCache {
  dir: string;
  writtenAt: number;
  files: Record<string, [mtimeMs: number, size: number, hash: string]>;
}

function readHashCache(file: string, contentDir: string): HashCache | undefined {
  try {
    const cache = JSON.parse(fs.readFileSync(file, "utf8")) as HashCache;
    return cache.dir === path.resolve(contentDir) && typeof cache.writtenAt === "number" && cache.files ? cache : undefined;
  } catch {
    return undefined; // none yet, or unreadable: every file is read
  }
}

/**
 * The changes that would bring an index with `manifest` (path -> hash) up to date with the folder.
 * With `hashCache` (a file), a file whose size and modification time are what they were when the
 * cache was written is not read again: at 100,000 stories that is one stat per file instead of
 * reading and hashing 560 MB on every publish. As git's index does, a file modified within a
 * second of the cache being written ("racily clean") is always read.
 */
export function diffContent(contentDir: string, manifest: Map<string, string>, { hashCache }: { hashCache?: string } = {}): FileChange[] {
  const cache = hashCache ? readHashCache(hashCache, contentDir) : undefined;
  const files: HashCache["files"] = {};
  const changes: FileChange[] = [];
  const seen = new Set<string>();
  for (const p of listContentFiles(contentDir)) {
    seen.add(p);
    const file = path.join(contentDir, p);
    const stat = fs.statSync(file);
    const known = cache?.files[p];
    const unchanged = known && cache && known[0] === stat.mtimeMs && known[1] === stat.size && stat.mtimeMs < cache.writtenAt - 1_000;
    let source: string | undefined;
    let hash = unchanged ? known[2] : undefined;
    if (hash === undefined) {
      source = fs.readFileSync(file, "utf8");
      hash = hashSource(source);
    }
    files[p] = [stat.mtimeMs, stat.size, hash];
    if (manifest.get(p) !== hash) changes.push({ path: p, source: source ?? fs.readFileSync(file, "utf8") });
  }
  for (const p of manifest.keys()) if (!seen.has(p)) changes.push({ path: p, source: null });
  if (hashCache) {
    // Written whole, then renamed: a publish that stops halfway leaves the old cache or the new one.
    fs.mkdirSync(path.dirname(hashCache), { recursive: true });
    const tmp = `${hashCache}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ dir: path.resolve(contentDir), writtenAt: Date.now(), files } satisfies HashCache));
    fs.renameSync(tmp, hashCache);
  }
  return changes;
}
