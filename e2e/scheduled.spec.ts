import fs from "node:fs";
import { expect, test } from "./fixtures";
import { removeStory, runPublish, storyFile, storyStatus, urlsWith, urlsWithout } from "./publishing";
import { SCHEDULED_TEST_STORY, scheduledStorySource } from "./scheduled-story";
import { E2E_ORIGIN } from "./server-env";
import { articlePath, feedPath, FRONT_PATH } from "../lib/routes";

/**
 * Scheduled publishing without a rebuild: a story published to the running server a minute
 * before its time is hidden until then, and then goes live on its own (its page, the front page,
 * the feed) within 60 s, with no rebuild and no second publish.
 */
const { slug: SLUG, title: TITLE } = SCHEDULED_TEST_STORY;
const LEAD_TIME_MS = 60_000;
const LISTS = [FRONT_PATH, feedPath()];

test.describe.configure({ timeout: 240_000 });

test.afterAll(async () => {
  if (removeStory(SLUG)) {
    const cleanup = await runPublish(E2E_ORIGIN);
    expect(cleanup.code, cleanup.output).toBe(0);
  }
});

test("a scheduled story goes live on its own within a minute of its time", async ({ request, baseURL }) => {
  const publishAt = new Date(Math.ceil((Date.now() + LEAD_TIME_MS) / 1000) * 1000);
  fs.writeFileSync(storyFile(SLUG), scheduledStorySource(publishAt));
  const published = await runPublish(baseURL!);
  expect(published.code, published.output).toBe(0);

  // Before its time: hidden everywhere.
  expect(await storyStatus(request, SLUG)).toBe(404);
  expect(await urlsWith(request, LISTS, TITLE)).toEqual([]);
  expect(Date.now(), "still before its time after the checks").toBeLessThan(publishAt.getTime());

  // After its time: visible everywhere within 60 s, with no rebuild.
  await new Promise((r) => setTimeout(r, Math.max(0, publishAt.getTime() - Date.now())));
  await expect.poll(() => urlsWithout(request, [articlePath(SLUG), ...LISTS], TITLE), { timeout: 60_000, intervals: [2_000] }).toEqual([]);
  console.log(
    `scheduled story visible on its page, the front page and the feed ${Math.round((Date.now() - publishAt.getTime()) / 1000)} s after its time`,
  );
});
