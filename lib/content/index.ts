/**
 * The content layer's public face. Pages and components import from here and never touch files
 * or the index directly. `await content()` is the site as the index holds it now: each process
 * keeps the frontmatter of every story in memory (from the index, never from the files) and
 * catches up with each publish by reading only what changed since (lib/content/store/).
 */
import path from "node:path";
import { cache } from "react";
import { readImageDimensions } from "./images";
import { ContentError } from "./issues";
import { createQueries, paginate, patchStoryIndex, type Queries } from "./queries";
import { sharedStore, indexLocation, type ContentStore } from "./store";
import { contentFromEntries, entryKind, reviveStory, storyPath } from "./entries";
import { parseBody, type BodyTree } from "./body/parse";
import type { Content, Story } from "./types";
import { isLiveSource, liveTree, parseLiveBody, LIVE_PAGE_SIZE, type LiveUpdate } from "./live";

export { paginate, PAGE_SIZE, type Page } from "./queries";
export { isPublic, isVisible, storyState, type View, type StoryState } from "./visibility";
export type * from "./types";
export { liveEnded, livePage, pageOfUpdate, updatesAfter, LIVE_PAGE_SIZE, type LiveUpdate, type LivePage } from "./live";

interface Snapshot {
  seq: number;
  /** Every entry's hash and data. Updated in place on catch-up: bodies are read from the index's latest anyway. */
  entries: Map<string, { hash: string; data: unknown }>;
  content: Content;
  queries: Queries;
}

interface SnapshotState {
  snapshot?: Snapshot;
  catchingUp?: Promise<Snapshot>;
  /** When the last "index unavailable" warning was logged. */
  warnedAt: number;
  /** Parsed bodies by file hash (see parsedBody). */
  bodies: Map<string, { tree: BodyTree; updates?: LiveUpdate[] }>;
}

/**
 * One snapshot per server process. Next bundles this module three times into one process (for the
 * proxy, the route handlers and the pages), and each copy kept a snapshot of its own: at 100,000
 * stories three copies of the archive's frontmatter (RSS 1.3 GB after one page and one publish),
 * each loaded on its copy's first request (about 2.5 s). A fresh server's first publish took 4.4 s
 * on the POST instead of 1.1 s, and its first page view 6 s more. In production the copies share
 * one through globalThis. In development each keeps its own: a module reloaded after an edit must
 * not use a snapshot built by the code it replaced.
 */
const SHARED_STATE = Symbol.for("meridian-ledger.content-snapshot");
const processWide = globalThis as unknown as Record<typeof SHARED_STATE, SnapshotState | undefined>;
const newState = (): SnapshotState => ({ warnedAt: 0, bodies: new Map() });
const state: SnapshotState = process.env.NODE_ENV === "production" ? (processWide[SHARED_STATE] ??= newState()) : newState();

const emptyIndex = () => new Error(`The content index at ${indexLocation()} is empty: run \`npm run content:index\` (npm run build does it first).`);

async function catchUp(store: ContentStore, from: Snapshot | undefined): Promise<Snapshot> {
  const changes = await store.changesSince(from?.seq ?? 0);
  if (!from) {
    const entries = new Map(changes.entries.map((e) => [e.path, { hash: e.hash, data: e.data }]));
    if (!entries.has("site.yaml")) throw emptyIndex();
    const content = contentFromEntries(entries);
    return { seq: changes.seq, entries, content, queries: createQueries(content) };
  }
  if (changes.deleted.includes("site.yaml")) throw emptyIndex();
  // After a publish: patch the previous lists with the changed stories, and rebuild the rest of
  // the content only when a site file or an author changed. Nothing here walks the archive (at
  // 100,000 stories, rebuilding it all held each server's only thread for a second or more).
  const { entries } = from;
  for (const e of changes.entries) entries.set(e.path, { hash: e.hash, data: e.data });
  for (const p of changes.deleted) entries.delete(p);
  const slugOf = (p: string) => {
    const kind = entryKind(p);
    return kind?.kind === "story" ? kind.slug : undefined;
  };
  const paths = [...changes.deleted, ...changes.entries.map((e) => e.path)];
  const removed = paths.flatMap((p) => slugOf(p) ?? []);
  const added = changes.entries.flatMap((e) => (slugOf(e.path) ? [reviveStory(e.data)] : []));
  const index = patchStoryIndex(from.queries.storyIndex, removed, added);
  const stories = index.lists.get("all") ?? [];
  const content = paths.some((p) => !slugOf(p)) ? contentFromEntries(entries, stories) : { ...from.content, stories };
  return { seq: changes.seq, entries, content, queries: createQueries(content, index) };
}

/**
 * The snapshot as of the index's latest publish (one cheap sequence-number read when nothing changed).
 * When the index cannot be reached (Redis restarting: its client fails at once while disconnected),
 * the process serves its last snapshot, as a server with content in files would, and catches up
 * when the index is back. A slow index is waited for, never bypassed: a page rendered from an old
 * snapshot would be cached.
 */
async function currentSnapshot(): Promise<Snapshot> {
  const store = sharedStore();
  try {
    const seq = await store.seq();
    if (state.snapshot && state.snapshot.seq >= seq) return state.snapshot;
    // Concurrent requests share one catch-up.
    state.catchingUp ??= catchUp(store, state.snapshot).finally(() => (state.catchingUp = undefined));
    state.snapshot = await state.catchingUp;
    return state.snapshot;
  } catch (error) {
    if (!state.snapshot) throw error;
    if (Date.now() - state.warnedAt > 30_000) {
      state.warnedAt = Date.now();
      console.warn(`[content] index unavailable (${(error as Error).message}); serving the last snapshot (seq ${state.snapshot.seq})`);
    }
    return state.snapshot;
  }
}

/**
 * The index as this process holds it, caught up with the latest publish, for publishing and the
 * search sync: every entry (a copy: the snapshot's own map moves on with the next catch-up, while a
 * publish still reads it), the same snapshot's stories already revived (a publish patches them:
 * lib/content/publish.ts) and its queries.
 */
export async function indexSnapshot(): Promise<{ entries: Map<string, { hash: string; data: unknown }>; stories: Story[]; queries: Queries }> {
  const snap = await currentSnapshot();
  return { entries: new Map(snap.entries), stories: snap.content.stories, queries: snap.queries };
}

/** Loads the snapshot before any request needs it (instrumentation.ts). */
export async function warmContent(): Promise<void> {
  await currentSnapshot();
}

/** The site's content as of now; one index read per request (React's cache). */
export const content = cache(async (): Promise<Queries> => (await currentSnapshot()).queries);

/**
 * A bounded cache of parsed bodies, keyed by file hash: a story's tree is parsed once per version
 * and process, shared by the module's copies as the snapshot is (a feed's 50 bodies are mostly the
 * stories the pages just rendered; parsing is about 6 ms of a cold article render).
 */
const BODY_CACHE_SIZE = 500;

async function parsedBody(story: Pick<Story, "slug" | "file">): Promise<{ tree: BodyTree; updates?: LiveUpdate[] }> {
  const snap = await currentSnapshot();
  const key = storyPath(story.slug);
  const hash = snap.entries.get(key)?.hash;
  const { bodies } = state;
  const cached = hash && bodies.get(hash);
  if (cached) return cached;
  const source = await sharedStore().body(key);
  if (source === undefined || !hash) throw new Error(`${story.file} is not in the content index`);
  let parsed: { tree: BodyTree; updates?: LiveUpdate[] };
  if (isLiveSource(source)) {
    const { updates, issues } = await parseLiveBody(source, story.file);
    if (issues.some((i) => i.severity === "error")) throw new ContentError(issues);
    parsed = { tree: liveTree(updates), updates };
  } else {
    const { tree, issues } = await parseBody(source, { file: story.file });
    if (issues.some((i) => i.severity === "error")) throw new ContentError(issues);
    parsed = { tree };
  }
  if (bodies.size >= BODY_CACHE_SIZE) bodies.delete(bodies.keys().next().value!);
  bodies.set(hash, parsed);
  return parsed;
}

/**
 * The checked body of a story, from the index, through the one body pipeline (a live story's
 * updates as one tree, newest first). Throws a ContentError when the body has errors (publishing
 * refuses such a file, so this is a last line).
 */
export async function storyBody(story: Pick<Story, "slug" | "file">): Promise<{ tree: BodyTree }> {
  return { tree: (await parsedBody(story)).tree };
}

/** The updates of a live story, newest first, each with its checked body; [] for any other story. */
export async function liveUpdates(story: Pick<Story, "slug" | "file">): Promise<LiveUpdate[]> {
  return (await parsedBody(story)).updates ?? [];
}

/** An image under public/ with its measured size; throws when it is missing. */
export function sizedImage(src: string): import("./types").SizedImage {
  const dims = readImageDimensions(path.join(process.cwd(), "public"), src);
  if (!dims) throw new Error(`Image ${src} does not exist under public/ (run npm run content:check)`);
  return { src, ...dims };
}
/** The size of an image under public/, or undefined when it is missing (markup then goes without one). */
export function imageSizeOf(src: string): { width: number; height: number } | undefined {
  const dims = readImageDimensions(path.join(process.cwd(), "public"), src);
  return dims ? { width: dims.width, height: dims.height } : undefined;
}
export { AUTHOR_LINKS as AUTHOR_LINK_KINDS } from "./schema";

/** How many pages of updates a public live story has at `now`; undefined for any other story. */
export async function livePageCount(slug: string, now: Date): Promise<number | undefined> {
  const story = (await content()).publicStory(slug, now);
  if (story?.type !== "live") return undefined;
  return Math.max(1, Math.ceil((story.liveCount ?? 0) / LIVE_PAGE_SIZE));
}

/** What a content page's URL leads to right now for the public: the page, a redirect, or nothing. */
export type RouteStatus = { status: "ok" } | { status: "missing" } | { status: "renamed"; slug: string };

export async function contentRouteStatus(route: import("../routes").ContentRoute, now: Date): Promise<RouteStatus> {
  const site = await content();
  if (route.kind === "article") {
    if (site.publicStory(route.slug, now)) return { status: "ok" };
    const renamed = site.renamedTo(route.slug, now);
    return renamed ? { status: "renamed", slug: renamed.slug } : { status: "missing" };
  }
  const { list, page } = route;
  const stories =
    list.kind === "section"
      ? site.section(list.id) && site.bySection(list.id, now)
      : list.kind === "author"
        ? site.author(list.id) && site.byAuthor(list.id, now)
        : site.byTag(list.id, now);
  // A section or author with no stories yet still has its first page; a tag exists through its stories.
  const exists = stories && (list.kind !== "tag" || stories.length > 0);
  return exists && paginate(stories, page) ? { status: "ok" } : { status: "missing" };
}
