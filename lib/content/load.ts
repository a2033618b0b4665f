/**
 * Reads every content file once, validates it against the schema and cross-checks references.
 * Only frontmatter is parsed here (cheap); MDX bodies are compiled by their own page or by
 * checkBodies() in the content check, which keeps builds linear as the archive grows.
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { parseFrontmatter, type ParsedFrontmatter } from "./frontmatter";
import { readImageDimensions } from "./images";
import { fieldHelp, type ContentIssue } from "./issues";
import {
  authorFrontmatterSchema,
  sectionsSchema,
  siteSchema,
  SLUG_PATTERN,
  storyFrontmatterSchema,
  tagsSchema,
  trendingSchema,
} from "./schema";
import type { Author, Content, Story } from "./types";
import { isPublic } from "./visibility";

export interface LoadOptions {
  /** Repository root: content/ and public/ are read from here. */
  root: string;
  /** "Now" for warnings about links to stories that are not public yet. */
  now?: Date;
}

export function loadContent({ root, now = new Date() }: LoadOptions): Content {
  const issues: ContentIssue[] = [];
  const contentDir = path.join(root, "content");
  const publicDir = path.join(root, "public");
  const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

  const report = (issue: ContentIssue) => issues.push(issue);

  /** zod issues -> content issues, with the line of the field and the schema's help as the fix. */
  const reportSchemaErrors = (file: string, schema: z.ZodType, error: z.ZodError, lineOf?: ParsedFrontmatter["lineOf"]) => {
    for (const issue of error.issues) {
      const pathKeys = issue.path as PropertyKey[];
      if (issue.code === "unrecognized_keys") {
        // One issue per unknown key, so each names its own field and line (zod groups them at the parent).
        for (const key of issue.keys) {
          const field = [...pathKeys, key].join(".");
          report({ severity: "error", file, field, line: lineOf?.([...pathKeys, key]), message: `\`${field}\` is not a known field: check the spelling against docs/authoring.md`, fix: fieldHelp(schema, pathKeys) });
        }
        continue;
      }
      const field = pathKeys.length ? pathKeys.join(".") : undefined;
      report({
        severity: "error",
        file,
        field,
        line: lineOf?.(pathKeys),
        message: field ? `\`${field}\` ${issue.message}` : issue.message,
        fix: fieldHelp(schema, pathKeys),
      });
    }
  };

  const readYamlFile = <T,>(name: string, schema: z.ZodType<T>, optional: boolean): T | undefined => {
    const file = path.join(contentDir, name);
    if (!fs.existsSync(file)) {
      if (optional) return schema.parse(undefined);
      report({ severity: "error", file: rel(file), message: "is missing", fix: "Restore the file from git: the site cannot build without it." });
      return undefined;
    }
    let data: unknown;
    try {
      data = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (e) {
      const line = e instanceof YAMLParseError ? e.linePos?.[0].line : undefined;
      report({ severity: "error", file: rel(file), line, message: `has invalid YAML: ${(e as Error).message.split("\n")[0]}` });
      return undefined;
    }
    const result = schema.safeParse(data ?? undefined);
    if (!result.success) {
      reportSchemaErrors(rel(file), schema, result.error);
      return undefined;
    }
    return result.data;
  };

  const site = readYamlFile("site.yaml", siteSchema, false);
  const sections = readYamlFile("sections.yaml", sectionsSchema, false) ?? [];
  const tagLabels = readYamlFile("tags.yaml", tagsSchema, true) ?? {};
  const trending = readYamlFile("trending.yaml", trendingSchema, true) ?? [];

  const sectionIds = new Set(sections.map((s) => s.id));

  /** Every `<name>.mdx` in a folder, reporting files that would otherwise be skipped silently. */
  const listMdx = (dir: string, what: string) => {
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const file = path.join(dir, name);
        if (name.startsWith(".")) return [];
        if (!name.endsWith(".mdx")) {
          report({ severity: "error", file: rel(file), message: `is not an .mdx file, so it would never be published`, fix: `Rename it to end in .mdx, or move it out of ${rel(dir)}/.` });
          return [];
        }
        const id = name.slice(0, -".mdx".length);
        if (!SLUG_PATTERN.test(id)) {
          report({ severity: "error", file: rel(file), message: `has a file name that cannot be a URL: the ${what} must be lowercase letters, digits and single hyphens`, fix: `Rename it, e.g. ${id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.mdx` });
          return [];
        }
        return [{ id, file, source: fs.readFileSync(file, "utf8") }];
      });
  };

  // Authors first: stories refer to them.
  const authors: Author[] = [];
  for (const { id, file, source } of listMdx(path.join(contentDir, "authors"), "author id")) {
    const fm = parseFrontmatter(source);
    if (fm.error) {
      report({ severity: "error", file: rel(file), line: fm.error.line, message: fm.error.message });
      continue;
    }
    const parsed = authorFrontmatterSchema.safeParse(fm.data ?? {});
    if (!parsed.success) {
      reportSchemaErrors(rel(file), authorFrontmatterSchema, parsed.error, fm.lineOf);
      continue;
    }
    const { avatar, ...rest } = parsed.data;
    let sizedAvatar: Author["avatar"];
    if (avatar) {
      const dims = readImageDimensions(publicDir, avatar);
      if (!dims) report({ severity: "error", file: rel(file), field: "avatar", line: fm.lineOf(["avatar"]), message: `\`avatar\` points at ${avatar}, but there is no readable image at public${avatar}`, fix: "Add the file under public/ or correct the path." });
      else sizedAvatar = { src: avatar, ...dims };
    }
    authors.push({ id, file: rel(file), ...rest, avatar: sizedAvatar });
  }
  const authorIds = new Set(authors.map((a) => a.id));

  const stories: Story[] = [];
  const lineOfStory = new Map<string, ParsedFrontmatter["lineOf"]>();
  for (const { id: slug, file, source } of listMdx(path.join(contentDir, "articles"), "slug")) {
    const fm = parseFrontmatter(source);
    if (fm.error) {
      report({ severity: "error", file: rel(file), line: fm.error.line, message: fm.error.message, fix: "Check the indentation and quote values that contain `: ` or start with a special character." });
      continue;
    }
    const parsed = storyFrontmatterSchema.safeParse(fm.data ?? {});
    if (!parsed.success) {
      reportSchemaErrors(rel(file), storyFrontmatterSchema, parsed.error, fm.lineOf);
      continue;
    }
    const data = parsed.data;
    const f = rel(file);
    const at = (field: string, keys: PropertyKey[]) => ({ severity: "error" as const, file: f, field, line: fm.lineOf(keys) });
    let ok = true;
    const fail = (issue: ContentIssue) => {
      ok = false;
      report(issue);
    };

    if (!sectionIds.has(data.section)) {
      fail({ ...at("section", ["section"]), message: `\`section\` is "${data.section}", which is not a declared section`, fix: `Use one of: ${[...sectionIds].join(", ")} (declared in content/sections.yaml).` });
    }
    data.authors.forEach((a, i) => {
      if (!authorIds.has(a)) fail({ ...at(`authors.${i}`, ["authors", i]), message: `\`authors\` names "${a}", but there is no content/authors/${a}.mdx`, fix: `Use an existing author id (${[...authorIds].join(", ")}) or create content/authors/${a}.mdx.` });
    });
    const publishedAt = new Date(data.publishedAt);
    const updatedAt = data.updatedAt ? new Date(data.updatedAt) : undefined;
    if (updatedAt && updatedAt < publishedAt) {
      fail({ ...at("updatedAt", ["updatedAt"]), message: `\`updatedAt\` (${data.updatedAt}) is before \`publishedAt\` (${data.publishedAt})`, fix: "Set updatedAt to the time of the latest change, which cannot be before the story was published." });
    }
    let image: Story["image"];
    if (data.image) {
      const dims = readImageDimensions(publicDir, data.image.src);
      if (!dims) fail({ ...at("image.src", ["image", "src"]), message: `\`image.src\` points at ${data.image.src}, but there is no readable image at public${data.image.src}`, fix: "Add the file under public/ or correct the path (it starts at the site root, e.g. /images/articles/x.jpg)." });
      else image = { ...data.image, ...dims };
    } else if (data.status === "published") {
      fail({ ...at("image", []), message: "has no lead `image`: a published story needs one (src, alt, caption, credit)", fix: "Add an `image:` block; see docs/authoring.md. A draft may go without one until it is published." });
    }
    if (!ok) continue;
    lineOfStory.set(slug, fm.lineOf);
    const { image: _ignored, ...rest } = data;
    void _ignored;
    stories.push({ ...rest, slug, file: f, publishedAt, updatedAt, image });
  }

  // Cross-story checks, once every story is known.
  const bySlug = new Map(stories.map((s) => [s.slug, s]));
  const byTitle = new Map<string, Story>();
  for (const story of stories) {
    const lineOf = lineOfStory.get(story.slug)!;
    story.related.forEach((target, i) => {
      const other = bySlug.get(target);
      const where = { file: story.file, field: `related.${i}`, line: lineOf(["related", i]) };
      if (!other) report({ severity: "error", ...where, message: `\`related\` points at "${target}", but there is no story content/articles/${target}.mdx`, fix: "Correct the slug (the file name without .mdx) or remove the entry." });
      else if (target === story.slug) report({ severity: "error", ...where, message: "`related` points at the story itself", fix: "Remove the entry." });
      else if (isPublic(story, now) && !isPublic(other, now)) report({ severity: "warning", ...where, message: `\`related\` points at "${target}", which is not public yet, so readers will not see the card until it is` });
    });
    const key = story.title.toLowerCase();
    const twin = byTitle.get(key);
    if (twin) report({ severity: "warning", file: story.file, field: "title", line: lineOf(["title"]), message: `has the same headline as ${twin.file}`, fix: "Give each story its own headline, so readers and search engines can tell them apart." });
    else byTitle.set(key, story);
  }

  // Redirects from renamed slugs: one hop, never shadowing a live story, never claimed twice.
  const redirectOwner = new Map<string, Story>();
  for (const story of stories) {
    const lineOf = lineOfStory.get(story.slug)!;
    story.redirectFrom.forEach((old, i) => {
      const where = { severity: "error" as const, file: story.file, field: `redirectFrom.${i}`, line: lineOf(["redirectFrom", i]) };
      if (bySlug.has(old)) {
        report({ ...where, message: `\`redirectFrom\` lists "${old}", which is a live story's slug: the redirect would hide it${old === story.slug ? "" : " or form a chain"}`, fix: `Remove "${old}" here, or rename content/articles/${old}.mdx first.` });
      } else if (redirectOwner.has(old)) {
        report({ ...where, message: `\`redirectFrom\` lists "${old}", which ${redirectOwner.get(old)!.file} already redirects from`, fix: "An old URL can lead to one story only: remove it from one of the two." });
      } else {
        redirectOwner.set(old, story);
      }
    });
  }

  stories.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));

  return {
    site: site ?? { name: "", tagline: "", language: "en", timeZone: "UTC", social: [] },
    sections,
    tagLabels,
    trending,
    stories,
    authors,
    issues,
  };
}
