/** The footer: the site's name and tagline, the fiction notice, sections, the feed and the trust pages. */
import { describe, expect, it } from "vitest";
import { TRUST_PAGES } from "@/lib/trust-pages";
import { SECTIONS, SITE, renderDom } from "../sample-props";
import { SiteFooter } from "./SiteFooter";

describe("SiteFooter", () => {
  const footer = renderDom(<SiteFooter site={SITE} sections={SECTIONS} />).querySelector("footer")!;
  const links = [...footer.querySelectorAll('nav[aria-label="Footer"] a')].map((a) => [a.textContent, a.getAttribute("href")]);

  it("names the site and says the people in its stories are fictional", () => {
    expect(footer.textContent).toContain("The Sample Ledger");
    expect(footer.textContent).toContain("Fictional news for component tests");
    expect(footer.textContent).toContain("All people, places and organisations in these stories are fictional.");
  });

  it("links every section, the RSS feed and every trust page in the Footer navigation", () => {
    expect(links).toEqual([
      ["World", "/sections/world"],
      ["City life", "/sections/city-life"],
      ["RSS feed", "/feed.xml"],
      ...TRUST_PAGES.map((p) => [p.label, p.path]),
    ]);
    expect(footer.querySelector('a[href="/feed.xml"]')?.getAttribute("type")).toBe("application/rss+xml");
  });
});
