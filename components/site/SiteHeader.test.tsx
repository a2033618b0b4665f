/** The masthead: the site's name home, the tagline, the section navigation and the trending links. */
import { describe, expect, it } from "vitest";
import { SECTIONS, SITE, renderDom } from "../sample-props";
import { SiteHeader } from "./SiteHeader";

const links = (nav: Element | null) => [...(nav?.querySelectorAll("a") ?? [])].map((a) => [a.textContent, a.getAttribute("href")]);

describe("SiteHeader", () => {
  it("links the site's name to the front page and shows the tagline", () => {
    const header = renderDom(<SiteHeader site={SITE} sections={SECTIONS} trending={[]} />).querySelector("header")!;
    expect(links(header)[0]).toEqual(["The Sample Ledger", "/"]);
    expect(header.textContent).toContain("Fictional news for component tests");
  });

  it("lists Home and every section, in order, in the Sections navigation", () => {
    const nav = renderDom(<SiteHeader site={SITE} sections={SECTIONS} trending={[]} />).querySelector('nav[aria-label="Sections"]');
    expect(links(nav)).toEqual([
      ["Home", "/"],
      ["World", "/sections/world"],
      ["City life", "/sections/city-life"],
    ]);
  });

  it("shows the Trending navigation only when editors chose links", () => {
    expect(renderDom(<SiteHeader site={SITE} sections={SECTIONS} trending={[]} />).querySelector('nav[aria-label="Trending"]')).toBeNull();
    const trending = renderDom(<SiteHeader site={SITE} sections={SECTIONS} trending={[{ label: "Harbour", href: "/tags/harbour" }]} />);
    expect(links(trending.querySelector('nav[aria-label="Trending"]'))).toEqual([["Harbour", "/tags/harbour"]]);
  });
});

describe("SiteHeader search", () => {
  it("has a labelled GET search form to /search that needs no JavaScript", () => {
    const doc = renderDom(<SiteHeader site={SITE} sections={SECTIONS} trending={[]} />);
    const form = doc.querySelector('form[role="search"]')!;
    expect(form.getAttribute("action")).toBe("/search");
    expect(form.getAttribute("method") ?? "get").toBe("get");
    const input = form.querySelector('input[name="q"]')!;
    expect(input.getAttribute("type")).toBe("search");
    expect(doc.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Search stories");
    expect(form.querySelector('button[type="submit"]')?.textContent).toBe("Search");
  });
});
