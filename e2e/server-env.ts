/**
 * The site under test, as `npm run test:build` builds it and Playwright's server runs it: one
 * place for its port, its content, its index and its secrets, shared by playwright.config.ts,
 * scripts/e2e-content.ts and the specs that publish. Plain data, no Playwright.
 *
 * The tests never use content/ itself: they use a copy (.e2e-tmp/content) in which the sample's
 * scheduled stories are re-dated relative to the clock when the copy is made (see
 * scripts/e2e-content.ts), so no test depends on the calendar, and the specs that publish can
 * write into it without touching the checkout's content.
 */
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

/** The prepared copy of content/ that the e2e build indexes and the publish specs write into. */
export const E2E_CONTENT_DIR = path.join(ROOT, ".e2e-tmp", "content");
/** The e2e site's own content index (never the checkout's .ledger/index.sqlite). */
export const E2E_INDEX = path.join(ROOT, ".e2e-tmp", "e2e-index.sqlite");

/** The server under test and the tests share these (previews sign links; publishes authenticate). */
export const E2E_PREVIEW_SECRET = process.env.PREVIEW_SECRET ?? "e2e-preview-secret-not-for-production";
export const E2E_PUBLISH_SECRET = "e2e-publish-secret-not-for-production";

/**
 * The e2e build prerenders only the newest few stories, so that the sample (about 20 stories) has
 * archive stories that render on their first request, as most of a real archive does.
 */
export const E2E_PRERENDER_STORIES = 5;

/** The environment of the e2e build, its server and the commands the tests run against it. */
export function e2eEnv(): Record<string, string> {
  return {
    SITE_URL: E2E_ORIGIN,
    PREVIEW_SECRET: E2E_PREVIEW_SECRET,
    LEDGER_CONTENT_DIR: E2E_CONTENT_DIR,
    LEDGER_INDEX: E2E_INDEX,
    LEDGER_PUBLISH_SECRET: E2E_PUBLISH_SECRET,
    LEDGER_PRERENDER_STORIES: String(E2E_PRERENDER_STORIES),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
