/** The byline: each author linked as rel=author, and machine-readable published and updated times. */
import { describe, expect, it } from "vitest";
import { TIME_ZONE, author, renderDom, story } from "../sample-props";
import { Byline } from "./Byline";

const AUTHORS = [author(), author({ id: "tomas-brenner", name: "Tomas Brenner" }), author({ id: "ines-caldera", name: "Ines Caldera" })];

describe("Byline", () => {
  it("links each author to their page, joined as a sentence", () => {
    const byline = renderDom(<Byline story={story()} authors={AUTHORS} timeZone={TIME_ZONE} />).querySelector(".byline")!;
    expect(byline.querySelector("p")?.textContent).toBe("By Mara Okafor, Tomas Brenner and Ines Caldera");
    expect([...byline.querySelectorAll('a[rel="author"]')].map((a) => a.getAttribute("href"))).toEqual([
      "/authors/mara-okafor",
      "/authors/tomas-brenner",
      "/authors/ines-caldera",
    ]);
  });

  it("gives the published time, and the updated time only when there is one", () => {
    const times = (s = story()) =>
      [...renderDom(<Byline story={s} authors={[author()]} timeZone={TIME_ZONE} />).querySelectorAll("time")].map((t) => [
        t.getAttribute("datetime"),
        t.textContent,
      ]);
    expect(times()).toEqual([["2026-11-23T07:30:00.000Z", "23 November 2026 at 07:30 GMT"]]);
    expect(times(story({ updatedAt: new Date("2026-11-23T15:05:00Z") }))[1]).toEqual([
      "2026-11-23T15:05:00.000Z",
      "23 November 2026 at 15:05 GMT",
    ]);
  });
});
