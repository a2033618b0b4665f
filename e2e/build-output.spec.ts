import fs from "node:fs";
import path from "node:path";
import { expect, PAGE_TYPES, test } from "./fixtures";
import { ROOT, storyFile } from "./publishing";
import { E2E_CONTENT_DIR } from "./server-env";

/**
 * Stories are data read at run time, never an input of the build (issue 10): at 100,000 stories,
 * Turbopack traced every story file into a route's output (a `path.join(root, "content")` it could
 * follow) and Tailwind read all 564 MB of them looking for class names, and `next build` took 2.2
 * times the sample's. These check the e2e build's own output.
 */
/** The checkout's content folder and the e2e site's copy of it. */
const CONTENT_DIRS = [path.join(ROOT, "content"), E2E_CONTENT_DIR].map((dir) => path.resolve(dir) + path.sep);

function traceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".nft.json"))
    .map((name) => path.join(dir, name));
}

test("no route's file trace holds a story or an author file", () => {
  const traces = traceFiles(path.join(ROOT, ".next", "server"));
  expect(traces.length, "the build wrote file traces").toBeGreaterThan(0);
  const traced = traces.flatMap((trace) => {
    const { files } = JSON.parse(fs.readFileSync(trace, "utf8")) as { files: string[] };
    return files.map((f) => path.resolve(path.dirname(trace), f)).filter((f) => CONTENT_DIRS.some((dir) => f.startsWith(dir)));
  });
  expect(traced).toEqual([]);
});

test("the stylesheet is made from the site's code, not from words in stories", async ({ request }) => {
  // "collapse" is a Tailwind utility and a word in a sample story; no component uses it.
  expect(fs.readFileSync(storyFile("coalition-talks-stall-over-housing"), "utf8")).toMatch(/\bcollapse\b/);
  const html = await (await request.get(PAGE_TYPES.article)).text();
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(([, href]) => href);
  expect(sheets.length, "the page links its stylesheet").toBeGreaterThan(0);
  for (const href of sheets) {
    const css = await (await request.get(href)).text();
    expect(css, "a rule the site's own code needs").toMatch(/\.sr-only\{/);
    expect(css, href).not.toMatch(/\.collapse\{/);
  }
});
