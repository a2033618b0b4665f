/**
 * `npm run live:add -- <slug> --author <id> [--author <id>] [--title "..."] [--key] [--pin]
 * [--id <id>] [--time <ISO 8601>] "Text of the update."` adds an update at the top of a live
 * story (content/articles/<slug>.mdx) with the current time (or --time, for tests and
 * back-dating). The text may also come on standard input. Publish it with `npm run publish`.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { addLiveUpdate } from "../lib/content/live";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    author: { type: "string", multiple: true },
    title: { type: "string" },
    key: { type: "boolean", default: false },
    pin: { type: "boolean", default: false },
    id: { type: "string" },
    time: { type: "string" },
  },
});
const [slug, ...words] = positionals;
const usage = 'Usage: npm run live:add -- <slug> --author <id> [--title "..."] [--key] [--pin] [--id <id>] [--time <ISO 8601>] "Text."';
if (!slug || !values.author?.length) fail(usage);
const text = words.length ? words.join(" ") : fs.readFileSync(0, "utf8");
if (!text.trim()) fail(`No text: write it after the options, or pipe it in.\n${usage}`);
const now = values.time ? new Date(values.time) : new Date();
if (Number.isNaN(now.getTime())) fail(`--time "${values.time}" is not a date and time like 2026-11-25T14:05:00+00:00.`);

const contentDir = path.resolve(process.env.LEDGER_CONTENT_DIR ?? "content");
const file = path.join(contentDir, "articles", `${slug}.mdx`);
if (!fs.existsSync(file)) fail(`There is no story ${path.relative(process.cwd(), file)}.`);
const rel = path.relative(process.cwd(), file);
try {
  const { source, id } = addLiveUpdate(
    fs.readFileSync(file, "utf8"),
    { id: values.id, authors: values.author, title: values.title, keyEvent: values.key, pinned: values.pin, text },
    now,
    rel,
  );
  fs.writeFileSync(file, source);
  console.log(`Added update "${id}" at ${now.toISOString()} to ${rel}. Run \`npm run publish\` to send it to the site.`);
} catch (e) {
  fail((e as Error).message);
}
