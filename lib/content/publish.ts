/**
 * Publishing: changed content files in, an updated index and the cache tags to expire out.
 * Used by POST /api/publish (a CMS, CI, or `npm run publish`) and by `npm run content:index`
 * (a checkout's own index, before a build). Only the changed files are parsed and validated, with
 * the content check's rules, against the rest of the content as the index holds it; nothing is
 * written unless every changed file is valid.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { z } from "zod";
import { factsOf, judgeBody, type CheckBodiesOptions } from "./body-check";
import { storyTags, cacheTag } from "./cache-tags";
import { byNewest, contentFromEntries, entryKind, reviveStory, authorPath, storyPath } from "./entries";
import type { ContentIssue } from "./issues";
import { checkAcrossStories, createLoadContext, readYamlFile, SITE_FILES, validateAuthor, validateStory, type LineOf } from "./load";
import type { ContentStore, IndexEntry } from "./store";
import type { Author, Section, Story } from "./types";
import { articlePath, feedPath, FRONT_PATH, listPath, NEWS_SITEMAP_PATH, SITEMAP_PATH } from "../routes";

/** One changed file: its path under content/ and its new text, or null when it was deleted. */
export interface FileChange {
  path: string;
  source: string | null;
}

export interface PublishResult {
  ok: boolean;
  /** Errors (nothing was written) and warnings, each with file, line, field and fix. */
  issues: ContentIssue[];
  /** Paths written or removed (files whose text did not change are skipped). */
  changed: string[];
  /**
   * The slugs of the changed stories when nothing else changed (no author, tag or site file):
   * search then re-indexes just those. Undefined when anything else changed.
   */
  storiesOnly?: string[];
  /** Cache tags of every page, list, feed and sitemap that showed or now shows a change. */
  tags: string[];
  /** Site paths to purge from an edge cache (the tags' main URLs). */
  paths: string[];
  seq: number;
  /** Plain text of each changed story body, by path: search indexes it without parsing the body again. */
  bodyText: Map<string, string>;
}

export const hashSource = (source: string) => createHash("sha256").update(source).digest("hex");

export interface PublishOptions {
  /** Checkout root: public/ (images) is checked here. */
  root: string;
  /** The content folder, for file names in messages. */
  contentDir: string;
  now?: Date;
  /** The index as the caller already holds it (a server's snapshot), so it is not read again. */
  current?: Map<string, { hash: string; data: unknown }>;
  /**
   * The stories of that same snapshot, already revived: a publish of stories only patches this
   * list instead of reviving every story again (at 100,000 stories, over a second).
   */
  currentStories?: Story[];
  /** Cache and worker threads for the body parse (a whole archive at once, in `npm run content:index`). */
  bodyCheck?: CheckBodiesOptions;
}

export async function publishChanges(store: ContentStore, changes: FileChange[], { root, contentDir, now = new Date(), current, currentStories, bodyCheck }: PublishOptions): Promise<PublishResult> {
  const ctx = createLoadContext({ root, contentDir, now });
  const label = (p: string) => ctx.rel(path.join(contentDir, p));
  const before = current ?? new Map((await store.changesSince(0)).entries.map((e) => [e.path, e]));

  // Only what differs from the index; unknown paths are an editor's mistake worth naming.
  const changed: FileChange[] = [];
  for (const change of changes) {
    if (!entryKind(change.path)) {
      ctx.report({ severity: "error", file: label(change.path), message: "is not a content file the site publishes", fix: "Stories go in content/articles/<slug>.mdx, authors in content/authors/<id>.mdx." });
      continue;
    }
    const old = before.get(change.path);
    if (change.source === null ? old : old?.hash !== hashSource(change.source)) changed.push(change);
  }

  const after = new Map<string, { data: unknown }>(before);
  const upserts: IndexEntry[] = [];
  const lineOf = new Map<string, LineOf>();
  const put = (change: FileChange, data: unknown, withBody: boolean) => {
    after.set(change.path, { data });
    upserts.push({ path: change.path, hash: hashSource(change.source!), data, body: withBody ? change.source! : undefined });
  };

  // Site files first, then authors, then stories: each is checked against the others' new state.
  for (const change of changed) {
    const kind = entryKind(change.path)!;
    if (kind.kind !== "site") continue;
    const spec = SITE_FILES[kind.name as keyof typeof SITE_FILES];
    const errorsBefore = ctx.issues.length;
    const data = readYamlFile(ctx, kind.name, spec.schema as z.ZodType, spec.optional, change.source);
    if (change.source === null && spec.optional) after.delete(change.path);
    else if (ctx.issues.length === errorsBefore && data !== undefined) put(change, data, false);
  }
  const sectionIds = new Set(((after.get("sections.yaml")?.data as Section[] | undefined) ?? []).map((s) => s.id));

  for (const change of changed) {
    const kind = entryKind(change.path)!;
    if (kind.kind !== "author") continue;
    if (change.source === null) after.delete(change.path);
    else {
      const author = validateAuthor(ctx, { id: kind.id, file: path.join(contentDir, change.path), source: change.source });
      if (author) put(change, author, true);
    }
  }
  const authorIds = new Set([...after.keys()].flatMap((p) => (entryKind(p)?.kind === "author" ? [(after.get(p)!.data as Author).id] : [])));

  const changedStories: Story[] = [];
  for (const change of changed) {
    const kind = entryKind(change.path)!;
    if (kind.kind !== "story") continue;
    if (change.source === null) after.delete(change.path);
    else {
      const valid = validateStory(ctx, { id: kind.slug, file: path.join(contentDir, change.path), source: change.source }, sectionIds, authorIds);
      if (!valid) continue;
      put(change, { ...valid.story, publishedAt: valid.story.publishedAt.toISOString(), updatedAt: valid.story.updatedAt?.toISOString() }, true);
      lineOf.set(valid.story.slug, valid.lineOf);
      changedStories.push(valid.story);
    }
  }

  // Across files: a removed section or author still in use, related links, headlines, redirects.
  const changedSlugs = changed.flatMap((c) => {
    const kind = entryKind(c.path)!;
    return kind.kind === "story" ? [kind.slug] : [];
  });
  const storiesOnly = changedSlugs.length === changed.length ? changedSlugs : undefined;
  // Out go the removed stories and the old versions of valid edits; an invalid edit keeps its old version, as `after` does.
  const revised = new Set(changedStories.map((s) => s.slug));
  const next =
    currentStories && storiesOnly
      ? contentFromEntries(after, byNewest([...currentStories.filter((s) => !revised.has(s.slug) && after.has(storyPath(s.slug))), ...changedStories]))
      : contentFromEntries(after);
  const changedLabels = new Set(changed.map((c) => label(c.path)));
  const sitesChanged = changed.some((c) => entryKind(c.path)!.kind === "site");
  const issuesBeforeCross = ctx.issues.length;
  // A section or an author removed: only a publish that changes a site or author file can do that.
  if (!storiesOnly) {
    for (const story of next.stories) {
      if (sitesChanged && !sectionIds.has(story.section)) ctx.report({ severity: "error", file: label("sections.yaml"), message: `no longer declares the section "${story.section}", which ${story.file} uses`, fix: "Keep the section, or move its stories to another one first." });
      for (const id of story.authors) {
        if (!authorIds.has(id) && changed.some((c) => c.path === authorPath(id))) ctx.report({ severity: "error", file: label(authorPath(id)), message: `is removed, but ${story.file} still names "${id}" as an author`, fix: "Change that story's authors first." });
      }
    }
  }
  checkAcrossStories(ctx, next.stories, lineOf, storiesOnly && new Set(storiesOnly));
  // Problems in files that did not change (a related link to a story just taken down) are warnings:
  // a takedown must always go through, and the site already leaves such links out.
  for (const issue of ctx.issues.slice(issuesBeforeCross)) {
    if (issue.severity === "error" && !changedLabels.has(issue.file)) issue.severity = "warning";
  }

  const bySlug = new Map(next.stories.map((s) => [s.slug, s]));
  const publicDir = path.join(root, "public");
  const bodies = changed.flatMap((change) => {
    const kind = entryKind(change.path)!;
    if (change.source === null || kind.kind === "site") return [];
    const story = kind.kind === "story" ? bySlug.get(kind.slug) : undefined;
    if (kind.kind === "story" && !story) return []; // its frontmatter errors are reported already
    return [{ path: change.path, file: label(change.path), source: change.source, story }];
  });
  const facts = await factsOf(bodies, { ...bodyCheck, withText: true });
  const bodyText = new Map<string, string>();
  bodies.forEach(({ path: p, file, story }, i) => {
    ctx.issues.push(...judgeBody(facts[i], { file, story, storyBySlug: (slug) => bySlug.get(slug), publicDir, now }));
    if (story && facts[i].text !== undefined) bodyText.set(p, facts[i].text);
  });

  const issues = ctx.issues;
  const result = { issues, changed: changed.map((c) => c.path), tags: [] as string[], paths: [] as string[], bodyText };
  if (issues.some((i) => i.severity === "error")) return { ok: false, ...result, seq: await store.seq() };
  if (!changed.length) return { ok: true, ...result, seq: await store.seq() };

  const deletes = changed.filter((c) => c.source === null).map((c) => c.path);
  const seq = await store.apply(upserts, deletes);

  // What showed the old version and what shows the new one.
  const tags = new Set<string>();
  const paths = new Set<string>();
  const show = (story: Story) => {
    storyTags(story).forEach((t) => tags.add(t));
    [articlePath(story.slug), listPath("section", story.section), feedPath("section", story.section), ...story.tags.map((t) => listPath("tag", t)), ...story.authors.flatMap((a) => [listPath("author", a), feedPath("author", a)])].forEach((p) => paths.add(p));
  };
  for (const change of changed) {
    const kind = entryKind(change.path)!;
    if (kind.kind === "site") tags.add(cacheTag.site);
    if (kind.kind === "author") tags.add(cacheTag.author(kind.id));
    if (kind.kind === "story") {
      const old = before.get(change.path);
      if (old) show(reviveStory(old.data));
    }
  }
  changedStories.forEach(show);
  if (tags.size) [FRONT_PATH, feedPath(), SITEMAP_PATH, NEWS_SITEMAP_PATH].forEach((p) => paths.add(p));
  return { ok: true, issues, changed: result.changed, storiesOnly, tags: [...tags].sort(), paths: [...paths].sort(), seq, bodyText };
}
