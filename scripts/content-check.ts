/**
 * `npm run content:check`: validates every content file and prints every problem with its file,
 * field or line, what is wrong and how to fix it. Exits 1 on any error (warnings do not fail).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BodyFacts } from "../lib/content/body-check";
import { checkContent } from "../lib/content/check";
import { formatIssue } from "../lib/content/issues";
import { isPublic } from "../lib/content/visibility";
import { createToken, previewSecret } from "../lib/preview/token";
import { absoluteUrl, previewPath } from "../lib/routes";

const SHARED_LINK_MS = 48 * 60 * 60 * 1000;

/** A signed 48-hour link when PREVIEW_SECRET is set here, otherwise the editors' form of the URL. */
function previewLink(slug: string): string {
  const secret = previewSecret();
  if (!secret) return absoluteUrl(previewPath({ slug }));
  return absoluteUrl(previewPath({ token: createToken(slug, new Date(Date.now() + SHARED_LINK_MS), secret) }));
}

const CACHE_VERSION = 1;

function readCache(file: string): Map<string, BodyFacts> {
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as { version: number; rules: string; facts: Record<string, BodyFacts> };
    // A cache from another version of the body rules would hide problems: start afresh.
    if (data.version === CACHE_VERSION && data.rules === rulesFingerprint()) return new Map(Object.entries(data.facts));
  } catch {
    // no cache yet, or unreadable: check everything
  }
  return new Map();
}

function writeCache(file: string, cache: Map<string, BodyFacts>) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ version: CACHE_VERSION, rules: rulesFingerprint(), facts: Object.fromEntries(cache) }));
}

/** The body rules' own source: a change to them invalidates every cached result. */
function rulesFingerprint(): string {
  const dir = path.join(__dirname, "..", "lib", "content", "body");
  const text = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  return createHash("sha256").update(text).digest("hex");
}

async function main() {
  const root = process.env.CONTENT_ROOT ? path.resolve(process.env.CONTENT_ROOT) : process.cwd();
  const now = new Date();
  const started = performance.now();
  // Incremental: bodies whose text was checked before are not parsed again (.ledger/check-cache.json,
  // keyed by the text's hash); the rest are parsed on every core.
  const cacheFile = path.join(root, ".ledger", "check-cache.json");
  const cache = readCache(cacheFile);
  const { content, errors, warnings, issues } = await checkContent(root, now, { cache, workers: os.availableParallelism() });
  writeCache(cacheFile, cache);

  for (const issue of issues) console.log(formatIssue(issue) + "\n");

  const hidden = content.stories.filter((s) => !isPublic(s, now));
  if (hidden.length) {
    console.log("Not public yet:");
    for (const s of hidden) {
      const state = s.status === "draft" ? "draft" : `scheduled for ${s.publishedAt.toISOString()}`;
      console.log(`  ${s.file}  (${state})\n    preview: ${previewLink(s.slug)}`);
    }
    console.log("");
  }

  const publicCount = content.stories.length - hidden.length;
  console.log(
    `Checked ${content.stories.length} stories (${publicCount} public) and ${content.authors.length} authors: ` +
      `${errors.length} error(s), ${warnings.length} warning(s).`,
  );
  console.log(`(${cache.size} bodies known to the check cache; ${Math.round(performance.now() - started)} ms)`);
  process.exitCode = errors.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
