/** Related stories: a complementary region named by its heading, one card per story, or nothing. */
import { describe, expect, it } from "vitest";
import { NOW, SECTIONS, TIME_ZONE, renderDom, story } from "./sample-props";
import { RelatedStories } from "./RelatedStories";

describe("RelatedStories", () => {
  it("is an aside labelled by its 'Related stories' heading, with a card per story", () => {
    const stories = [story(), story({ slug: "night-market-moves", title: "Night market moves to the quay", section: "city-life" })];
    const aside = renderDom(<RelatedStories stories={stories} sections={SECTIONS} timeZone={TIME_ZONE} now={NOW} />).querySelector(
      "aside",
    )!;
    const heading = aside.querySelector(`#${aside.getAttribute("aria-labelledby")}`);
    expect(heading?.textContent).toBe("Related stories");
    expect([...aside.querySelectorAll("li h3 a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Harbour bridge reopens after two years of repairs", "/articles/harbour-bridge-reopens"],
      ["Night market moves to the quay", "/articles/night-market-moves"],
    ]);
    // Each card names its own story's section.
    expect([...aside.querySelectorAll(".story-card > p:first-of-type")].map((p) => p.textContent)).toEqual(["World", "City life"]);
  });

  it("renders nothing when there is nothing to relate", () => {
    expect(renderDom(<RelatedStories stories={[]} sections={SECTIONS} timeZone={TIME_ZONE} now={NOW} />).innerHTML).toBe("");
  });
});
