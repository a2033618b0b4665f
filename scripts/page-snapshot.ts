/**
 * `npm run snapshot -- save <base-url> <dir>` saves what readers and feed readers get for every
 * sample story (page, and in preview the hidden ones), the list pages and the feeds;
 * `npm run snapshot -- diff <dir-a> <dir-b>` compares two such snapshots with build-specific
 * parts (chunk names, the RSC payload, build dates) taken out. For changes that must not change
 * what readers see: save before, save after, diff.
 */
import fs from "node:fs";
import path from "node:path";
import { articlePath, feedPath, FRONT_PATH, listPath, previewPath } from "../lib/routes";

const normalise = (text: string) =>
  text
    .replace(/\/_next\/static\/[^"'\s)]+/g, "/_next/static/X")
    .replace(/<script[^>]*>self\.__next_f\.push[\s\S]*?<\/script>/g, "")
    .replace(/(<script[^>]*src="\/_next\/static\/X"[^>]*><\/script>)+/g, "")
    .replace(/<lastBuildDate>.*?<\/lastBuildDate>/g, "")
    // Build-specific: the share card's content hash, and where Next puts its font-metrics marker.
    .replace(/opengraph-image\?[0-9a-f]+/g, "opengraph-image?X")
    .replace(/static\/chunks\/[\w.-]+/g, "static/chunks/X")
    .replace(/<meta name="next-size-adjust" content=""\/>/g, "");

/** The first place two texts part, with some context, so a reviewer sees what changed. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `    at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 120))}\n      vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 120))}`;
}

async function save(base: string, dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const slugs = fs
    .readdirSync("content/articles")
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => f.slice(0, -4));
  const sections = [...fs.readFileSync("content/sections.yaml", "utf8").matchAll(/^- id: (\S+)/gm)].map((m) => m[1]);
  const urls = [
    FRONT_PATH,
    feedPath(),
    feedPath("author", "mara-okafor"),
    listPath("tag", "harlow-pass"),
    listPath("author", "mara-okafor"),
    ...slugs.map(articlePath),
    ...sections.flatMap((s) => [listPath("section", s), feedPath("section", s)]),
  ];
  const write = (name: string, body: string) =>
    fs.writeFileSync(path.join(dir, name.replace(/^\//, "").replace(/\//g, "_") || "front"), body);
  for (const url of urls) {
    const res = await fetch(base + url);
    write(url, `${res.status}\n${await res.text()}`);
  }
  // Hidden stories, as an editor previews them. The editors' secret opens preview for every story,
  // but the route wants a slug to land on: without one it answers 404 and sets no cookie.
  const secret = process.env.PREVIEW_SECRET;
  if (secret) {
    // The editors' form: the secret in the body (never in a URL).
    const open = await fetch(`${base}${previewPath()}`, {
      method: "POST",
      body: new URLSearchParams({ secret, slug: slugs[0] }),
      redirect: "manual",
    });
    if (open.status !== 303) throw new Error(`preview did not open (${open.status}): is PREVIEW_SECRET the server's?`);
    const cookie = open.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    for (const slug of slugs) write(`preview_${slug}`, await (await fetch(`${base}${articlePath(slug)}`, { headers: { cookie } })).text());
  }
  console.log(`Saved ${fs.readdirSync(dir).length} responses from ${base} in ${dir}`);
}

function diff(a: string, b: string) {
  const names = [...new Set([...fs.readdirSync(a), ...fs.readdirSync(b)])].sort();
  const changed = names.filter(
    (n) =>
      !fs.existsSync(path.join(a, n)) ||
      !fs.existsSync(path.join(b, n)) ||
      normalise(fs.readFileSync(path.join(a, n), "utf8")) !== normalise(fs.readFileSync(path.join(b, n), "utf8")),
  );
  for (const n of changed) {
    console.log(`differs: ${n}`);
    if (fs.existsSync(path.join(a, n)) && fs.existsSync(path.join(b, n))) {
      console.log(
        firstDifference(normalise(fs.readFileSync(path.join(a, n), "utf8")), normalise(fs.readFileSync(path.join(b, n), "utf8"))),
      );
    }
  }
  console.log(`${names.length - changed.length} of ${names.length} responses the same`);
  process.exitCode = changed.length ? 1 : 0;
}

async function main() {
  const [command, x, y] = process.argv.slice(2);
  if (command === "save" && x && y) await save(x.replace(/\/$/, ""), y);
  else if (command === "diff" && x && y) diff(x, y);
  else {
    console.error("usage: npm run snapshot -- save <base-url> <dir> | diff <dir-a> <dir-b>");
    process.exitCode = 2;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
