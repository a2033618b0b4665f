/**
 * What the specs that publish share: story files written into the e2e site's content copy
 * (.e2e-tmp/content), `npm run publish` run against the server under test, and polls over the
 * pages, lists, feeds and sitemaps that should (or should no longer) show a story.
 * These specs run in the "publish" project (playwright.config.ts), one at a time.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { E2E_CONTENT_DIR, E2E_PUBLISH_SECRET, e2eEnv } from "./server-env";
import { articlePath, feedPath, FRONT_PATH, listPath, NEWS_SITEMAP_PATH, SITEMAP_PATH } from "../lib/routes";

export const ROOT = path.resolve(__dirname, "..");

export const storyFile = (slug: string) => path.join(E2E_CONTENT_DIR, "articles", `${slug}.mdx`);
/** The file as the site names it in messages (relative to the checkout). */
export const storyLabel = (slug: string) => path.relative(ROOT, storyFile(slug)).split(path.sep).join("/");

export interface TestStory {
  slug: string;
  title: string;
  dek: string;
  section: string;
  authors: string[];
  tags: string[];
  publishedAt: Date;
  status?: "published" | "draft";
  corrections?: { date: string; text: string }[];
  image: { src: string; alt: string; caption: string; credit: string };
  body: string;
}

/** The story's file text, in the style of the sample (docs/authoring.md). */
export function storySource(s: TestStory): string {
  const lines = [
    "---",
    `title: ${s.title}`,
    `dek: ${s.dek}`,
    `section: ${s.section}`,
    "type: news",
    ...(s.status ? [`status: ${s.status}`] : []),
    `authors: [${s.authors.join(", ")}]`,
    `publishedAt: ${s.publishedAt.toISOString().replace(/\.\d{3}Z$/, "+00:00")}`,
    `tags: [${s.tags.join(", ")}]`,
    "image:",
    `  src: ${s.image.src}`,
    `  alt: ${s.image.alt}`,
    `  caption: ${s.image.caption}`,
    `  credit: ${s.image.credit}`,
    ...(s.corrections?.length ? ["corrections:", ...s.corrections.flatMap((c) => [`  - date: ${c.date}`, `    text: ${c.text}`])] : []),
    "---",
    "",
    s.body,
    "",
  ];
  return lines.join("\n");
}

export function writeStory(story: TestStory): void {
  fs.writeFileSync(storyFile(story.slug), storySource(story));
}

export function removeStory(slug: string): boolean {
  const file = storyFile(slug);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file);
  return true;
}

export interface CommandResult {
  code: number;
  output: string;
}

/** `npm run publish -- --to <origin>` in the checkout, with the e2e site's content copy and secret. */
export function runPublish(origin: string): Promise<CommandResult> {
  return runCommand("npm", ["run", "--silent", "publish", "--", "--to", origin]);
}

export function runCommand(command: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: ROOT, env: { ...process.env, ...e2eEnv(), ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** The publish endpoint's manifest (path -> hash): what the site holds. */
export async function siteManifest(request: APIRequestContext): Promise<Record<string, string>> {
  const res = await request.get("/api/publish", { headers: { Authorization: `Bearer ${E2E_PUBLISH_SECRET}` } });
  if (!res.ok()) throw new Error(`GET /api/publish answered ${res.status()}`);
  return ((await res.json()) as { manifest: Record<string, string> }).manifest;
}

/**
 * Every list, feed and sitemap a published story appears in (each links to its page), and of
 * those the ones that show its headline (all but sitemap.xml). The news sitemap only for a story
 * of the last 48 hours.
 */
export function listsOf(story: Pick<TestStory, "section" | "authors" | "tags">, { news = true } = {}) {
  const withHeadline = [
    FRONT_PATH,
    listPath("section", story.section),
    feedPath(),
    feedPath("section", story.section),
    ...story.authors.flatMap((a) => [listPath("author", a), feedPath("author", a)]),
    ...story.tags.map((t) => listPath("tag", t)),
    ...(news ? [NEWS_SITEMAP_PATH] : []),
  ];
  return { all: [...withHeadline, SITEMAP_PATH], withHeadline };
}

/** The URLs (of `urls`) that do not answer 200 with `needle` in their body. */
export async function urlsWithout(request: APIRequestContext, urls: string[], needle: string): Promise<string[]> {
  const missing: string[] = [];
  for (const url of urls) {
    const res = await request.get(url);
    if (res.status() !== 200 || !(await res.text()).includes(needle)) missing.push(`${url} (${res.status()})`);
  }
  return missing;
}

/** The URLs (of `urls`) whose body has `needle`, whatever their status. */
export async function urlsWith(request: APIRequestContext, urls: string[], needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const url of urls) if ((await (await request.get(url)).text()).includes(needle)) found.push(url);
  return found;
}

export const storyStatus = async (request: APIRequestContext, slug: string) =>
  (await request.get(articlePath(slug), { maxRedirects: 0 })).status();
