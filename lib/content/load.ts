/**
 * Reads every content file once, validates it against the schema and cross-checks references,
 * in named steps: site files, authors, stories, then the checks across stories (related links,
 * headlines, redirects). Only frontmatter is parsed here (cheap); bodies go through the body
 * pipeline (lib/content/body/) when a page, a feed or the content check needs them.
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
import type { Author, Content, Section, SiteConfig, Story, TrendingLink } from "./types";
import { byNewest } from "./entries";
import { isPublic } from "./visibility";
import { splitLiveBody } from "./live";

/** How far ahead of the checking clock an update's time may be (clocks of editors' machines drift). */
const LIVE_CLOCK_SKEW_MS = 5 * 60_000;

export interface LoadOptions {
  /** Repository root: public/ is read from here, and content/ unless `contentDir` says otherwise. */
  root: string;
  /** Where the content files are (LEDGER_CONTENT_DIR, else <root>/content). */
  contentDir?: string;
  /** "Now" for warnings about links to stories that are not public yet. */
  now?: Date;
}

/**
 * The content folder of a checkout: LEDGER_CONTENT_DIR (tests, benches, a CMS export) or content/.
 * Content is data read at run time, never part of the bundle: the turbopackIgnore comments here and
 * on the paths below keep Turbopack from tracing the folder's files into the build (at 100,000
 * stories it traced every one of them; with Tailwind's scan of the folder, which app/globals.css
 * now leaves out, the compile took 87 s instead of 25).
 */
export function contentDirOf(root: string): string {
  return process.env.LEDGER_CONTENT_DIR
    ? path.resolve(/* turbopackIgnore: true */ root, process.env.LEDGER_CONTENT_DIR)
    : path.join(/* turbopackIgnore: true */ root, "content");
}

/** What every step shares: where content lives, and the one list of issues. */
export interface LoadContext {
  root: string;
  contentDir: string;
  publicDir: string;
  now: Date;
  issues: ContentIssue[];
  /** Repository-relative path with forward slashes, for messages. */
  rel(file: string): string;
  report(issue: ContentIssue): void;
}

export type LineOf = ParsedFrontmatter["lineOf"];

/** One content file as read from disk or received by the publish endpoint. */
export interface SourceFile {
  /** The slug or author id (the file name without .mdx). */
  id: string;
  /** Absolute path, for messages (ctx.rel makes it repository-relative). */
  file: string;
  source: string;
}

export function createLoadContext({ root, contentDir = contentDirOf(root), now = new Date() }: LoadOptions): LoadContext {
  const issues: ContentIssue[] = [];
  return {
    root,
    contentDir,
    publicDir: path.join(root, "public"),
    now,
    issues,
    rel: (file) => path.relative(root, file).split(path.sep).join("/"),
    report: (issue) => issues.push(issue),
  };
}

export function loadContent(options: LoadOptions): Content {
  const ctx = createLoadContext(options);
  const { issues } = ctx;

  const { site, sections, tagLabels, trending } = readSiteFiles(ctx);
  const authors = loadAuthors(ctx);
  const { stories, lineOf } = loadStories(ctx, new Set(sections.map((s) => s.id)), new Set(authors.map((a) => a.id)));
  checkAcrossStories(ctx, stories, lineOf);
  byNewest(stories);

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

/** zod issues -> content issues, with the line of the field and the schema's help as the fix. */
function reportSchemaErrors(ctx: LoadContext, file: string, schema: z.ZodType, error: z.ZodError, lineOf?: LineOf) {
  for (const issue of error.issues) {
    const pathKeys = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown key, so each names its own field and line (zod groups them at the parent).
      for (const key of issue.keys) {
        const field = [...pathKeys, key].join(".");
        ctx.report({ severity: "error", file, field, line: lineOf?.([...pathKeys, key]), message: `\`${field}\` is not a known field: check the spelling against docs/authoring.md`, fix: fieldHelp(schema, pathKeys) });
      }
      continue;
    }
    const field = pathKeys.length ? pathKeys.join(".") : undefined;
    ctx.report({
      severity: "error",
      file,
      field,
      line: lineOf?.(pathKeys),
      message: field ? `\`${field}\` ${issue.message}` : issue.message,
      fix: fieldHelp(schema, pathKeys),
    });
  }
}

/** The site-wide YAML files, each with its schema; a missing optional one means "none". */
export const SITE_FILES = {
  "site.yaml": { schema: siteSchema, optional: false },
  "sections.yaml": { schema: sectionsSchema, optional: false },
  "tags.yaml": { schema: tagsSchema, optional: true },
  "trending.yaml": { schema: trendingSchema, optional: true },
} as const;
export type SiteFileName = keyof typeof SITE_FILES;

/**
 * One YAML file under content/, validated; undefined (with the issues reported) when it is unusable.
 * `source` is the file's text when the caller has it (a publish), else it is read from disk.
 */
export function readYamlFile<T>(ctx: LoadContext, name: string, schema: z.ZodType<T>, optional: boolean, source?: string | null): T | undefined {
  const file = path.join(/* turbopackIgnore: true */ ctx.contentDir, name);
  const text = source === undefined ? (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null) : source;
  if (text === null) {
    if (optional) return schema.parse(undefined);
    ctx.report({ severity: "error", file: ctx.rel(file), message: "is missing", fix: "Restore the file from git: the site cannot build without it." });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    const line = e instanceof YAMLParseError ? e.linePos?.[0].line : undefined;
    ctx.report({ severity: "error", file: ctx.rel(file), line, message: `has invalid YAML: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
  const result = schema.safeParse(data ?? undefined);
  if (!result.success) {
    reportSchemaErrors(ctx, ctx.rel(file), schema, result.error);
    return undefined;
  }
  return result.data;
}

/** site.yaml and sections.yaml (required), tags.yaml and trending.yaml (optional). */
function readSiteFiles(ctx: LoadContext) {
  const read = (name: SiteFileName) => readYamlFile(ctx, name, SITE_FILES[name].schema as z.ZodType, SITE_FILES[name].optional);
  return {
    site: read("site.yaml") as SiteConfig | undefined,
    sections: (read("sections.yaml") as Section[] | undefined) ?? [],
    tagLabels: (read("tags.yaml") as Record<string, string> | undefined) ?? {},
    trending: (read("trending.yaml") as TrendingLink[] | undefined) ?? [],
  };
}

/** Every `<name>.mdx` in a folder, reporting files that would otherwise be skipped silently. */
export function listMdx(ctx: LoadContext, dir: string, what: string): SourceFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (name.startsWith(".")) return [];
      if (!name.endsWith(".mdx")) {
        ctx.report({ severity: "error", file: ctx.rel(file), message: `is not an .mdx file, so it would never be published`, fix: `Rename it to end in .mdx, or move it out of ${ctx.rel(dir)}/.` });
        return [];
      }
      const id = name.slice(0, -".mdx".length);
      if (!SLUG_PATTERN.test(id)) {
        ctx.report({ severity: "error", file: ctx.rel(file), message: `has a file name that cannot be a URL: the ${what} must be lowercase letters, digits and single hyphens`, fix: `Rename it, e.g. ${id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.mdx` });
        return [];
      }
      return [{ id, file, source: fs.readFileSync(file, "utf8") }];
    });
}

/** content/authors/*.mdx: valid frontmatter, and an avatar that exists. */
function loadAuthors(ctx: LoadContext): Author[] {
  return listMdx(ctx, path.join(/* turbopackIgnore: true */ ctx.contentDir, "authors"), "author id").flatMap((f) => validateAuthor(ctx, f) ?? []);
}

/** One author file: valid frontmatter and an avatar on disk; undefined (issues reported) otherwise. */
export function validateAuthor(ctx: LoadContext, { id, file, source }: SourceFile): Author | undefined {
  {
    const fm = parseFrontmatter(source);
    if (fm.error) {
      ctx.report({ severity: "error", file: ctx.rel(file), line: fm.error.line, message: fm.error.message });
      return undefined;
    }
    const parsed = authorFrontmatterSchema.safeParse(fm.data ?? {});
    if (!parsed.success) {
      reportSchemaErrors(ctx, ctx.rel(file), authorFrontmatterSchema, parsed.error, fm.lineOf);
      return undefined;
    }
    const { avatar, ...rest } = parsed.data;
    let sizedAvatar: Author["avatar"];
    if (avatar) {
      const dims = readImageDimensions(ctx.publicDir, avatar);
      if (!dims) ctx.report({ severity: "error", file: ctx.rel(file), field: "avatar", line: fm.lineOf(["avatar"]), message: `\`avatar\` points at ${avatar}, but there is no readable image at public${avatar}`, fix: "Add the file under public/ or correct the path." });
      else sizedAvatar = { src: avatar, ...dims };
    }
    return { id, file: ctx.rel(file), ...rest, avatar: sizedAvatar };
  }
}

/**
 * content/articles/*.mdx: valid frontmatter, a declared section, existing authors, sane dates and
 * a lead image on disk. A story with an error is left out (and reported), so the rest still load.
 */
function loadStories(ctx: LoadContext, sectionIds: Set<string>, authorIds: Set<string>) {
  const stories: Story[] = [];
  const lineOf = new Map<string, LineOf>();
  for (const f of listMdx(ctx, path.join(/* turbopackIgnore: true */ ctx.contentDir, "articles"), "slug")) {
    const valid = validateStory(ctx, f, sectionIds, authorIds);
    if (!valid) continue;
    lineOf.set(valid.story.slug, valid.lineOf);
    stories.push(valid.story);
  }
  return { stories, lineOf };
}

/**
 * One story file: valid frontmatter, a declared section, existing authors, sane dates and a lead
 * image on disk. Undefined (with the issues reported) when it cannot be published.
 */
export function validateStory(ctx: LoadContext, { id: slug, file, source }: SourceFile, sectionIds: Set<string>, authorIds: Set<string>): { story: Story; lineOf: LineOf } | undefined {
  {
    const fm = parseFrontmatter(source);
    if (fm.error) {
      ctx.report({ severity: "error", file: ctx.rel(file), line: fm.error.line, message: fm.error.message, fix: "Check the indentation and quote values that contain `: ` or start with a special character." });
      return undefined;
    }
    const parsed = storyFrontmatterSchema.safeParse(fm.data ?? {});
    if (!parsed.success) {
      reportSchemaErrors(ctx, ctx.rel(file), storyFrontmatterSchema, parsed.error, fm.lineOf);
      return undefined;
    }
    const data = parsed.data;
    const f = ctx.rel(file);
    const at = (field: string, keys: PropertyKey[]) => ({ severity: "error" as const, file: f, field, line: fm.lineOf(keys) });
    let ok = true;
    const fail = (issue: ContentIssue) => {
      ok = false;
      ctx.report(issue);
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
      const dims = readImageDimensions(ctx.publicDir, data.image.src);
      if (!dims) fail({ ...at("image.src", ["image", "src"]), message: `\`image.src\` points at ${data.image.src}, but there is no readable image at public${data.image.src}`, fix: "Add the file under public/ or correct the path (it starts at the site root, e.g. /images/articles/x.jpg)." });
      else image = { ...data.image, ...dims };
    } else if (data.status === "published") {
      fail({ ...at("image", []), message: "has no lead `image`: a published story needs one (src, alt, caption, credit)", fix: "Add an `image:` block; see docs/authoring.md. A draft may go without one until it is published." });
    }
    let modifiedAt = updatedAt;
    let liveCount: number | undefined;
    if (data.type === "live") {
      const heads = splitLiveBody(source, f).heads;
      liveCount = heads.filter((u) => !u.pinned).length;
      // The update headers' own problems are the body check's (lib/content/live.ts); here, what
      // needs the rest of the content or the clock: authors that exist, no update from the future.
      for (const u of heads) {
        u.authors.forEach((a, i) => {
          if (!authorIds.has(a)) fail({ severity: "error", file: f, line: u.line, field: `updates.${u.id}.authors.${i}`, message: `\`updates.${u.id}.authors\` names "${a}", but there is no content/authors/${a}.mdx`, fix: `Use an existing author id (${[...authorIds].join(", ")}).` });
        });
        if (u.time.getTime() > ctx.now.getTime() + LIVE_CLOCK_SKEW_MS)
          fail({ severity: "error", file: f, line: u.line, field: `updates.${u.id}.time`, message: `\`updates.${u.id}.time\` (${u.time.toISOString()}) is in the future: an update goes out when it is published`, fix: "Use the time of posting (npm run live:add writes it for you)." });
        // The story changes with every update: feeds, sitemaps and JSON-LD carry the newest.
        if (u.time > (modifiedAt ?? publishedAt)) modifiedAt = u.time;
      }
    } else {
      for (const key of ["liveUntil", "summary"] as const) {
        if (key === "summary" ? data.summary.length : data.liveUntil)
          fail({ ...at(key, [key]), message: `\`${key}\` is only for live coverage, and this story is \`type: ${data.type}\``, fix: "Remove the field, or set `type: live` (see docs/authoring.md)." });
      }
    }
    if (data.liveUntil && new Date(data.liveUntil) < publishedAt)
      fail({ ...at("liveUntil", ["liveUntil"]), message: `\`liveUntil\` (${data.liveUntil}) is before \`publishedAt\` (${data.publishedAt})`, fix: "Coverage ends after it starts: set liveUntil to when it ended." });
    if (!ok) return undefined;
    const { image: _ignored, ...rest } = data;
    void _ignored;
    return { story: { ...rest, slug, file: f, publishedAt, updatedAt: modifiedAt, image, ...(liveCount !== undefined && { liveCount }) }, lineOf: fm.lineOf };
  }
}

/**
 * The checks across stories: related links, twin headlines, redirects. `lineOf` may lack stories
 * whose source is not at hand (a publish checks the changed files against the index): their
 * issues then carry no line.
 */
export function checkAcrossStories(ctx: LoadContext, stories: Story[], lineOf: Map<string, LineOf>, focus?: Set<string>) {
  const lines = (slug: string): LineOf => lineOf.get(slug) ?? (() => undefined);
  // A publish checks the links of the stories it changes or removes (`focus`) and of the stories
  // that link to them; the content check, every story's.
  const linking = focus ? stories.filter((s) => focus.has(s.slug) || s.related.some((r) => focus.has(r))) : stories;
  checkRelated(ctx, stories, linking, lines);
  checkHeadlines(ctx, stories, lines);
  checkRedirects(ctx, stories, lines);
}

/** `related` points at existing stories other than itself; a public story linking to a hidden one gets a warning. */
function checkRelated(ctx: LoadContext, stories: Story[], linking: Story[], lineOfStory: (slug: string) => LineOf) {
  const bySlug = new Map(stories.map((s) => [s.slug, s]));
  for (const story of linking) {
    const lineOf = lineOfStory(story.slug);
    story.related.forEach((target, i) => {
      const other = bySlug.get(target);
      // The line only when there is something to report: finding it parses the frontmatter again.
      const at = () => ({ file: story.file, field: `related.${i}`, line: lineOf(["related", i]) });
      if (!other) ctx.report({ severity: "error", ...at(), message: `\`related\` points at "${target}", but there is no story content/articles/${target}.mdx`, fix: "Correct the slug (the file name without .mdx) or remove the entry." });
      else if (target === story.slug) ctx.report({ severity: "error", ...at(), message: "`related` points at the story itself", fix: "Remove the entry." });
      else if (isPublic(story, ctx.now) && !isPublic(other, ctx.now)) ctx.report({ severity: "warning", ...at(), message: `\`related\` points at "${target}", which is not public yet, so readers will not see the card until it is` });
    });
  }
}

/** Two stories with one headline confuse readers and search engines: a warning on the second. */
function checkHeadlines(ctx: LoadContext, stories: Story[], lineOfStory: (slug: string) => LineOf) {
  const byTitle = new Map<string, Story>();
  for (const story of stories) {
    const key = story.title.toLowerCase();
    const twin = byTitle.get(key);
    if (twin) ctx.report({ severity: "warning", file: story.file, field: "title", line: lineOfStory(story.slug)(["title"]), message: `has the same headline as ${twin.file}`, fix: "Give each story its own headline, so readers and search engines can tell them apart." });
    else byTitle.set(key, story);
  }
}

/** Redirects from renamed slugs: one hop, never shadowing a live story, never claimed twice. */
function checkRedirects(ctx: LoadContext, stories: Story[], lineOfStory: (slug: string) => LineOf) {
  const bySlug = new Map(stories.map((s) => [s.slug, s]));
  const redirectOwner = new Map<string, Story>();
  for (const story of stories) {
    if (!story.redirectFrom.length) continue;
    const lineOf = lineOfStory(story.slug);
    story.redirectFrom.forEach((old, i) => {
      const where = () => ({ severity: "error" as const, file: story.file, field: `redirectFrom.${i}`, line: lineOf(["redirectFrom", i]) });
      if (bySlug.has(old)) {
        ctx.report({ ...where(), message: `\`redirectFrom\` lists "${old}", which is a live story's slug: the redirect would hide it${old === story.slug ? "" : " or form a chain"}`, fix: `Remove "${old}" here, or rename content/articles/${old}.mdx first.` });
      } else if (redirectOwner.has(old)) {
        ctx.report({ ...where(), message: `\`redirectFrom\` lists "${old}", which ${redirectOwner.get(old)!.file} already redirects from`, fix: "An old URL can lead to one story only: remove it from one of the two." });
      } else {
        redirectOwner.set(old, story);
      }
    });
  }
}
