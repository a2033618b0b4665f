/**
 * `npm run new:article -- --title "..." --section <id> --author <id>`: creates a draft story file
 * named after the title, with every required field filled in or marked TODO, and never
 * overwrites an existing story.
 */
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { loadContent } from "../lib/content/load";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const title = option("title")?.trim();
const section = option("section");
const author = option("author");
if (!title || !section || !author) fail('Usage: npm run new:article -- --title "Headline" --section <id> --author <id>');

const root = process.cwd();
const content = loadContent({ root });
if (!content.sections.some((s) => s.id === section))
  fail(`Unknown section "${section}". Use one of: ${content.sections.map((s) => s.id).join(", ")}.`);
if (!content.authors.some((a) => a.id === author))
  fail(
    `Unknown author "${author}". Use one of: ${content.authors.map((a) => a.id).join(", ")}, or add content/authors/${author}.mdx first.`,
  );

const slug = title
  .toLowerCase()
  .normalize("NFKD")
  .replace(/[\u0300-\u036f]/g, "")
  .replace(/[^a-z0-9]+/g, "-")
  .replace(/^-+|-+$/g, "")
  .split("-")
  .slice(0, 8)
  .join("-");
if (!slug) fail("The title has no letters or digits to make a file name from.");
const file = path.join(root, "content", "articles", `${slug}.mdx`);
if (fs.existsSync(file)) fail(`content/articles/${slug}.mdx already exists: choose another title or edit that file.`);

// Tomorrow at 07:00 UTC as a placeholder time; it stays hidden while status is draft.
const when = new Date();
when.setUTCDate(when.getUTCDate() + 1);
when.setUTCHours(7, 0, 0, 0);

const frontmatter = stringify(
  {
    title,
    dek: "TODO: one or two sentences under the headline.",
    section,
    type: "news",
    status: "draft",
    authors: [author],
    publishedAt: when.toISOString().replace(".000Z", "+00:00"),
    tags: [],
  },
  { lineWidth: 0 },
);
// A draft may go without its lead image; a published story needs one, so the block is ready.
const imageTemplate = `# Required before publishing: uncomment and fill in.
# image:
#   src: /images/articles/${slug}.jpg
#   alt: TODO what the picture shows
#   caption: TODO who is shown, doing what, where
#   credit: TODO Agency photo by First Last
`;
const body = "TODO: the first paragraph: who, what, when and where, with attribution.\n";
fs.writeFileSync(file, `---\n${frontmatter}${imageTemplate}---\n\n${body}`);
console.log(`Created content/articles/${slug}.mdx (a draft: readers cannot see it).`);
console.log("Next: fill in the TODOs, add the image under public/images/articles/, then run npm run content:check.");
