/** A story teaser: section, headline link, date, and the hidden-state label only a preview shows. */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NOW, SECTIONS, TIME_ZONE, renderDom, story } from "./sample-props";
import { StoryCard, sectionOf } from "./StoryCard";

const render = (props: Partial<Parameters<typeof StoryCard>[0]> = {}) =>
  renderToStaticMarkup(<StoryCard story={story()} section={SECTIONS[0]} timeZone={TIME_ZONE} now={NOW} {...props} />);

describe("StoryCard", () => {
  it("links the whole headline to the article, in a heading of the level asked for", () => {
    const link = renderDom(
      <StoryCard story={story()} section={SECTIONS[0]} timeZone={TIME_ZONE} now={NOW} headingLevel={2} />,
    ).querySelector("h2 > a");
    expect(link?.textContent).toBe("Harbour bridge reopens after two years of repairs");
    expect(link?.getAttribute("href")).toBe("/articles/harbour-bridge-reopens");
    expect(
      renderDom(<StoryCard story={story()} section={SECTIONS[0]} timeZone={TIME_ZONE} now={NOW} />).querySelector("h3 > a"),
    ).not.toBeNull();
  });

  it("names the section above the headline and dates the story in the newsroom's time zone", () => {
    const html = render();
    expect(html).toMatch(/<p[^>]*>World<\/p>/);
    expect(html).toContain('<time dateTime="2026-11-23T07:30:00.000Z">23 Nov 2026</time>');
  });

  it("shows the standfirst only when asked, or on the lead card", () => {
    expect(render()).not.toContain("Ferries go back");
    expect(render({ showDek: true })).toContain("Ferries go back to their winter timetable.");
    expect(render({ variant: "lead" })).toContain("Ferries go back to their winter timetable.");
  });

  it("labels a story readers cannot see yet, and nothing on a public one", () => {
    expect(render()).not.toContain("hidden-state");
    expect(render({ story: story({ status: "draft" }) })).toMatch(/<span class="hidden-state[^"]*">Draft<\/span>/);
    const scheduled = render({ story: story({ publishedAt: new Date("2026-11-25T09:00:00Z") }) });
    expect(scheduled).toMatch(/<span class="hidden-state[^"]*">Scheduled for 25 November 2026 at 09:00 GMT<\/span>/);
  });

  it("finds a story's section in the list the page passes", () => {
    expect(sectionOf(SECTIONS, story({ section: "city-life" }))?.name).toBe("City life");
    expect(sectionOf(SECTIONS, story({ section: "nowhere" }))).toBeUndefined();
  });
});
