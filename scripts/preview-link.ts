/**
 * `npm run preview:link -- <slug> [--expires 48h]`: prints a link a reviewer can open to see one
 * unpublished story, without holding the site's secret. The link carries a token signed with
 * PREVIEW_SECRET (the server must have the same value) and stops working when it expires.
 */
import { loadContent } from "../lib/content/load";
import { isPublic } from "../lib/content/visibility";
import { createToken, parseDuration, previewSecret } from "../lib/preview/token";
import { absoluteUrl, previewPath } from "../lib/routes";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const slug = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--expires");
const expiresArg = args.includes("--expires") ? args[args.indexOf("--expires") + 1] : "48h";
if (!slug) fail("Usage: npm run preview:link -- <slug> [--expires 48h]   (m, h or d)");
const ms = parseDuration(expiresArg ?? "");
if (!ms) fail(`--expires "${expiresArg}" is not a duration: use e.g. 90m, 48h or 7d.`);
const secret = previewSecret();
if (!secret) fail("PREVIEW_SECRET is not set (at least 16 characters): set it to the same value the server uses.");

const content = loadContent({ root: process.cwd() });
const story = content.stories.find((s) => s.slug === slug);
if (!story) fail(`There is no story content/articles/${slug}.mdx (or it has errors: run npm run content:check).`);

const expiresAt = new Date(Date.now() + ms);
const link = absoluteUrl(previewPath({ token: createToken(slug, expiresAt, secret) }));
console.log(link);
console.error(
  isPublic(story, new Date())
    ? `Note: "${story.title}" is already public; the link simply opens it.`
    : `Opens a preview of "${story.title}" until ${expiresAt.toISOString()}.`,
);
