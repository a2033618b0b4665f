import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";
import { expect, PAGE_TYPES, test } from "./fixtures";

/**
 * Lighthouse's accessibility, best-practices and SEO categories, from npm, driving the same
 * Chromium as the other tests, on every page type. Scores only: timings belong in bench/
 * (npm run bench:lighthouse).
 */
test.skip(({ isMobile }) => isMobile, "Lighthouse emulates its own device");
test.describe.configure({ mode: "serial", timeout: 120_000 });

const CATEGORIES = ["accessibility", "best-practices", "seo"] as const;

for (const [type, url] of Object.entries(PAGE_TYPES).filter(([type]) => type !== "notFound")) {
  test(`Lighthouse accessibility, best practices and SEO are 100 on the ${type} page (${url})`, async ({ baseURL }) => {
    const { default: lighthouse } = await import("lighthouse");
    const chromeLauncher = await import("chrome-launcher");
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
    });
    try {
      const result = await lighthouse(`${baseURL}${url}`, {
        port: chrome.port,
        onlyCategories: [...CATEGORIES],
        output: "json",
        logLevel: "error",
      });
      const lhr = result!.lhr;
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && category.auditRefs.some((r) => r.id === a.id && r.weight > 0))
          .map((a) => `${a.id}: ${a.title}`);
        expect(failing, id).toEqual([]);
        expect(category.score, id).toBe(1);
      }
    } finally {
      await chrome.kill();
    }
  });
}
