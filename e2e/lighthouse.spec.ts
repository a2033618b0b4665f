import { expect, PAGE_TYPES, test } from "./fixtures";

/**
 * Lighthouse's SEO category, from npm, driving the same Chromium as the other tests.
 * Scores only: timings belong in bench/.
 */
test.skip(({ isMobile }) => isMobile, "Lighthouse emulates its own device");
test.describe.configure({ mode: "serial", timeout: 120_000 });

for (const url of [PAGE_TYPES.article, PAGE_TYPES.section, PAGE_TYPES.front]) {
  test(`Lighthouse SEO is 100 on ${url}`, async ({ baseURL }) => {
    const { default: lighthouse } = await import("lighthouse");
    const chromeLauncher = await import("chrome-launcher");
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const result = await lighthouse(`${baseURL}${url}`, { port: chrome.port, onlyCategories: ["seo"], output: "json", logLevel: "error" });
      const lhr = result!.lhr;
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && lhr.categories.seo.auditRefs.some((r) => r.id === a.id && r.weight > 0))
        .map((a) => `${a.id}: ${a.title}`);
      expect(failing).toEqual([]);
      expect(lhr.categories.seo.score).toBe(1);
    } finally {
      await chrome.kill();
    }
  });
}
