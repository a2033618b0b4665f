import AxeBuilder from "@axe-core/playwright";
import { expect, loadAllImages, PAGE_TYPES, seriousAxeViolations, test } from "./fixtures";

for (const [type, url] of Object.entries(PAGE_TYPES)) {
  test.describe(`${type} page (${url})`, () => {
    test("axe finds no serious or critical violation", async ({ page }) => {
      await page.goto(url);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    test("in dark mode too", async ({ page }) => {
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(url);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    test("every control's accessible name contains its visible label (WCAG 2.5.3)", async ({ page }) => {
      await page.goto(url);
      // An experimental axe rule, so not in the tag set above: named here to run it.
      const results = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
      expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
    });

    test("landmarks, one h1, a skip link first", async ({ page }) => {
      await page.goto(url);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("header.site-header")).toHaveCount(1);
      await expect(page.locator("main#main")).toHaveCount(1);
      await expect(page.locator("footer.site-footer")).toHaveCount(1);
      expect(await page.getByRole("navigation").count()).toBeGreaterThanOrEqual(2);

      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      await expect(focused).toHaveText("Skip to content");
      await expect(focused).toBeVisible();
      // The focus ring is drawn, not hidden.
      expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/#main$/);
    });

    test("nothing overflows sideways and every image has alt text and a size", async ({ page }) => {
      await page.goto(url);
      await loadAllImages(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      const images = await page.locator("img").evaluateAll((imgs) =>
        imgs.map((img) => ({
          src: img.getAttribute("src"),
          alt: img.getAttribute("alt"),
          w: img.getAttribute("width"),
          h: img.getAttribute("height"),
          loaded: (img as HTMLImageElement).naturalWidth > 0,
        })),
      );
      for (const img of images) {
        expect(img.alt, `alt of ${img.src}`).not.toBeNull();
        expect(img.w && img.h, `width/height of ${img.src}`).toBeTruthy();
        expect(img.loaded, `${img.src} loads`).toBe(true);
      }
    });
  });
}

test("focus is never hidden: every link on the article is in view when focused", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard focus order is checked at desktop size");
  await page.goto(PAGE_TYPES.article);
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    // Smooth scrolling brings the focused element in over a few frames: poll, don't snapshot.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return true;
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
        }),
      )
      .toBe(true);
  }
});

test("interactive targets are at least 24 by 24 px outside running text", async ({ page }) => {
  await page.goto(PAGE_TYPES.article);
  const small = await page.locator("header a, nav a, .author-box a, .follow-widget a, footer a").evaluateAll((links) =>
    links
      .map((a) => ({ text: a.textContent?.trim(), r: a.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(({ text, r }) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
});

test("reduced motion turns off smooth scrolling", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(PAGE_TYPES.article);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
});
