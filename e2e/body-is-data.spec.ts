import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { ROOT, runCommand, runPublish, siteManifest, storyFile, storyLabel } from "./publishing";
import { E2E_PREVIEW_SECRET, E2E_PUBLISH_SECRET } from "./server-env";
import { articlePath, feedPath } from "../lib/routes";

/**
 * A story body is data, never code: a body that tries to print the server's secret never gets it
 * to a reader, whichever way it comes in. On the running e2e site, a sample story's file is edited
 * to hold the expression (PREVIEW_SECRET is set for the server and for every command run here):
 *  - `npm run publish` refuses it, naming the file and the line, and the site keeps the story as it
 *    was; so does POST /api/publish when a CMS sends the file itself;
 *  - the build's first step, `npm run content:index` (then `next build` never runs), and the
 *    content check refuse it the same way, and the index it would have written holds nothing of it.
 * Nothing they print, and nothing the site serves, holds the secret.
 */
const SECRET = E2E_PREVIEW_SECRET;
const LEAK = "The secret is {process.env.PREVIEW_SECRET} and the code is {1 + 1}.";
const STORY = "orlen-river-otters-return";
const MESSAGE = "`{process.env.PREVIEW_SECRET}` expression: a story body is text, not code";

const file = storyFile(STORY);
const original = fs.readFileSync(file, "utf8");
const scratchIndex = path.join(ROOT, ".e2e-tmp", `body-is-data-index-${process.pid}.sqlite`);

test.afterAll(() => {
  fs.writeFileSync(file, original);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(scratchIndex + suffix, { force: true });
});

test("a body with {process.env.PREVIEW_SECRET} never shows the secret: not through a publish, not at build", async ({
  request,
  baseURL,
}) => {
  const urls = [articlePath(STORY), feedPath(), feedPath("section", "science")];
  const before = await siteManifest(request);
  fs.writeFileSync(file, `${original}\n${LEAK}\n`);
  const line = fs.readFileSync(file, "utf8").split("\n").indexOf(LEAK) + 1;
  const where = `${storyLabel(STORY)}:${line}`;

  await test.step("npm run publish refuses it", async () => {
    const publish = await runPublish(baseURL!);
    expect(publish.code, publish.output).toBe(1);
    expect(publish.output).toContain(where);
    expect(publish.output).toContain(MESSAGE);
    expect(publish.output).not.toContain(SECRET);
  });

  await test.step("POST /api/publish refuses it", async () => {
    const res = await request.post("/api/publish", {
      headers: { Authorization: `Bearer ${E2E_PUBLISH_SECRET}` },
      data: { changes: [{ path: `articles/${STORY}.mdx`, source: fs.readFileSync(file, "utf8") }] },
    });
    expect(res.status()).toBe(422);
    const body = await res.text();
    expect(body).toContain(MESSAGE);
    expect(body).not.toContain(SECRET);
  });

  await test.step("the site is unchanged and never shows the secret", async () => {
    expect(await siteManifest(request)).toEqual(before);
    for (const url of urls) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      const text = await res.text();
      expect(text, url).not.toContain(SECRET);
      expect(text, url).not.toContain("The secret is");
    }
  });

  await test.step("the build's index step and the content check refuse it", async () => {
    const env = { LEDGER_INDEX: scratchIndex };
    const index = await runCommand("npm", ["run", "--silent", "content:index"], env);
    expect(index.code, "npm run content:index (the first step of npm run build) must refuse the story").toBe(1);
    expect(index.output).toContain(where);
    expect(index.output).toContain(MESSAGE);
    expect(index.output).toContain("Index not updated");
    expect(index.output).not.toContain(SECRET);
    for (const suffix of ["", "-wal"]) {
      const written = fs.existsSync(scratchIndex + suffix) ? fs.readFileSync(scratchIndex + suffix) : Buffer.alloc(0);
      expect(written.includes("The secret is"), `the index${suffix} holds the body`).toBe(false);
    }

    const check = await runCommand("npm", ["run", "--silent", "content:check"], env);
    expect(check.code).toBe(1);
    expect(check.output).toContain(where);
    expect(check.output).toContain(MESSAGE);
    expect(check.output).not.toContain(SECRET);
  });
});
