import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { copyRepoToTmp } from "../ops/topology";
import { withBuildLock } from "./build-lock";
import { expect, test } from "./fixtures";
import { articlePath, feedPath, FRONT_PATH } from "../lib/routes";

/**
 * A story body is data, never code: a body that tries to print the server's secret never gets it
 * to a reader, whichever way it comes in. On a copy of the site:
 *  - run time: a built, running site whose story file is edited to hold the expression; the page
 *    and the feeds re-read it (the feed drops the bad body) and never show the secret;
 *  - build: the content check names the file and line, and `next build` fails on the story, with
 *    the secret nowhere in what it wrote.
 */
const PORT = 3198;
const SECRET = "e2e-body-secret-4f9c1a7d2b";
const LEAK = "The secret is {process.env.PREVIEW_SECRET} and the code is {1 + 1}.";
const STORY = "orlen-river-otters-return";

test.describe.configure({ timeout: 900_000 });
test.skip(({ isMobile }) => isMobile, "one run is enough");

let dir = "";
let server: ChildProcess | undefined;

const stopServer = () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  server = undefined;
};
test.afterAll(() => {
  stopServer();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function grepTree(root: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.readFileSync(file).includes(needle)) hits.push(path.relative(root, file));
  }
  return hits;
}

test("a body with {process.env.PREVIEW_SECRET} never shows the secret: not at run time, not at build", async ({ request }) => {
  dir = copyRepoToTmp(`body-data-${process.pid}`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PREVIEW_SECRET: SECRET, SITE_URL: `http://127.0.0.1:${PORT}` };

  // Run time: a clean build, then the story file changes under the running server.
  const build = await withBuildLock(() => spawnSync("node_modules/.bin/next", ["build"], { cwd: dir, encoding: "utf8", env }));
  expect(build.status, build.stdout + build.stderr).toBe(0);
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: dir,
    detached: true,
    stdio: "ignore",
    env,
  });
  const base = `http://127.0.0.1:${PORT}`;
  await expect.poll(async () => (await request.get(`${base}${FRONT_PATH}`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);

  const file = path.join(dir, "content/articles", `${STORY}.mdx`);
  fs.appendFileSync(file, `\n${LEAK}\n`);
  const urls = [articlePath(STORY), feedPath(), feedPath("section", "science")];
  const itemOf = (xml: string) => xml.slice(xml.indexOf(`${articlePath(STORY)}</link>`)).split("</item>")[0];
  // The feeds revalidate every 30 s; once they have re-read the file, the story's item has no body.
  await expect
    .poll(
      async () => {
        for (const url of urls) expect(await (await request.get(`${base}${url}`)).text(), url).not.toContain(SECRET);
        return itemOf(await (await request.get(`${base}${feedPath()}`)).text()).includes("<content:encoded>");
      },
      { timeout: 120_000, intervals: [3_000] },
    )
    .toBe(false);
  for (const url of urls) {
    const res = await request.get(`${base}${url}`);
    expect(res.status(), url).toBe(200);
    expect(await res.text(), url).not.toContain(SECRET);
  }
  stopServer();

  // Build: the check names the file and the line; the build refuses the story.
  const check = spawnSync("node_modules/.bin/tsx", ["scripts/content-check.ts"], { cwd: dir, encoding: "utf8", env });
  expect(check.status).toBe(1);
  const line =
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .findIndex((l) => l.includes("{process.env")) + 1;
  expect(check.stdout).toContain(`content/articles/${STORY}.mdx:${line}`);
  expect(check.stdout).toContain("`{process.env.PREVIEW_SECRET}` expression: a story body is text, not code");
  expect(check.stdout + check.stderr).not.toContain(SECRET);

  fs.rmSync(path.join(dir, ".next"), { recursive: true, force: true });
  const leakyBuild = await withBuildLock(() => spawnSync("node_modules/.bin/next", ["build"], { cwd: dir, encoding: "utf8", env }));
  expect(leakyBuild.status, "next build must refuse the story").not.toBe(0);
  expect(leakyBuild.stdout + leakyBuild.stderr).toContain(`content/articles/${STORY}.mdx:${line}`);
  expect(leakyBuild.stdout + leakyBuild.stderr).not.toContain(SECRET);
  expect(grepTree(path.join(dir, ".next"), SECRET), "files under .next holding the secret").toEqual([]);
});
