/** The preview banner: only in preview, says what the story's state is, and links out of preview. */
import { describe, expect, it } from "vitest";
import { previewExitPath } from "@/lib/routes";
import { NOW, TIME_ZONE, renderDom, story } from "./sample-props";
import { PreviewBanner } from "./PreviewBanner";

const preview = { now: NOW, preview: { scope: "*" } };

describe("PreviewBanner", () => {
  it("renders nothing for the public", () => {
    expect(renderDom(<PreviewBanner view={{ now: NOW }} story={story()} returnTo="/" timeZone={TIME_ZONE} />).innerHTML).toBe("");
  });

  it("is a status region with a plain link out of preview, back to the page", () => {
    const status = renderDom(<PreviewBanner view={preview} returnTo="/sections/world" timeZone={TIME_ZONE} />).querySelector(
      '[role="status"]',
    )!;
    expect(status.textContent).toContain("Preview · readers cannot see hidden stories");
    const exit = [...status.querySelectorAll("a")].find((a) => a.textContent === "Exit preview");
    expect(exit?.getAttribute("href")).toBe(previewExitPath("/sections/world"));
  });

  it("says whether the story is a draft, scheduled (in the newsroom's time) or published", () => {
    const state = (s = story()) =>
      renderDom(<PreviewBanner view={preview} story={s} returnTo="/" timeZone={TIME_ZONE} />).querySelector(".preview-status")?.textContent;
    expect(state()).toBe(": Published");
    expect(state(story({ status: "draft" }))).toBe(": Draft");
    expect(state(story({ publishedAt: new Date("2026-11-25T09:00:00Z") }))).toBe(": Scheduled for 25 November 2026 at 09:00 GMT");
  });
});
