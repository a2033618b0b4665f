/**
 * Compiles every MDX body the way the site does and checks what the editors wrote inside it:
 * syntax (with the line), components and their attributes, links to other stories, images.
 * Used by `npm run content:check`, which `npm run build` runs first.
 */
import fs from "node:fs";
import path from "node:path";
import type { Node } from "unist";
import { readImageDimensions } from "./images";
import type { ContentIssue } from "./issues";
import { SLUG_PATTERN } from "./schema";
import type { Content } from "./types";
import { isPublic } from "./visibility";

/** Components available in every article without an import, with the attributes each requires. */
export const BODY_COMPONENTS: Record<string, { required: string[]; optional: string[] }> = {
  ImageCaption: { required: ["src", "alt", "caption", "credit"], optional: [] },
  More: { required: ["slug"], optional: [] },
  SocialPost: { required: ["author", "handle", "href"], optional: ["date"] },
};

interface JsxNode extends Node {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

export async function checkBodies(content: Content, root: string, now = new Date()): Promise<ContentIssue[]> {
  // ESM-only packages, imported lazily so the CommonJS script runner can load this module.
  const [{ compile }, { default: remarkFrontmatter }, { default: remarkGfm }, { visit }] = await Promise.all([
    import("@mdx-js/mdx"),
    import("remark-frontmatter"),
    import("remark-gfm"),
    import("unist-util-visit"),
  ]);
  const issues: ContentIssue[] = [];
  const publicDir = path.join(root, "public");
  const bySlug = new Map(content.stories.map((s) => [s.slug, s]));
  const files: { file: string; story?: Content["stories"][number] }[] = [
    ...content.stories.map((s) => ({ file: s.file, story: s })),
    ...content.authors.map((a) => ({ file: a.file, story: undefined })),
  ];
  // Files left out of `content` for frontmatter errors still get their bodies checked, so one run
  // lists every problem instead of revealing body errors only after the frontmatter is fixed.
  const known = new Set(files.map((f) => f.file));
  for (const dir of ["content/articles", "content/authors"]) {
    if (!fs.existsSync(path.join(root, dir))) continue;
    for (const name of fs.readdirSync(path.join(root, dir)).sort()) {
      const file = `${dir}/${name}`;
      if (name.endsWith(".mdx") && SLUG_PATTERN.test(name.slice(0, -".mdx".length)) && !known.has(file)) files.push({ file });
    }
  }

  for (const { file, story } of files) {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const found: ContentIssue[] = [];
    const at = (node: Node) => ({ severity: "error" as const, file, line: node.position?.start.line });

    const inspect = () => (tree: Node) => {
      visit(tree, (node: Node) => {
        if (node.type === "heading" && (node as Node & { depth: number }).depth === 1) {
          found.push({ ...at(node), message: "has a level-1 heading (`# ...`): the headline is the page's only h1", fix: "Use `## ` for subheadings in the body." });
        }
        if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
        const el = node as JsxNode;
        // A lowercase name is HTML to MDX, so <more> or <imageCaption> would silently render nothing useful.
        const miscased = el.name && !BODY_COMPONENTS[el.name] && Object.keys(BODY_COMPONENTS).find((n) => n.toLowerCase() === el.name!.toLowerCase());
        if (miscased) {
          found.push({ ...at(node), message: `uses <${el.name}>, which is not a component articles can use`, fix: `Write it <${miscased}> (names are case-sensitive).` });
          return;
        }
        if (!el.name || !/^[A-Z]/.test(el.name)) {
          if (el.name === "h1") found.push({ ...at(node), message: "has an <h1>: the headline is the page's only h1", fix: "Use `## ` for subheadings." });
          return;
        }
        const spec = BODY_COMPONENTS[el.name];
        if (!spec) {
          found.push({ ...at(node), message: `uses <${el.name}>, which is not a component articles can use`, fix: `Use one of ${Object.keys(BODY_COMPONENTS).map((n) => `<${n}>`).join(", ")} (names are case-sensitive).` });
          return;
        }
        const attrs = new Map<string, unknown>();
        for (const a of el.attributes) if (a.type === "mdxJsxAttribute" && a.name) attrs.set(a.name, a.value);
        for (const name of spec.required) {
          const value = attrs.get(name);
          if (typeof value !== "string" || !value.trim()) {
            found.push({ ...at(node), field: `<${el.name}> ${name}`, message: `<${el.name}> has no \`${name}\`${name === "alt" ? " (alt text): every image needs one" : ""}`, fix: `Add ${name}="..." as plain text in double quotes.` });
          }
        }
        for (const name of attrs.keys()) {
          if (!spec.required.includes(name) && !spec.optional.includes(name)) {
            found.push({ ...at(node), field: `<${el.name}> ${name}`, message: `<${el.name}> has an unknown attribute \`${name}\``, fix: `It takes ${[...spec.required, ...spec.optional].join(", ")}.` });
          }
        }
        const value = (name: string) => (typeof attrs.get(name) === "string" ? (attrs.get(name) as string) : undefined);
        if (el.name === "More" && value("slug")) {
          const target = bySlug.get(value("slug")!);
          if (!target) found.push({ ...at(node), field: "<More> slug", message: `<More> points at "${value("slug")}", but there is no story content/articles/${value("slug")}.mdx`, fix: "Correct the slug (the file name without .mdx)." });
          else if (story && isPublic(story, now) && !isPublic(target, now)) found.push({ ...at(node), severity: "warning", field: "<More> slug", message: `<More> points at "${target.slug}", which is not public yet, so the line is left out until it is` });
        }
        if (el.name === "ImageCaption" && value("src") && !readImageDimensions(publicDir, value("src")!)) {
          found.push({ ...at(node), field: "<ImageCaption> src", message: `<ImageCaption> points at ${value("src")}, but there is no readable image at public${value("src")}`, fix: "Add the file under public/ or correct the path." });
        }
        if (el.name === "SocialPost") {
          const href = value("href");
          if (href && !/^https:\/\/\S+$/.test(href)) found.push({ ...at(node), field: "<SocialPost> href", message: "<SocialPost> href must be the https:// address of the original post" });
          const date = value("date");
          if (date && Number.isNaN(Date.parse(date))) found.push({ ...at(node), field: "<SocialPost> date", message: `<SocialPost> date "${date}" is not a date`, fix: "Use ISO 8601, e.g. 2026-11-23T06:12:00+00:00." });
        }
      });
    };

    try {
      await compile({ path: path.join(root, file), value: source }, { remarkPlugins: [remarkFrontmatter, remarkGfm, inspect] });
    } catch (e) {
      const err = e as { line?: number; reason?: string; message: string };
      found.push({ severity: "error", file, line: err.line ?? undefined, message: `is not valid MDX: ${err.reason ?? err.message}`, fix: "Check that every tag is closed and that `<`, `{` and `}` in text are escaped (\\<, \\{, \\})." });
    }
    issues.push(...found);
  }
  return issues;
}
