/**
 * Keeps the search index in step with the content index. Each story's search document has a
 * version made of what it is built from (the story file's hash, its authors' names, its tags'
 * labels); a sync compares those with the search index's and re-indexes exactly the stories whose
 * version changed (reading and parsing only their bodies), and removes the stories that are gone.
 *
 * Publishing calls it after every publish (POST /api/publish, npm run content:index), so a story is
 * searchable, or gone from search, as soon as its publish returns. Because it compares versions
 * rather than replaying a list of changes, it also builds a first search index for an existing
 * content index, and repairs one that missed a publish.
 */
import { createHash } from "node:crypto";
import { parseStoryBody } from "../content/live";
import { treeToPlainText } from "../content/body/plain-text";
import { contentFromEntries, storyPath } from "../content/entries";
import { createQueries, type Queries } from "../content/queries";
import type { ContentStore } from "../content/store";
import type { Story } from "../content/types";
import type { View } from "../content/visibility";
import type { SearchDocument, SearchEngine } from "./types";

/** Bump to re-index every story after a change to how documents are built. */
const DOCUMENT_FORMAT = "1";
/** Stories indexed per write. */
const BATCH = 200;
/** From this many stories to write, a sync is a bulk load (SearchEngine.bulkLoad). */
const BULK = 5_000;

export interface SyncResult {
  indexed: string[];
  removed: string[];
}

/** The plain text of a story body (MDX source, with frontmatter), through the one body pipeline. */
export async function bodyPlainText(source: string, file: string): Promise<string> {
  const { tree } = await parseStoryBody(source, file);
  return treeToPlainText(tree);
}

export async function syncSearch(
  store: ContentStore,
  search: SearchEngine,
  entries?: Map<string, { hash: string; data: unknown }>,
  /** Plain text of bodies a publish has just parsed (PublishResult.bodyText), by path: not parsed again. */
  bodyText?: Map<string, string>,
  /**
   * Only these stories (a publish that changed stories and nothing else), as the server's own
   * queries hold them: the rest of the archive is not walked. Without it, every story's version
   * is compared (after a change to an author or a tag label, or to catch up a search index).
   */
  only?: { site: Queries; slugs: string[] },
): Promise<SyncResult> {
  const all = entries ?? new Map((await store.changesSince(0)).entries.map((e) => [e.path, e]));
  const site = only?.site ?? createQueries(contentFromEntries(all));
  const everyStory: View = { now: new Date(), preview: { scope: "*" } };
  const stories = only ? only.slugs.flatMap((slug) => site.publicStory(slug, everyStory) ?? []) : site.latest(everyStory);

  const meta = (story: Story) => ({
    authors: story.authors.map((id) => site.author(id)?.name ?? id),
    tags: story.tags.map((t) => site.tagLabel(t)),
  });
  const versionOf = (story: Story, m: { authors: string[]; tags: string[] }) =>
    createHash("sha256")
      .update([DOCUMENT_FORMAT, all.get(storyPath(story.slug))?.hash ?? "", ...m.authors, "\u0000", ...m.tags].join("\u0001"))
      .digest("hex");

  const storedBodyText = async (story: Story) => {
    const source = await store.body(storyPath(story.slug));
    return source === undefined ? "" : bodyPlainText(source, story.file);
  };

  // The given stories changed: no need to read every version to know it.
  const have = only ? new Map<string, string>() : await search.versions();
  const wanted = new Set<string>();
  const result: SyncResult = { indexed: [], removed: [] };
  let batch: SearchDocument[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await search.index(batch);
    result.indexed.push(...batch.map((d) => d.slug));
    batch = [];
  };

  const changed: { story: Story; version: string; meta: { authors: string[]; tags: string[] } }[] = [];
  for (const story of stories) {
    wanted.add(story.slug);
    const m = meta(story);
    const version = versionOf(story, m);
    if (have.get(story.slug) !== version) changed.push({ story, version, meta: m });
  }
  const write = async () => {
    for (const { story, version, meta: m } of changed) {
      batch.push({
        slug: story.slug,
        title: story.title,
        dek: story.dek,
        body: bodyText?.get(storyPath(story.slug)) ?? (await storedBodyText(story)),
        section: story.section,
        authors: m.authors,
        tags: m.tags,
        publishedAt: story.publishedAt,
        status: story.status,
        version,
      });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  };
  if (changed.length >= BULK && search.bulkLoad) await search.bulkLoad(write);
  else await write();

  result.removed = (only ? only.slugs : [...have.keys()]).filter((slug) => !wanted.has(slug)).sort();
  if (result.removed.length) await search.remove(result.removed);
  return result;
}
