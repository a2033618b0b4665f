/**
 * Builds small, real content repositories in a temp dir: a valid baseline that each test bends
 * in one place, so a failing assertion points at exactly one broken file or field.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { stringify } from "yaml";
import { checkContent } from "../check";
import { loadContent } from "../load";
import type { Content, Story } from "../types";

/** "Now" for every fixture: after the baseline stories, before the scheduled ones tests add. */
export const NOW = new Date("2026-12-01T12:00:00+00:00");

let jpegBytes: Promise<Buffer> | undefined;
/** A real 40x30 JPEG, made once per test file. */
export function tinyJpeg(): Promise<Buffer> {
  jpegBytes ??= sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .jpeg()
    .toBuffer();
  return jpegBytes;
}

export type Fields = Record<string, unknown>;

/** Frontmatter + body as an .mdx file. A field set to undefined is left out. */
export function mdx(fields: Fields, body = "A paragraph of the story.\n"): string {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return `---\n${stringify(kept)}---\n${body}`;
}

/** Valid frontmatter for a published story `slug`, with `overrides` applied on top. */
export function storyFields(slug: string, overrides: Fields = {}): Fields {
  return {
    title: `Headline for ${slug}`,
    dek: "One sentence of standfirst.",
    section: "world",
    authors: ["ana-writer"],
    publishedAt: "2026-11-20T08:00:00+00:00",
    tags: [],
    image: {
      src: `/images/${slug}.jpg`,
      alt: "A harbour at dawn.",
      caption: "The harbour at Port Alder on Friday.",
      credit: "Photo by Test Photographer",
    },
    ...overrides,
  };
}

export function storyFile(slug: string, overrides: Fields = {}, body?: string): Record<string, string> {
  return { [`content/articles/${slug}.mdx`]: mdx(storyFields(slug, overrides), body) };
}

export const BASELINE_SLUGS = ["first-story", "second-story"] as const;

function baselineFiles(): Record<string, string | "JPEG"> {
  return {
    "content/site.yaml": stringify({ name: "Test Ledger", tagline: "News for tests", language: "en-GB", timeZone: "Europe/London" }),
    "content/sections.yaml": stringify([
      { id: "world", name: "World", description: "Abroad." },
      { id: "politics", name: "Politics", description: "At home." },
    ]),
    "content/authors/ana-writer.mdx": mdx({ name: "Ana Writer", role: "Reporter", avatar: "/images/authors/ana-writer.jpg" }, "Ana writes.\n"),
    "content/authors/ben-editor.mdx": mdx({ name: "Ben Editor", role: "Editor" }, "Ben edits.\n"),
    ...storyFile("first-story", { tags: ["harbour"] }),
    ...storyFile("second-story", { section: "politics", publishedAt: "2026-11-21T08:00:00+00:00", authors: ["ben-editor"] }),
    "public/images/first-story.jpg": "JPEG",
    "public/images/second-story.jpg": "JPEG",
    "public/images/extra.jpg": "JPEG",
    "public/images/authors/ana-writer.jpg": "JPEG",
  };
}

export interface Fixture {
  root: string;
  /** Writes (or, with null, deletes) a file relative to the root; "JPEG" writes a real image. */
  write(file: string, contents: string | Buffer | null | "JPEG"): Promise<void>;
  read(file: string): string;
  /** 1-based line of the first line of `file` containing `needle`. */
  lineOf(file: string, needle: string): number;
  load(now?: Date): ReturnType<typeof loadContent>;
  check(now?: Date): ReturnType<typeof checkContent>;
  remove(): void;
}

const created: string[] = [];

/** The baseline repo with `overrides` applied (null deletes a baseline file). */
export async function makeFixture(overrides: Record<string, string | Buffer | null | "JPEG"> = {}): Promise<Fixture> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "content-fixture-"));
  created.push(root);
  const write = async (file: string, contents: string | Buffer | null | "JPEG") => {
    const full = path.join(root, file);
    if (contents === null) {
      fs.rmSync(full, { force: true });
      return;
    }
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, contents === "JPEG" ? await tinyJpeg() : contents);
  };
  for (const [file, contents] of Object.entries({ ...baselineFiles(), ...overrides })) await write(file, contents);
  const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
  return {
    root,
    write,
    read,
    lineOf(file, needle) {
      const index = read(file).split(/\r?\n/).findIndex((l) => l.includes(needle));
      if (index < 0) throw new Error(`${needle} not found in ${file}`);
      return index + 1;
    },
    load: (now = NOW) => loadContent({ root, now }),
    check: (now = NOW) => checkContent(root, now),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Deletes every fixture made so far (call from afterAll). */
export function removeFixtures() {
  for (const root of created.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** A Story object as the loader makes it, published at `publishedAt`, for tests of queries built on loaded content. */
export function storyObject(slug: string, publishedAt: Date, overrides: Partial<Story> = {}): Story {
  return {
    slug,
    file: `content/articles/${slug}.mdx`,
    title: `Headline ${slug}`,
    dek: "Dek.",
    section: "world",
    type: "news",
    summary: [],
    authors: ["ana-writer"],
    status: "published",
    tags: [],
    contributors: [],
    related: [],
    corrections: [],
    redirectFrom: [],
    publishedAt,
    ...overrides,
  };
}

/** Content as loadContent returns it (stories newest first), with two sections and two authors. */
export function contentObject(stories: Story[], overrides: { site?: Partial<Content["site"]>; tagLabels?: Record<string, string> } = {}): Content {
  return {
    site: { name: "T", tagline: "T", language: "en", timeZone: "UTC", social: [], ...overrides.site },
    sections: [
      { id: "world", name: "World", description: "W." },
      { id: "politics", name: "Politics", description: "P." },
    ],
    tagLabels: overrides.tagLabels ?? {},
    trending: [],
    stories: [...stories].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()),
    authors: [
      { id: "ana-writer", file: "content/authors/ana-writer.mdx", name: "Ana", role: "Reporter", links: {} },
      { id: "ben-editor", file: "content/authors/ben-editor.mdx", name: "Ben", role: "Editor", links: {} },
    ],
    issues: [],
  };
}
