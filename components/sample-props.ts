/**
 * Typed sample props for the component tests: what a page would pass, built by hand so each test
 * reads its expected markup off the data. Fictional, like all sample text.
 */
import { JSDOM } from "jsdom";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { prerender } from "react-dom/static";
import type { Author, Section, SiteConfig, Story } from "@/lib/content";
import { storyObject } from "@/lib/content/__tests__/fixture";

export const TIME_ZONE = "Europe/London";
/** The time of the view in every test: after STORY went public. */
export const NOW = new Date("2026-11-24T12:00:00Z");

export const SITE: SiteConfig = {
  name: "The Sample Ledger",
  tagline: "Fictional news for component tests",
  language: "en-GB",
  timeZone: TIME_ZONE,
  social: [],
};

export const SECTIONS: Section[] = [
  { id: "world", name: "World", description: "News from beyond the border." },
  { id: "city-life", name: "City life", description: "The city, street by street." },
];

/** A public World story by Mara Okafor, as the loader makes it, with `overrides` on top. */
export function story(overrides: Partial<Story> = {}): Story {
  return storyObject("harbour-bridge-reopens", new Date("2026-11-23T07:30:00Z"), {
    title: "Harbour bridge reopens after two years of repairs",
    dek: "Ferries go back to their winter timetable.",
    authors: ["mara-okafor"],
    ...overrides,
  });
}

export function author(overrides: Partial<Author> = {}): Author {
  return {
    id: "mara-okafor",
    file: "content/authors/mara-okafor.mdx",
    name: "Mara Okafor",
    role: "Defence correspondent",
    links: {},
    ...overrides,
  };
}

/** The server markup of `element`, parsed, so tests query it by role, name and link as a reader meets it. */
export function renderDom(element: ReactElement): HTMLElement {
  const body = new JSDOM(`<body>${renderToStaticMarkup(element)}</body>`).window.document.body;
  return body;
}

/** As renderDom, for trees with async server components (an author's MDX bio): streams until all is done. */
export async function renderDomAsync(element: ReactElement): Promise<HTMLElement> {
  const { prelude } = await prerender(element);
  const html = await new Response(prelude).text();
  return new JSDOM(`<body>${html}</body>`).window.document.body;
}
