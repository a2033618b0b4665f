/**
 * A story's body as a checked tree, read from its file through the one body pipeline. Parsed once
 * per file version (the file's modification time), so the page, its feeds and the check share
 * the work.
 */
import fs from "node:fs";
import path from "node:path";
import { ContentError } from "../issues";
import { parseBody, type BodyTree } from "./parse";

export interface StoryBody {
  tree: BodyTree;
}

const cache = new Map<string, { mtimeMs: number; body: StoryBody }>();

/**
 * The checked body of the content file `file` (repository-relative). Throws a ContentError when
 * the body has errors: `npm run content:check` lists them, and nothing half-checked is served.
 */
export async function loadStoryBody(file: string, root = process.cwd()): Promise<StoryBody> {
  // content/ is traced into the server build by the loader already (lib/content/load.ts).
  const full = path.join(/* turbopackIgnore: true */ root, file);
  const { mtimeMs } = fs.statSync(full);
  const cached = cache.get(full);
  if (cached && cached.mtimeMs === mtimeMs) return cached.body;
  const { tree, issues } = await parseBody(fs.readFileSync(full, "utf8"), { file });
  if (issues.some((i) => i.severity === "error")) throw new ContentError(issues);
  const body = { tree };
  cache.set(full, { mtimeMs, body });
  return body;
}
