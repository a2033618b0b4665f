/**
 * `npm run content:check`: validates every content file and prints every problem with its file,
 * field or line, what is wrong and how to fix it. Exits 1 on any error (warnings do not fail).
 */
import path from "node:path";
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

async function main() {
  const root = process.env.CONTENT_ROOT ? path.resolve(process.env.CONTENT_ROOT) : process.cwd();
  const now = new Date();
  const { content, errors, warnings, issues } = await checkContent(root, now);

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
  process.exitCode = errors.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
