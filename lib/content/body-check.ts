/**
 * Checks every body through the one body pipeline (lib/content/body/parse.ts: syntax, the
 * allowlist, each component's props), then what needs the rest of the content: links to other
 * stories, images on disk, and placeholders left in a story that is going public.
 * Used by `npm run content:check`, which `npm run build` runs first.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Root } from "hast";
import { frontmatterMayHold, parseFrontmatter } from "./frontmatter";
import { readImageDimensions } from "./images";
import type { ContentIssue } from "./issues";
import { BODY_COMPONENTS } from "./body/components";
import { isComponentNode } from "./body/parse";
import { treeToPlainText } from "./body/plain-text";
import { parseStoryBody } from "./live";
import { contentDirOf } from "./load";
import { SLUG_PATTERN } from "./schema";
import type { Content, Story } from "./types";
import { isPublic } from "./visibility";

export { BODY_COMPONENTS };

/** The marker `npm run new:article` leaves for the editor to fill in. */
const PLACEHOLDER = /\bTODO\b/;

type Node = { type: string; tagName?: string; value?: string; children?: Node[]; position?: { start: { line: number } } };

function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  node.children?.forEach((c) => walk(c, visit));
}

/** Public, or scheduled to become public on its own: placeholders must be gone. */
const goingPublic = (story: Story) => story.status === "published";

export interface CheckBodiesOptions {
  /** Facts of bodies checked before, by file hash: only new or changed bodies are parsed again. */
  cache?: Map<string, BodyFacts>;
  /** Parse with this many worker threads (the CLI uses every core); 0 parses in this thread. */
  workers?: number;
  /** Also keep each body's plain text (what search indexes), so a publish parses each body once. */
  withText?: boolean;
}

export async function checkBodies(content: Content, root: string, now = new Date(), { cache, workers = 0 }: CheckBodiesOptions = {}): Promise<ContentIssue[]> {
  const publicDir = path.join(root, "public");
  const bySlug = new Map(content.stories.map((s) => [s.slug, s]));
  const files: { file: string; story?: Story }[] = [
    ...content.stories.map((s) => ({ file: s.file, story: s })),
    ...content.authors.map((a) => ({ file: a.file, story: undefined })),
  ];
  // Files left out of `content` for frontmatter errors still get their bodies checked, so one run
  // lists every problem instead of revealing body errors only after the frontmatter is fixed.
  const known = new Set(files.map((f) => f.file));
  for (const sub of ["articles", "authors"]) {
    const dir = path.join(/* turbopackIgnore: true */ contentDirOf(root), sub);
    if (!fs.existsSync(/* turbopackIgnore: true */ dir)) continue;
    for (const name of fs.readdirSync(/* turbopackIgnore: true */ dir).sort()) {
      const file = path.relative(/* turbopackIgnore: true */ root, path.join(/* turbopackIgnore: true */ dir, name)).split(path.sep).join("/");
      if (name.endsWith(".mdx") && SLUG_PATTERN.test(name.slice(0, -".mdx".length)) && !known.has(file)) files.push({ file });
    }
  }

  const sources = files.map(({ file }) => fs.readFileSync(path.join(/* turbopackIgnore: true */ root, file), "utf8"));
  const facts = await factsOf(
    files.map(({ file }, i) => ({ file, source: sources[i] })),
    { cache, workers },
  );

  return files.flatMap(({ file, story }, i) => judgeBody(facts[i]!, { file, story, storyBySlug: (slug) => bySlug.get(slug), publicDir, now }));
}

const hashText = (text: string) => createHash("sha256").update(text).digest("hex");

/** The facts of many bodies: from the cache where the text was seen before, else parsed (in workers when asked). */
export async function factsOf(jobs: { file: string; source: string }[], { cache, workers = 0, withText = false }: CheckBodiesOptions = {}): Promise<BodyFacts[]> {
  const hashes = jobs.map((j) => hashText(j.source));
  const facts = new Array<BodyFacts>(jobs.length);
  const missing: number[] = [];
  hashes.forEach((h, i) => {
    const known = cache?.get(h);
    if (known && (!withText || known.text !== undefined)) facts[i] = known;
    else missing.push(i);
  });
  const computed = await computeFacts(
    missing.map((i) => jobs[i]),
    workers,
    withText,
  );
  missing.forEach((i, k) => {
    facts[i] = computed[k];
    cache?.set(hashes[i], computed[k]);
  });
  return facts;
}

/** Facts for many bodies, in worker threads when asked (the parse is the slow part of the check). */
async function computeFacts(jobs: { file: string; source: string }[], workers: number, withText: boolean): Promise<BodyFacts[]> {
  if (workers < 2 || jobs.length < 200) {
    const out: BodyFacts[] = [];
    for (const job of jobs) out.push(await bodyFacts(job.file, job.source, withText));
    return out;
  }
  // Only the content check CLI spreads the work; the servers never load the worker code.
  const { runInWorkers } = await import(/* turbopackIgnore: true */ "./body-check-workers");
  return runInWorkers<BodyFacts>(jobs, workers, withText);
}

/**
 * What a body says, from its text alone (so it can be cached by the text's hash): the pipeline's
 * own issues, the stories and images it points at, and placeholders left in it.
 */
export interface BodyFacts {
  issues: ContentIssue[];
  mores: { slug: string; line?: number }[];
  images: { src: string; line?: number }[];
  todos: { text: string; line?: number }[];
  /** Frontmatter fields still holding TODO (an error only for a story going public). */
  fieldTodos: ContentIssue[];
  /** The body as plain text (lib/content/body/plain-text.ts), when asked for: search indexes it. */
  text?: string;
}

export async function bodyFacts(file: string, source: string, withText = false): Promise<BodyFacts> {
  const { tree, issues } = await parseStoryBody(source, file);
  const facts: BodyFacts = { issues, mores: [], images: [], todos: [], fieldTodos: placeholderFields(file, source) };
  if (withText) facts.text = treeToPlainText(tree);
  walk(tree as Root as Node, (node) => {
    const line = node.position?.start.line;
    if (isComponentNode(node) && node.tagName === "More") facts.mores.push({ slug: node.properties.slug, line });
    if (isComponentNode(node) && node.tagName === "ImageCaption") facts.images.push({ src: node.properties.src ?? "", line });
    if (node.type === "text" && PLACEHOLDER.test(node.value ?? "")) facts.todos.push({ text: node.value ?? "", line });
  });
  return facts;
}

/** The checks that need the rest of the content: link targets, images on disk, placeholders. */
export function judgeBody(facts: BodyFacts, { file, story, storyBySlug, publicDir, now }: Omit<BodyFile, "source">): ContentIssue[] {
  const found = [...facts.issues];
  const at = (line?: number) => ({ severity: "error" as const, file, line });
  for (const { slug, line } of facts.mores) {
    const target = storyBySlug(slug);
    if (!target) found.push({ ...at(line), field: "<More> slug", message: `<More> points at "${slug}", but there is no story content/articles/${slug}.mdx`, fix: "Correct the slug (the file name without .mdx)." });
    else if (story && isPublic(story, now) && !isPublic(target, now)) found.push({ ...at(line), severity: "warning", field: "<More> slug", message: `<More> points at "${target.slug}", which is not public yet, so the line is left out until it is` });
  }
  for (const { src, line } of facts.images) {
    if (!readImageDimensions(publicDir, src)) found.push({ ...at(line), field: "<ImageCaption> src", message: `<ImageCaption> points at ${src}, but there is no readable image at public${src}`, fix: "Add the file under public/ or correct the path." });
  }
  if (story && goingPublic(story)) {
    for (const { text, line } of facts.todos) found.push({ ...at(line), message: `still has a TODO placeholder in the body: "${text.trim().slice(0, 60)}"`, fix: "Write the text, or set `status: draft` until it is ready." });
    found.push(...facts.fieldTodos);
  }
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export interface BodyFile {
  /** The file as named in messages. */
  file: string;
  source: string;
  /** The story the body belongs to (undefined for an author's bio). */
  story?: Story;
  /** Any story by slug, public or not: for MORE: lines. */
  storyBySlug: (slug: string) => Story | undefined;
  publicDir: string;
  now: Date;
}

/** Frontmatter fields of a story going public that still hold a TODO placeholder, each with its line. */
function placeholderFields(file: string, source: string): ContentIssue[] {
  // Most frontmatter cannot hold a TODO: no YAML parse for it (6 % of a first index's parsing time).
  if (!frontmatterMayHold(source, "TODO")) return [];
  const fm = parseFrontmatter(source);
  const out: ContentIssue[] = [];
  const visit = (value: unknown, keys: (string | number)[]) => {
    if (typeof value === "string" && PLACEHOLDER.test(value)) {
      const field = keys.join(".");
      out.push({ severity: "error", file, field, line: fm.lineOf(keys), message: `\`${field}\` still has a TODO placeholder: "${value.slice(0, 60)}"`, fix: "Write the real text, or set `status: draft` until the story is ready." });
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...keys, i]));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, [...keys, k]);
  };
  visit(fm.data, []);
  return out;
}
