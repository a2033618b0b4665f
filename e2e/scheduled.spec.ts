import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { copyRepoToTmp } from "../ops/topology";
import { withBuildLock } from "./build-lock";
import { expect, test } from "./fixtures";
import { SCHEDULED_TEST_STORY, writeScheduledStory } from "./scheduled-story";
import { articlePath, feedPath, FRONT_PATH } from "../lib/routes";

/**
 * Scheduled publishing without a rebuild: build a copy of the site with one story scheduled a
 * little after the server will be up, then watch it appear on its page and the front page.
 */
const PORT = 3199;
const { slug: SLUG, title: TITLE } = SCHEDULED_TEST_STORY;
const LEAD_TIME_MS = 150_000;

test.describe.configure({ timeout: 900_000 }); // it may wait for another spec's build first
test.skip(({ isMobile }) => isMobile, "one run is enough");

let dir = "";
let server: ChildProcess | undefined;

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("a scheduled story goes live on its own within a minute of its time", async ({ request }) => {
  dir = copyRepoToTmp(`scheduled-${process.pid}`);
  // The lead time starts once this spec has the machine to itself for its build.
  const { publishAt, build } = await withBuildLock(() => {
    const publishAt = new Date(Date.now() + LEAD_TIME_MS);
    writeScheduledStory(dir, publishAt);
    return {
      publishAt,
      build: spawnSync("node_modules/.bin/next", ["build"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      }),
    };
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: dir, detached: true, stdio: "ignore" });
  const base = `http://127.0.0.1:${PORT}`;
  await expect.poll(async () => (await request.get(`${base}${FRONT_PATH}`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);

  // Before its time: hidden everywhere.
  expect(Date.now()).toBeLessThan(publishAt.getTime());
  expect((await request.get(`${base}${articlePath(SLUG)}`)).status()).toBe(404);
  expect(await (await request.get(`${base}${FRONT_PATH}`)).text()).not.toContain(TITLE);

  // After its time: visible within 60 s, with no rebuild.
  await new Promise((r) => setTimeout(r, Math.max(0, publishAt.getTime() - Date.now())));
  const deadline = { timeout: 60_000, intervals: [2_000] };
  await expect.poll(async () => (await request.get(`${base}${articlePath(SLUG)}`)).status(), deadline).toBe(200);
  await expect.poll(async () => (await (await request.get(`${base}${FRONT_PATH}`)).text()).includes(TITLE), deadline).toBe(true);
  await expect.poll(async () => (await (await request.get(`${base}${feedPath()}`)).text()).includes(TITLE), deadline).toBe(true);
  console.log(`scheduled story visible ${Math.round((Date.now() - publishAt.getTime()) / 1000)} s after its time`);
});
