/**
 * Live coverage: a story with `type: live` whose body is a list of updates. Each update is a small
 * YAML header between `+++ update` and `+++` lines (its id, time, authors, flags), then its body,
 * written like any story body and parsed by the one body pipeline (lib/content/body/parse.ts), so
 * the same components and the same safety rules apply. The file's own line numbers are kept, so
 * every problem names the file, the line and the field.
 *
 * This module only reads text; which updates a reader sees, and in what order, is decided here
 * too (liveOrder, livePages), so the page, the poll endpoint, the feeds and the JSON-LD agree.
 */
import type { Element, ElementContent, Root } from "hast";
import { LineCounter, parseDocument } from "yaml";
import { fieldHelp, type ContentIssue } from "./issues";
import { parseBody, type BodyTree } from "./body/parse";
import { frontmatterMayHold, parseFrontmatter } from "./frontmatter";
import { liveUpdateSchema, type LiveUpdateHeader } from "./schema";

/** The line that opens an update's header, and the line that closes it. */
export const UPDATE_OPEN = /^\+\+\+[ \t]*update[ \t]*$/;
const UPDATE_CLOSE = /^\+\+\+[ \t]*$/;

/** An update as written, before its body is parsed. */
export interface LiveUpdateHead extends Omit<LiveUpdateHeader, "time"> {
  time: Date;
  /** The file line of its `+++ update` line. */
  line: number;
  /** Its body, preceded by blank lines so the body pipeline reports the file's own lines. */
  source: string;
}

/** An update ready to show: its checked body tree. */
export interface LiveUpdate extends Omit<LiveUpdateHead, "source"> {
  tree: BodyTree;
}

export interface LiveSplit {
  heads: LiveUpdateHead[];
  issues: ContentIssue[];
}

/** Whether a story file's frontmatter says it is live coverage (without validating the rest). */
export function isLiveSource(source: string): boolean {
  // Every body parse asks this: skip the YAML parse when the frontmatter cannot say "live".
  if (!frontmatterMayHold(source, "live")) return false;
  const data = parseFrontmatter(source).data as { type?: unknown } | undefined;
  return data?.type === "live";
}

/**
 * The updates of a live story file (the whole file, frontmatter included), with every problem in
 * their headers: YAML, fields (as `updates.<id>.<field>`), duplicate ids, more than one pinned
 * update, text outside an update, an update without a body.
 */
export function splitLiveBody(source: string, file: string): LiveSplit {
  const fm = parseFrontmatter(source);
  const issues: ContentIssue[] = [];
  const heads: LiveUpdateHead[] = [];
  const lines = fm.body.split(/\r?\n/);
  const first = fm.bodyLine; // file line of lines[0]
  const error = (line: number, message: string, field?: string, fix?: string) =>
    issues.push({ severity: "error", file, line, ...(field && { field }), message, ...(fix && { fix }) });

  const opens = lines.flatMap((l, i) => (UPDATE_OPEN.test(l) ? [i] : []));
  const before = lines.slice(0, opens[0] ?? lines.length).findIndex((l) => l.trim());
  if (before >= 0)
    error(first + before, "has text before its first update: a live story's body is only updates", undefined, "Start each update with a `+++ update` line, its fields, and a `+++` line (see docs/authoring.md).");
  if (!opens.length) {
    error(first, "is a live story (`type: live`) without any update", "updates", "Add an update: a `+++ update` line, its fields (id, time, authors), a `+++` line, then its text.");
    return { heads, issues };
  }

  const ids = new Map<string, number>();
  opens.forEach((open, k) => {
    const end = k + 1 < opens.length ? opens[k + 1] : lines.length;
    const openLine = first + open;
    const close = lines.slice(open + 1, end).findIndex((l) => UPDATE_CLOSE.test(l));
    if (close < 0) {
      error(openLine, "has an update whose header is never closed", undefined, "End the update's fields with a line `+++`, then write its text.");
      return;
    }
    const headerLines = lines.slice(open + 1, open + 1 + close);
    const bodyStart = open + 2 + close;
    const counter = new LineCounter();
    const doc = parseDocument(headerLines.join("\n"), { lineCounter: counter, prettyErrors: false });
    const lineIn = (pos: number) => openLine + counter.linePos(pos).line;
    if (doc.errors.length) {
      const e = doc.errors[0];
      error(lineIn(e.pos[0]), `has an update header with invalid YAML: ${e.message.split("\n")[0]}`, undefined, "Write one `field: value` per line, as in the frontmatter.");
      return;
    }
    const data = doc.toJS() as Record<string, unknown> | null;
    const label = typeof data?.id === "string" && data.id ? data.id : `#${k + 1}`;
    const fieldLine = (key: PropertyKey | undefined) => {
      if (key === undefined) return openLine;
      const node = doc.get(key as string, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineIn(node.range[0]) : openLine;
    };
    const parsed = liveUpdateSchema.safeParse(data ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [issue.path[0]];
        for (const key of keys) {
          const field = `updates.${label}${key === undefined ? "" : `.${String(key)}`}`;
          const message =
            issue.code === "unrecognized_keys" ? `\`${field}\` is not a known field of an update: check the spelling against docs/authoring.md` : `\`${field}\` ${issue.message}`;
          error(fieldLine(key), message, field, fieldHelp(liveUpdateSchema, key === undefined ? [] : [key]));
        }
      }
      return;
    }
    const header = parsed.data;
    const seen = ids.get(header.id);
    if (seen !== undefined) {
      error(fieldLine("id"), `\`updates.${header.id}.id\` is also the id of the update on line ${seen}: each update needs its own id`, `updates.${header.id}.id`, "Give this update another id; its permalink is #update-<id>.");
      return;
    }
    ids.set(header.id, openLine);
    const bodyLines = lines.slice(bodyStart, end);
    if (!bodyLines.some((l) => l.trim())) {
      error(openLine, `has an update (\`${header.id}\`) without any text`, `updates.${header.id}`, "Write the update's text after its `+++` line.");
      return;
    }
    // Blank lines up to the body's first line, so the body pipeline reports the file's lines.
    const padding = "\n".repeat(first + bodyStart - 1);
    heads.push({ ...header, time: new Date(header.time), line: openLine, source: padding + bodyLines.join("\n") });
  });

  const pinned = heads.filter((h) => h.pinned);
  for (const extra of pinned.slice(1))
    error(extra.line, `pins a second update (\`${extra.id}\`): only one update can be pinned`, `updates.${extra.id}.pinned`, `Unpin it, or unpin \`${pinned[0].id}\` (line ${pinned[0].line}).`);
  return { heads, issues };
}

/** The updates of a live story file with their checked bodies, and every problem found. */
export async function parseLiveBody(source: string, file: string): Promise<{ updates: LiveUpdate[]; issues: ContentIssue[] }> {
  const { heads, issues } = splitLiveBody(source, file);
  const updates: LiveUpdate[] = [];
  for (const { source: body, ...head } of heads) {
    const parsed = await parseBody(body, { file });
    issues.push(...parsed.issues);
    updates.push({ ...head, tree: parsed.tree });
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { updates: liveOrder(updates), issues };
}

/** Newest first (ties: the later in the file first, as an editor adds them at the top). */
export function liveOrder<T extends { time: Date; id: string }>(updates: T[]): T[] {
  return [...updates].sort((a, b) => b.time.getTime() - a.time.getTime() || a.id.localeCompare(b.id));
}

/**
 * Every update's body as one tree, newest first, each under a heading with its title (or none):
 * what feeds, search and the content check read of a live story.
 */
export function liveTree(updates: LiveUpdate[]): BodyTree {
  const children: Root["children"] = [];
  for (const u of liveOrder(updates)) {
    if (u.title) children.push({ type: "element", tagName: "h2", properties: {}, children: [{ type: "text", value: u.title }] } satisfies Element);
    children.push(...(u.tree.children as ElementContent[]));
  }
  return { type: "root", children };
}

/** The body of any story file as one checked tree: a live story's updates merged, else the body itself. */
export async function parseStoryBody(source: string, file: string): Promise<{ tree: BodyTree; issues: ContentIssue[] }> {
  if (!isLiveSource(source)) return parseBody(source, { file });
  const { updates, issues } = await parseLiveBody(source, file);
  return { tree: liveTree(updates), issues };
}

/** How many updates one page of live coverage shows (the pinned one comes on top of page 1). */
export const LIVE_PAGE_SIZE = 20;

export interface LivePage {
  /** The pinned update, on page 1 only. */
  pinned?: LiveUpdate;
  /** This page's updates, newest first (the pinned one is not among them). */
  updates: LiveUpdate[];
  page: number;
  pageCount: number;
}

/** The page (1-based) that shows the update `id`: 1 for the pinned one. Undefined if there is none. */
export function pageOfUpdate(updates: LiveUpdate[], id: string, pageSize = LIVE_PAGE_SIZE): number | undefined {
  const rest = liveOrder(updates.filter((u) => !u.pinned));
  if (updates.some((u) => u.pinned && u.id === id)) return 1;
  const i = rest.findIndex((u) => u.id === id);
  return i < 0 ? undefined : Math.floor(i / pageSize) + 1;
}

/** Page `page` of live coverage, or undefined when there is no such page. */
export function livePage(updates: LiveUpdate[], page: number, pageSize = LIVE_PAGE_SIZE): LivePage | undefined {
  const pinned = updates.find((u) => u.pinned);
  const rest = liveOrder(updates.filter((u) => !u.pinned));
  const pageCount = Math.max(1, Math.ceil(rest.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { pinned: page === 1 ? pinned : undefined, updates: rest.slice((page - 1) * pageSize, page * pageSize), page, pageCount };
}

/** Whether coverage has ended at `now` (its `liveUntil` has passed). */
export function liveEnded(story: { liveUntil?: string }, now: Date): boolean {
  return !!story.liveUntil && new Date(story.liveUntil).getTime() <= now.getTime();
}

/** The updates newer than `after` (ms since the epoch), newest first: what the poll endpoint returns. */
export function updatesAfter(updates: LiveUpdate[], after: number, limit = 50): LiveUpdate[] {
  return liveOrder(updates.filter((u) => u.time.getTime() > after)).slice(0, limit);
}

/** What `npm run live:add` writes: an update's header fields and text. */
export interface NewLiveUpdate {
  id?: string;
  authors: string[];
  title?: string;
  keyEvent?: boolean;
  pinned?: boolean;
  text: string;
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "+00:00");

/**
 * A live story file with `update` added as its first update (editors keep the newest at the top),
 * posted at `now`. Its id is the one given, or made from the title (or the time), unique in the file.
 * Throws when the file is not a live story or the new update would not be valid.
 */
export function addLiveUpdate(source: string, update: NewLiveUpdate, now: Date, file = "story.mdx"): { source: string; id: string } {
  if (!isLiveSource(source)) throw new Error(`${file} is not live coverage (it needs \`type: live\`)`);
  const fm = parseFrontmatter(source);
  const taken = new Set(splitLiveBody(source, file).heads.map((h) => h.id));
  const base =
    update.id ??
    (update.title
      ?.toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .slice(0, 6)
      .join("-") ||
      `update-${isoSeconds(now).slice(0, 16).replace(/[^0-9]/g, "")}`);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const yamlText = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML scalar
  const header = [
    "+++ update",
    `id: ${id}`,
    `time: ${isoSeconds(now)}`,
    `authors: [${update.authors.join(", ")}]`,
    ...(update.title ? [`title: ${yamlText(update.title)}`] : []),
    ...(update.keyEvent ? ["keyEvent: true"] : []),
    ...(update.pinned ? ["pinned: true"] : []),
    "+++",
  ];
  const head = source.slice(0, source.length - fm.body.length);
  const block = `${header.join("\n")}\n\n${update.text.trim()}\n`;
  const rest = fm.body.replace(/^\s*\n/, "");
  const next = `${head}\n${block}\n${rest}`;
  const check = splitLiveBody(next, file);
  const mine = check.issues.filter((i) => i.field?.startsWith(`updates.${id}`) || (update.pinned && i.message.includes("pinned")));
  if (mine.length) throw new Error(mine.map((i) => i.message).join("\n"));
  return { source: next, id };
}
