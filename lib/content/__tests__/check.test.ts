import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "../check";
import { createQueries } from "../queries";
import { isPublic } from "../visibility";
import { makeFixture, removeFixtures, storyFile } from "./fixture";

afterAll(removeFixtures);

const REPO = path.resolve(__dirname, "../../..");

describe("checkContent on the real sample content", () => {
  it("has no errors and no warnings", async () => {
    const { errors, warnings, content } = await checkContent(REPO);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(content.stories.length).toBeGreaterThanOrEqual(10);
    expect(content.authors.length).toBeGreaterThanOrEqual(1);
    // Every published story has a measured lead image.
    for (const s of content.stories) if (s.status === "published") expect(s.image?.width).toBeGreaterThan(0);
  }, 30_000);

  it("gives every public story at least 3 related stories", async () => {
    const { content } = await checkContent(REPO);
    const now = new Date();
    const q = createQueries(content);
    for (const s of content.stories.filter((x) => isPublic(x, now))) {
      const related = q.related(s, now);
      expect(related.length).toBeGreaterThanOrEqual(3);
      expect(related.length).toBeLessThanOrEqual(6);
      expect(related.map((r) => r.slug)).not.toContain(s.slug);
    }
  }, 30_000);
});

describe("checkContent on fixtures", () => {
  it("combines frontmatter and body issues, split into errors and warnings", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { section: "sport" }),
      ...storyFile("fourth-story", { title: "Headline for first-story" }, "Intro.\n\n# Big\n"),
      "public/images/third-story.jpg": "JPEG",
      "public/images/fourth-story.jpg": "JPEG",
    });
    const { issues, errors, warnings } = await fixture.check();
    expect(errors.map((e) => [e.file, e.field ?? e.line])).toEqual([
      ["content/articles/third-story.mdx", "section"],
      ["content/articles/fourth-story.mdx", fixture.lineOf("content/articles/fourth-story.mdx", "# Big")],
    ]);
    expect(warnings.map((w) => [w.file, w.field])).toEqual([["content/articles/fourth-story.mdx", "title"]]);
    expect(issues).toHaveLength(3);
  });

  it("checks the body of a story whose frontmatter is invalid too, so one run lists everything", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { section: "sport" }, "Intro.\n\n<Chart />\n"),
      "content/authors/cara-new.mdx": "---\nname: Cara\nrole: [unclosed\n---\n# Cara\n",
      "public/images/third-story.jpg": "JPEG",
    });
    const { errors } = await fixture.check();
    expect(errors.map((e) => [e.file, e.field ?? e.line])).toEqual([
      ["content/authors/cara-new.mdx", 3],
      ["content/articles/third-story.mdx", "section"],
      ["content/articles/third-story.mdx", fixture.lineOf("content/articles/third-story.mdx", "<Chart")],
      ["content/authors/cara-new.mdx", fixture.lineOf("content/authors/cara-new.mdx", "# Cara")],
    ]);
  });
});
