/** The story's topics: a labelled navigation of links to each tag page, or nothing. */
import { describe, expect, it } from "vitest";
import { renderDom } from "../sample-props";
import { TagList } from "./TagList";

describe("TagList", () => {
  it("links each topic to its tag page inside the 'Topics in this story' navigation", () => {
    const nav = renderDom(
      <TagList
        tags={[
          { slug: "harbour-bridge", label: "Harbour bridge" },
          { slug: "ferries", label: "Ferries" },
        ]}
      />,
    ).querySelector("nav")!;
    expect(nav.getAttribute("aria-label")).toBe("Topics in this story");
    expect(nav.querySelector("h2")?.textContent).toBe("Topics");
    expect([...nav.querySelectorAll("li > a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Harbour bridge", "/tags/harbour-bridge"],
      ["Ferries", "/tags/ferries"],
    ]);
  });

  it("renders nothing for a story without topics", () => {
    expect(renderDom(<TagList tags={[]} />).innerHTML).toBe("");
  });
});
