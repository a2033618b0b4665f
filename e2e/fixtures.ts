import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { PAGE_TYPES } from "./sample-pages";

/**
 * Every test fails on a console error or a failed request (other than the 404 document a
 * not-found test asks for itself).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error" && !/status of 404/.test(msg.text())) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      page.on("response", (res) => {
        const isDocument = res.request().resourceType() === "document";
        if (res.status() >= 400 && !(isDocument && res.status() === 404)) errors.push(`${res.status()} ${res.url()}`);
      });
      await use(errors);
      expect(errors, "console errors and failed requests").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/** Lazy images load as they scroll into view; bring them all in before looking at them. */
export async function loadAllImages(page: Page) {
  await page.evaluate(async () => {
    for (const img of Array.from(document.images)) img.loading = "eager";
    await Promise.all(
      Array.from(document.images).map((img) => (img.complete ? null : new Promise((r) => ((img.onload = r), (img.onerror = r))))),
    );
  });
}
