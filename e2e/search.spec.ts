import { expect, seriousAxeViolations, test } from "./fixtures";
import { DRAFT, HIDDEN_MARKERS, SCHEDULED } from "./hidden-stories";
import { articlePath, FRONT_PATH, OPENSEARCH_PATH, searchPath, SEARCH_PATH } from "../lib/routes";

/**
 * Site search (issue 11) on the production build, with the embedded engine: the header's form with
 * JavaScript off, the results page (headers, robots, accessibility), hostile input, and that no
 * hidden story is ever found without preview.
 */
const TIDAL = "tidal-energy-trial-begins-off-port-alder";
const OTTERS = "orlen-river-otters-return";

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's form finds a story from a phrase in the middle of its body", async ({ page }) => {
    await page.goto(FRONT_PATH);
    const box = page.getByRole("searchbox", { name: "Search stories" });
    await expect(box).toBeVisible();
    await box.fill('"tides can be predicted"');
    await page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=%22tides\+can\+be\+predicted%22$/);
    const first = page.locator(".search-result").first();
    await expect(first.getByRole("link")).toHaveAttribute("href", articlePath(TIDAL));
    await expect(first.locator(".search-snippet mark").first()).toHaveText(/tides/i);
    // Headline, standfirst, section, byline, date and a small picture.
    await expect(first.locator("h2")).toContainText("Tidal energy trial");
    await expect(first).toContainText("By Jonah Feld");
    await expect(first.locator("time")).toHaveAttribute("datetime", /^2026-/);
    await expect(first.locator("img")).toHaveAttribute("alt", "");
  });

  test("filters and sort are a plain form too", async ({ page }) => {
    await page.goto(searchPath({ q: "Port Alder" }));
    await page.getByLabel("Section", { exact: true }).selectOption({ label: "Science" });
    await page.getByLabel("Sort by", { exact: true }).selectOption("newest");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/section=science/);
    await expect(page).toHaveURL(/sort=newest/);
    await expect(page.locator(".search-result").first()).toContainText("Science");
    await expect(page.locator(`.search-result a[href="${articlePath(OTTERS)}"]`)).toHaveCount(1);
  });
});

test("results pages are dynamic, never cached publicly, and noindex, follow", async ({ request }) => {
  const res = await request.get(searchPath({ q: "otters" }));
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toMatch(/private|no-store/);
  const html = await res.text();
  expect(html).toMatch(/<meta name="robots" content="noindex, follow"/);
  expect(html).toContain(`href="${articlePath(OTTERS)}"`);
  expect(html).toMatch(/<mark>otters?<\/mark>/i);
});

test("an empty query shows the form and the latest stories; no match says so and suggests what to do", async ({ page }) => {
  await page.goto(SEARCH_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the news");
  await expect(page.locator(".search-result")).not.toHaveCount(0);
  await page.goto(searchPath({ q: "zyxwvut qqqq", section: "science", range: "week" }));
  await expect(page.locator(".search-empty")).toContainText("No stories match “zyxwvut qqqq”.");
  await expect(page.locator(".search-empty")).toContainText("Check the spelling");
  await expect(page.getByRole("link", { name: "Search all sections and dates" })).toHaveAttribute(
    "href",
    searchPath({ q: "zyxwvut qqqq" }),
  );
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no serious or critical violation on the results page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(searchPath({ q: "Harlow Pass" }));
    await expect(page.locator(".search-result")).not.toHaveCount(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}

test("the search box has a visible focus ring", async ({ page }) => {
  await page.goto(FRONT_PATH);
  const box = page.getByRole("searchbox", { name: "Search stories" });
  await box.focus();
  expect(await box.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
});

test("every page links the OpenSearch description, and the front page's WebSite has a SearchAction", async ({ page, request }) => {
  for (const url of [FRONT_PATH, articlePath(OTTERS), SEARCH_PATH]) {
    await page.goto(url);
    await expect(page.locator('head link[rel="search"][type="application/opensearchdescription+xml"]')).toHaveAttribute(
      "href",
      OPENSEARCH_PATH,
    );
  }
  const xml = await request.get(OPENSEARCH_PATH);
  expect(xml.status()).toBe(200);
  expect(xml.headers()["content-type"]).toContain("application/opensearchdescription+xml");
  expect(await xml.text()).toContain(`/search?q={searchTerms}"`);

  await page.goto(FRONT_PATH);
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  const website = jsonLd.flatMap((t) => [JSON.parse(t)].flat()).find((d) => d["@type"] === "WebSite");
  expect(website.potentialAction["@type"]).toBe("SearchAction");
  expect(website.potentialAction.target.urlTemplate).toMatch(/\/search\?q=\{search_term_string\}$/);
});

test("hostile and odd input gets a page or a 400, never a 500", async ({ request }) => {
  const queries = [
    "q=" + "x".repeat(10_240),
    "q=" + encodeURIComponent("ferry ".repeat(1500)),
    "q=%00",
    "q=ferry%00",
    "q=%01%02%03%1b%7f",
    "q=%22",
    "q=%22unbalanced",
    "q=" + encodeURIComponent('"a" OR "b" NOT c NEAR(d e) * ^f {title}: g'),
    "q=" + encodeURIComponent("'; DROP TABLE search_docs; --"),
    "q=" + encodeURIComponent("東京 Москва القاهرة नई दिल्ली ᓄᓇᕗᑦ 🙂 Tomáš"),
    "q=%E0%A4%A",
    "q=%FF%FE",
    "q=%",
    "q=a&q=b",
    "q=otters&page=abc",
    "q=otters&page=0",
    "q=otters&page=-1",
    "q=otters&page=1e3",
    "q=otters&page=99999999999",
    "q=otters&page=9999",
    "q=otters&section=..%2F..%2Fetc",
    "q=otters&section=%00",
    "q=otters&range=forever",
    "q=otters&sort=random",
    "q=otters&sort=newest&range=year&section=science",
    "section=nope&range=nope&sort=nope&page=nope",
    "unknown=1&q[]=x",
  ];
  for (const query of queries) {
    const res = await request.get(`${SEARCH_PATH}?${query}`);
    expect(res.status(), query.slice(0, 80)).toBeLessThan(500);
    const body = await res.text();
    expect(body, query.slice(0, 80)).not.toMatch(/SqliteError|fts5|syntax error/i);
  }
  const pastEnd = await request.get(searchPath({ q: "otters", page: 9999 }));
  expect(await pastEnd.text()).toContain("There is no page 9999 of these results");
  const notNumber = await request.get(`${SEARCH_PATH}?q=otters&page=abc`);
  expect(await notNumber.text()).toContain("is not a page number");
});

test("no hidden story is ever found without preview", async ({ request }) => {
  const hidden = [DRAFT.slug, SCHEDULED.slug];
  const queries = [...HIDDEN_MARKERS, "Lusk", "ceasefire", "Ostrander", "bridge reopens", "walkers cyclists", "-zzzz", ""];
  const leaks: string[] = [];
  for (const q of queries) {
    for (const extra of [{}, { sort: "newest" }, { range: "year" }]) {
      const url = searchPath({ q, ...extra });
      const body = await (await request.get(url)).text();
      for (const slug of hidden) if (body.includes(articlePath(slug))) leaks.push(`${url}: links ${slug}`);
      // The page repeats the query itself: look only for the markers that were not asked for.
      for (const marker of HIDDEN_MARKERS)
        if (marker !== q && !q.includes(marker) && body.includes(marker)) leaks.push(`${url}: ${marker}`);
    }
  }
  expect(leaks).toEqual([]);
});
