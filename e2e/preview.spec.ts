import { createHmac } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { E2E_PREVIEW_SECRET } from "../playwright.config";
import { expect, test } from "./fixtures";
import { DRAFT, HIDDEN_MARKERS, SCHEDULED } from "./hidden-stories";
import { FLAGSHIP_PATH, FLAGSHIP_SLUG } from "./sample-pages";
import {
  articlePath,
  cropPath,
  feedPath,
  FRONT_PATH,
  listPath,
  NEWS_SITEMAP_PATH,
  previewExitPath,
  previewPath,
  SITEMAP_PATH,
} from "../lib/routes";

const WORLD = listPath("section", "world");

/** A shared-link token made the way `npm run preview:link` makes it. */
function linkToken(slug: string, expiresAt: number, secret = E2E_PREVIEW_SECRET) {
  const payload = `${slug}.${expiresAt}`;
  return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
}

/** Opens a preview as an editor does: the form at /api/preview, the secret typed in (never in the URL). */
async function openPreviewWithSecret(page: Page, slug: string) {
  await page.goto(previewPath({ slug }));
  await page.getByLabel("Preview secret").fill(E2E_PREVIEW_SECRET);
  const story = page.waitForResponse((r) => new URL(r.url()).pathname === `/articles/${slug}` && r.request().isNavigationRequest());
  await page.getByRole("button", { name: "Open the preview" }).click();
  const response = await story;
  await page.waitForURL(`**/articles/${slug}`); // and its load event, as page.goto would
  return response;
}

/** The form's POST, as a script sends it. */
const postPreviewForm = (request: APIRequestContext, form: Record<string, string>, headers: Record<string, string> = {}) =>
  request.post(previewPath(), { form, headers, maxRedirects: 0 });

test.describe("editors' preview", () => {
  test("with the secret, a draft and a scheduled story render at their URLs with banner and noindex", async ({ page }) => {
    for (const story of [DRAFT, SCHEDULED]) {
      const res = await openPreviewWithSecret(page, story.slug);
      expect(res?.status()).toBe(200);
      await expect(page).toHaveURL(new RegExp(`${articlePath(story.slug)}$`));
      expect(res?.headers()["x-robots-tag"]).toContain("noindex");
      expect(res?.headers()["cache-control"]).toMatch(/private/);
      expect(res?.headers()["cache-control"]).toMatch(/no-store/);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
      await expect(page.locator("h1")).toContainText(story.markers[0]);
      const banner = page.locator(".preview-banner");
      await expect(banner).toBeVisible();
      await expect(banner).toContainText("Preview");
      await expect(banner.locator(".preview-status")).toContainText(story === DRAFT ? "Draft" : "Scheduled for");
      expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    }
    // List pages show hidden stories too, marked as such.
    await page.goto(WORLD);
    await expect(page.locator(".story-card", { hasText: DRAFT.markers[0] }).locator(".hidden-state")).toHaveText("Draft");
    await page.goto(FRONT_PATH);
    await expect(page.locator(".story-card", { hasText: SCHEDULED.markers[0] }).locator(".hidden-state")).toContainText("Scheduled for");
  });

  test("exit turns preview off and returns to the page", async ({ page }) => {
    await openPreviewWithSecret(page, DRAFT.slug);
    await page.goto(WORLD);
    await page.locator(".preview-banner").getByRole("link", { name: "Exit preview" }).click();
    await expect(page).toHaveURL(new RegExp(`${WORLD}$`));
    await expect(page.locator(".preview-banner")).toHaveCount(0);
    await expect(page.getByText(DRAFT.markers[0])).toHaveCount(0);
    const res = await page.goto(articlePath(DRAFT.slug));
    expect(res?.status()).toBe(404);
  });

  test("a wrong or missing secret gets 401 and no cookie; an unknown slug gets 404", async ({ request }) => {
    for (const form of [{ secret: "wrong", slug: DRAFT.slug }, { slug: DRAFT.slug }, { secret: "", slug: DRAFT.slug }] as Record<
      string,
      string
    >[]) {
      const res = await postPreviewForm(request, form);
      expect(res.status(), JSON.stringify(form)).toBe(401);
      expect(res.headers()["set-cookie"], JSON.stringify(form)).toBeUndefined();
    }
    const res = await postPreviewForm(request, { secret: E2E_PREVIEW_SECRET, slug: "no-such-story" });
    expect(res.status()).toBe(404);
    expect(res.headers()["set-cookie"]).toBeUndefined();
    const notAForm = await request.post(previewPath(), { data: "{", headers: { "Content-Type": "application/json" }, maxRedirects: 0 });
    expect(notAForm.status()).toBe(400);
  });

  test("the secret is refused in an address, even the right one, since addresses are logged", async ({ request }) => {
    for (const query of [`secret=${encodeURIComponent(E2E_PREVIEW_SECRET)}&slug=${DRAFT.slug}`, `slug=${DRAFT.slug}&secret=`]) {
      const res = await request.get(`${previewPath()}?${query}`, { maxRedirects: 0 });
      expect(res.status(), query).toBe(400);
      expect(res.headers()["set-cookie"], query).toBeUndefined();
    }
  });

  test("X-Forwarded-Proto makes the cookie Secure only on a server configured to trust its proxy", async ({ request }) => {
    // This server runs without LEDGER_TRUST_PROXY (anyone can reach it and send the header);
    // through nginx, test:prod checks the trusted case.
    const res = await postPreviewForm(request, { secret: E2E_PREVIEW_SECRET, slug: DRAFT.slug }, { "X-Forwarded-Proto": "https" });
    expect(res.status()).toBe(303);
    const cookie = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("ledger_preview="));
    expect(cookie?.value).toMatch(/HttpOnly/i);
    expect(cookie?.value).not.toMatch(/;\s*Secure/i);
  });

  test("without preview, hidden stories are 404s, also with forged cookies", async ({ browser, baseURL }) => {
    const forged = [
      [{ name: "__prerender_bypass", value: "0123456789abcdef0123456789abcdef" }],
      [
        { name: "__prerender_bypass", value: "x" },
        { name: "ledger_preview", value: `*.${Date.now() + 3_600_000}.forged-signature` },
      ],
      [{ name: "ledger_preview", value: linkToken(DRAFT.slug, Date.now() + 3_600_000, "not-the-secret-at-all") }],
    ];
    for (const cookies of [[], ...forged]) {
      const context = await browser.newContext();
      await context.addCookies(cookies.map((c) => ({ ...c, url: baseURL! })));
      const page = await context.newPage();
      for (const story of [DRAFT, SCHEDULED]) {
        const res = await page.goto(articlePath(story.slug));
        expect(res?.status(), JSON.stringify(cookies)).toBe(404);
      }
      await context.close();
    }
  });

  test("the redirect never leaves the site", async ({ request }) => {
    for (const slug of ["//evil.example", "https://evil.example", "%2F%2Fevil.example", "../../etc", "\\\\evil.example"]) {
      const res = await postPreviewForm(request, { secret: E2E_PREVIEW_SECRET, slug });
      expect(res.status(), slug).toBe(404);
    }
    for (const returnTo of ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "%2F%2Fevil.example"]) {
      const res = await request.get(previewExitPath(returnTo), { maxRedirects: 0 });
      expect(res.status()).toBe(307);
      expect(res.headers()["location"], returnTo).toBe(FRONT_PATH);
    }
    const ok = await request.get(previewExitPath(WORLD), { maxRedirects: 0 });
    expect(ok.headers()["location"]).toBe(WORLD);
  });
});

test.describe("shared preview links", () => {
  test("a signed link opens that story only, until it expires", async ({ page }) => {
    const res = await page.goto(previewPath({ token: linkToken(DRAFT.slug, Date.now() + 3_600_000) }));
    expect(res?.status()).toBe(200);
    await expect(page.locator("h1")).toContainText(DRAFT.markers[0]);
    await expect(page.locator(".preview-banner")).toBeVisible();
    // The link is for one story: the other hidden story stays hidden.
    expect((await page.goto(articlePath(SCHEDULED.slug)))?.status()).toBe(404);
  });

  test("tampered, expired and other-story tokens get 401", async ({ request }) => {
    const valid = linkToken(DRAFT.slug, Date.now() + 3_600_000);
    const [slug, exp, sig] = valid.split(".");
    const bad = [
      `${SCHEDULED.slug}.${exp}.${sig}`, // signature of another story
      `${slug}.${Number(exp) + 1000}.${sig}`, // expiry pushed out
      `${slug}.${exp}.${sig.slice(0, -2)}AA`, // signature changed
      linkToken(DRAFT.slug, Date.now() - 1000), // expired
      "garbage",
    ];
    for (const token of bad) {
      const res = await request.get(previewPath({ token }), { maxRedirects: 0 });
      expect(res.status(), token).toBe(401);
      expect(res.headers()["set-cookie"]).toBeUndefined();
    }
  });

  test("a link to a story that is public lands on the public page", async ({ request }) => {
    const res = await request.get(previewPath({ token: linkToken(FLAGSHIP_SLUG, Date.now() + 3_600_000) }), { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toBe(FLAGSHIP_PATH);
    expect(res.headers()["set-cookie"]).toBeUndefined();
  });
});

/**
 * Every public URL a reader or crawler can reach from the front page and robots.txt: pages, feeds,
 * sitemaps, social images, and each page's RSC payload as the client router would fetch it.
 */
async function crawl(request: APIRequestContext, origin: string, headers: Record<string, string> = {}) {
  const queue = [FRONT_PATH, "/robots.txt"];
  const seen = new Set<string>(queue);
  const bodies = new Map<string, string>();
  const enqueue = (raw: string) => {
    let url: URL;
    try {
      url = new URL(raw.replace(/&amp;/g, "&"), origin);
    } catch {
      return;
    }
    // Same site only; static files (fingerprinted assets and photos) cannot carry a story.
    if (url.origin !== new URL(origin).origin || /^\/(_next\/(static|image)|images\/)/.test(url.pathname)) return;
    const key = url.pathname + url.search;
    if (!seen.has(key)) {
      seen.add(key);
      queue.push(key);
    }
  };
  while (queue.length) {
    const url = queue.shift()!;
    const res = await request.get(url, { headers, maxRedirects: 0 });
    const type = res.headers()["content-type"] ?? "";
    if (type.startsWith("image/")) {
      bodies.set(url, "");
      continue;
    }
    const body = await res.text();
    bodies.set(url, body);
    for (const [, link] of body.matchAll(/(?:href|content)="((?:https?:\/\/[^"\s]+)|\/[^"\s]*)"/g)) enqueue(link);
    for (const [, link] of body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) enqueue(link);
    for (const [, link] of body.matchAll(/^Sitemap: (\S+)$/gm)) enqueue(link);
    if (type.includes("html")) {
      const rsc = await request.get(url, { headers: { ...headers, RSC: "1" } });
      bodies.set(`${url} (RSC)`, await rsc.text());
    }
  }
  return bodies;
}

test.describe("nothing hidden leaks", () => {
  test.skip(({ isMobile }) => isMobile, "one crawl is enough");

  test("a crawl of every public URL never shows a draft or scheduled story; with preview it does", async ({ request, page, baseURL }) => {
    const publicBodies = await crawl(request, baseURL!);
    const leaks = [...publicBodies].flatMap(([url, body]) => HIDDEN_MARKERS.filter((m) => body.includes(m)).map((m) => `${url}: ${m}`));
    expect(leaks).toEqual([]);
    const kinds = [
      feedPath(),
      SITEMAP_PATH,
      NEWS_SITEMAP_PATH,
      feedPath("section", "world"),
      feedPath("author", "mara-okafor"),
      cropPath(FLAGSHIP_SLUG, "og"),
    ];
    for (const url of kinds) expect([...publicBodies.keys()], url).toContain(url);
    console.log(
      `leak test: crawled ${publicBodies.size} public responses (pages and their RSC payloads, feeds, sitemaps, social images) without preview: no hidden marker`,
    );
    expect(publicBodies.size).toBeGreaterThan(100);

    // The same crawl with the preview cookies finds them: the test can see what it looks for.
    await openPreviewWithSecret(page, DRAFT.slug);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const previewBodies = await crawl(request, baseURL!, { cookie });
    const found = HIDDEN_MARKERS.filter((m) => [...previewBodies.values()].some((b) => b.includes(m)));
    expect(found.sort()).toEqual([...HIDDEN_MARKERS].sort());
  });
});
