import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./e2e/chromium";

/**
 * End-to-end tests against the real production build (`next build` runs before, in `npm test`).
 * Chromium comes from Debian (/usr/bin/chromium); set CHROMIUM_PATH to use another binary,
 * e.g. one of Playwright's own browsers.
 */
const executablePath = CHROMIUM_PATH;
const port = Number(process.env.E2E_PORT ?? 3100);
/** The server under test and the tests share this secret (the preview tests sign links with it). */
export const E2E_PREVIEW_SECRET = process.env.PREVIEW_SECRET ?? "e2e-preview-secret-not-for-production";

const launchOptions = { executablePath, args: CHROMIUM_FLAGS };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions,
    trace: "off",
  },
  projects: [
    {
      name: "phone",
      use: {
        ...devices["Pixel 7"],
        browserName: "chromium",
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
        launchOptions,
      },
    },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions },
    },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Canonical URLs, feeds and sitemaps name the server under test, as they would in production.
    env: { PREVIEW_SECRET: E2E_PREVIEW_SECRET, SITE_URL: `http://127.0.0.1:${port}` },
    stdout: "ignore",
    stderr: "pipe",
  },
});
