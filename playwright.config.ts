import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./e2e/chromium";
import { E2E_ORIGIN, E2E_PORT, e2eEnv } from "./e2e/server-env";
import { NEXT_LISTEN_HOST, nextListenEnv } from "./ops/listen-host";

/**
 * End-to-end tests against the real production build (`npm run test:build` runs before, in
 * `npm test`). Chromium comes from Debian (/usr/bin/chromium); set CHROMIUM_PATH to use another
 * binary, e.g. one of Playwright's own browsers.
 *
 * The build and the server use the e2e site's environment (e2e/server-env.ts): a prepared copy of
 * the content in .e2e-tmp/content, its own index, and secrets shared with the tests. The test
 * processes get the same LEDGER_* variables, so a test that reads the content (the sitemap test's
 * list of public stories) reads the copy the server serves.
 */
const executablePath = CHROMIUM_PATH;
const env = e2eEnv();
Object.assign(process.env, { LEDGER_CONTENT_DIR: env.LEDGER_CONTENT_DIR, LEDGER_INDEX: env.LEDGER_INDEX });

export { E2E_PREVIEW_SECRET } from "./e2e/server-env";

const launchOptions = { executablePath, args: CHROMIUM_FLAGS };
const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions };

/**
 * The specs that change what the site shows (they publish stories to the running server) run in a
 * project of their own, one at a time, after the others: a story they publish would otherwise
 * appear under the feet of tests that count feed items or compare the sitemap with the sample.
 * If a test of the other projects fails, Playwright skips this one. To run only these:
 * `npx playwright test --project=publish --no-deps`.
 */
const PUBLISHING_SPECS = /\/(publish|scheduled|body-is-data|live-publish)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: E2E_ORIGIN,
    launchOptions,
    trace: "off",
  },
  projects: [
    {
      name: "phone",
      testIgnore: PUBLISHING_SPECS,
      use: {
        ...devices["Pixel 7"],
        browserName: "chromium",
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
        launchOptions,
      },
    },
    { name: "desktop", testIgnore: PUBLISHING_SPECS, use: desktop },
    { name: "publish", testMatch: PUBLISHING_SPECS, dependencies: ["phone", "desktop"], workers: 1, use: desktop },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${E2E_PORT} -H ${NEXT_LISTEN_HOST}`,
    url: `${E2E_ORIGIN}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Canonical URLs, feeds and sitemaps name the server under test (SITE_URL), as they would in
    // production; the index and the content copy are the ones `npm run test:build` prepared.
    env: { ...env, ...nextListenEnv() },
    stdout: "ignore",
    stderr: "pipe",
  },
});
