/** One search result: headline link, standfirst, section, byline, date, picture, and the marked snippet. */
import { describe, expect, it } from "vitest";
import { NOW, SECTIONS, TIME_ZONE, renderDom, story } from "./sample-props";
import { SearchResult } from "./SearchResult";

const render = (props: Partial<Parameters<typeof SearchResult>[0]> = {}) =>
  renderDom(
    <SearchResult
      story={story()}
      section={SECTIONS[0]}
      authorNames={["Ada Brook", "Ben Carr"]}
      snippetHtml={"… the <mark>bridge</mark> &lt;b&gt; reopens …"}
      timeZone={TIME_ZONE}
      now={NOW}
      {...props}
    />,
  );

describe("SearchResult", () => {
  it("shows headline (the link), standfirst, section, byline and date", () => {
    const result = render();
    expect(result.querySelector("h2 > a")?.getAttribute("href")).toBe("/articles/harbour-bridge-reopens");
    expect(result.textContent).toContain(story().dek);
    expect(result.textContent).toContain(SECTIONS[0].name);
    expect(result.textContent).toContain("By Ada Brook and Ben Carr");
    expect(result.querySelector("time")?.getAttribute("datetime")).toBe(story().publishedAt.toISOString());
  });

  it("renders the engine's snippet with its <mark> and nothing else as markup", () => {
    const snippet = render().querySelector(".search-snippet")!;
    expect(snippet.querySelector("mark")?.textContent).toBe("bridge");
    expect(snippet.querySelector("b")).toBeNull();
    expect(snippet.textContent).toContain("<b>");
  });

  it("marks a hidden story in a preview", () => {
    expect(render({ story: story({ status: "draft" }) }).textContent).toContain("Draft");
  });
});
