/**
 * Checks every body through the one body pipeline (lib/content/body/parse.ts: syntax, the
 * allowlist, each component's props), then what needs the rest of the content: links to other
 * stories, images on disk, and placeholders left in a story that is going public.
 * Used by `npm run content:check`, which `npm run build` runs first.
 */
import fs from "node:fs";
import path from "node:path";
import type { Root } from "hast";
import { parseFrontmatter } from "./frontmatter";
import { readImageDimensions } from "./images";
import type { ContentIssue } from "./issues";
import { BODY_COMPONENTS } from "./body/components";
import { isComponentNode, parseBody } from "./body/parse";
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

export async function checkBodies(content: Content, root: string, now = new Date()): Promise<ContentIssue[]> {
  const issues: ContentIssue[] = [];
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

  for (const { file, story } of files) {
    issues.push(...(await checkBodyFile({ file, source: fs.readFileSync(path.join(root, file), "utf8"), story, storyBySlug: (slug) => bySlug.get(slug), publicDir, now })));
  }
  return issues;
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

/** One body through the pipeline, plus the checks that need the rest of the content. */
export async function checkBodyFile({ file, source, story, storyBySlug, publicDir, now }: BodyFile): Promise<ContentIssue[]> {
  const { tree, issues: found } = await parseBody(source, { file });
  const at = (node: Node) => ({ severity: "error" as const, file, line: node.position?.start.line });

  walk(tree as Root as Node, (node) => {
    if (isComponentNode(node) && node.tagName === "More") {
      const slug = node.properties.slug;
      const target = storyBySlug(slug);
      if (!target) found.push({ ...at(node), field: "<More> slug", message: `<More> points at "${slug}", but there is no story content/articles/${slug}.mdx`, fix: "Correct the slug (the file name without .mdx)." });
      else if (story && isPublic(story, now) && !isPublic(target, now)) found.push({ ...at(node), severity: "warning", field: "<More> slug", message: `<More> points at "${target.slug}", which is not public yet, so the line is left out until it is` });
    }
    if (isComponentNode(node) && node.tagName === "ImageCaption" && !readImageDimensions(publicDir, node.properties.src ?? "")) {
      const src = node.properties.src;
      found.push({ ...at(node), field: "<ImageCaption> src", message: `<ImageCaption> points at ${src}, but there is no readable image at public${src}`, fix: "Add the file under public/ or correct the path." });
    }
    if (story && goingPublic(story) && node.type === "text" && PLACEHOLDER.test(node.value ?? "")) {
      found.push({ ...at(node), message: `still has a TODO placeholder in the body: "${(node.value ?? "").trim().slice(0, 60)}"`, fix: "Write the text, or set `status: draft` until it is ready." });
    }
  });
  if (story && goingPublic(story)) found.push(...placeholderFields(file, source));
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Frontmatter fields of a story going public that still hold a TODO placeholder, each with its line. */
function placeholderFields(file: string, source: string): ContentIssue[] {
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
