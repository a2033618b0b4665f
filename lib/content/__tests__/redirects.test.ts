import { afterAll, describe, expect, it } from "vitest";
import { errorsOf, findIssue } from "./helpers";
import { makeFixture, removeFixtures, storyFile } from "./fixture";

afterAll(removeFixtures);

describe("redirectFrom: renamed slugs", () => {
  it("accepts old slugs that no live story uses", async () => {
    const fixture = await makeFixture({ ...storyFile("third-story", { redirectFrom: ["old-third-story"] }), "public/images/third-story.jpg": "JPEG" });
    const content = fixture.load();
    expect(errorsOf(content.issues)).toEqual([]);
    expect(content.stories.find((s) => s.slug === "third-story")?.redirectFrom).toEqual(["old-third-story"]);
  });

  it("rejects an old slug that is a live story's slug, naming file, field and line", async () => {
    const fixture = await makeFixture({ ...storyFile("third-story", { redirectFrom: ["first-story"] }), "public/images/third-story.jpg": "JPEG" });
    const issue = findIssue(fixture.load().issues, { file: "content/articles/third-story.mdx", field: "redirectFrom.0" });
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/"first-story", which is a live story's slug/);
    expect(issue.line).toBe(fixture.lineOf("content/articles/third-story.mdx", "first-story"));
  });

  it("rejects an old slug claimed by two stories", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { redirectFrom: ["old-name"] }),
      ...storyFile("fourth-story", { redirectFrom: ["old-name"] }),
      "public/images/third-story.jpg": "JPEG",
      "public/images/fourth-story.jpg": "JPEG",
    });
    const errors = errorsOf(fixture.load().issues);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe("redirectFrom.0");
    expect(errors[0].message).toMatch(/already redirects from/);
  });

  it("rejects an old slug that is not a slug", async () => {
    const fixture = await makeFixture({ ...storyFile("third-story", { redirectFrom: ["Old Name"] }), "public/images/third-story.jpg": "JPEG" });
    expect(findIssue(fixture.load().issues, { field: "redirectFrom.0" }).message).toMatch(/slug/);
  });
});
