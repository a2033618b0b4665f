import { afterAll, describe, expect, it } from "vitest";
import { parseFrontmatter } from "../frontmatter";
import { ContentError, formatIssue } from "../issues";
import { errorsOf, findIssue, warningsOf } from "./helpers";
import { makeFixture, mdx, NOW, removeFixtures, storyFields, storyFile } from "./fixture";

afterAll(removeFixtures);

const THIRD = "content/articles/third-story.mdx";

/** Loads the baseline plus a third story with `overrides`; returns the issues and the fixture. */
async function loadWithThird(overrides: Record<string, unknown>, body?: string) {
  const fixture = await makeFixture({ ...storyFile("third-story", overrides, body), "public/images/third-story.jpg": "JPEG" });
  const content = fixture.load();
  return { fixture, content, issues: content.issues, lineOf: (needle: string) => fixture.lineOf(THIRD, needle) };
}

describe("loadContent: the valid baseline", () => {
  it("loads with no issues, newest first, with defaults and measured images", async () => {
    const content = (await makeFixture()).load();
    expect(content.issues).toEqual([]);
    expect(content.site.name).toBe("Test Ledger");
    expect(content.sections.map((s) => s.id)).toEqual(["world", "politics"]);
    expect(content.tagLabels).toEqual({});
    expect(content.trending).toEqual([]);
    expect(content.stories.map((s) => s.slug)).toEqual(["second-story", "first-story"]);
    const first = content.stories.find((s) => s.slug === "first-story")!;
    expect(first).toMatchObject({
      file: "content/articles/first-story.mdx",
      type: "news",
      status: "published",
      contributors: [],
      related: [],
      corrections: [],
      tags: ["harbour"],
      image: { src: "/images/first-story.jpg", width: 40, height: 30, alt: "A harbour at dawn." },
    });
    expect(first.publishedAt).toEqual(new Date("2026-11-20T08:00:00Z"));
    expect(first.updatedAt).toBeUndefined();
    const ana = content.authors.find((a) => a.id === "ana-writer")!;
    expect(ana).toMatchObject({ name: "Ana Writer", file: "content/authors/ana-writer.mdx", avatar: { src: "/images/authors/ana-writer.jpg", width: 40, height: 30 }, links: {} });
    expect(content.authors.find((a) => a.id === "ben-editor")!.avatar).toBeUndefined();
  });

  it("accepts Z and non-UTC offsets, updatedAt equal to publishedAt, tags, corrections and CRLF line endings", async () => {
    const fields = storyFields("third-story", {
      publishedAt: "2026-11-22T09:30:00+02:00",
      updatedAt: "2026-11-22T07:30:00Z",
      tags: ["harlow-pass"],
      corrections: [{ date: "2026-11-23", text: "An earlier version misspelled a name." }],
      contributors: ["Wire services"],
      type: "analysis",
    });
    const fixture = await makeFixture({
      [THIRD]: mdx(fields).replace(/\n/g, "\r\n"),
      "public/images/third-story.jpg": "JPEG",
    });
    const content = fixture.load();
    expect(content.issues).toEqual([]);
    const third = content.stories.find((s) => s.slug === "third-story")!;
    expect(third.publishedAt.toISOString()).toBe("2026-11-22T07:30:00.000Z");
    expect(third.updatedAt?.toISOString()).toBe("2026-11-22T07:30:00.000Z");
    expect(third.type).toBe("analysis");
    expect(third.corrections).toHaveLength(1);
  });

  it("ignores hidden files such as .DS_Store", async () => {
    const fixture = await makeFixture({ "content/articles/.DS_Store": "junk", "content/authors/.keep": "" });
    expect(fixture.load().issues).toEqual([]);
  });

  it("reads optional tags.yaml and trending.yaml", async () => {
    const fixture = await makeFixture({
      "content/tags.yaml": "harbour: The Harbour\n",
      "content/trending.yaml": "- label: Harbour\n  href: /tags/harbour\n",
    });
    const content = fixture.load();
    expect(content.issues).toEqual([]);
    expect(content.tagLabels).toEqual({ harbour: "The Harbour" });
    expect(content.trending).toEqual([{ label: "Harbour", href: "/tags/harbour" }]);
  });
});

describe("loadContent: required story fields", () => {
  it.each(["title", "dek", "section", "authors", "publishedAt"])("reports a missing `%s` with file, field and the schema's help", async (field) => {
    const { content, issues } = await loadWithThird({ [field]: undefined });
    const issue = findIssue(issues, { file: THIRD, field });
    expect(issue.severity).toBe("error");
    expect(issue.message).toBe(`\`${field}\` is required`);
    expect(issue.fix).toBeTruthy();
    expect(errorsOf(issues)).toHaveLength(1);
    // An invalid story is left out rather than half-published.
    expect(content.stories.map((s) => s.slug)).not.toContain("third-story");
  });

  it("reports a blank title as empty, on its line", async () => {
    const { issues, lineOf } = await loadWithThird({ title: "   " });
    const issue = findIssue(issues, { file: THIRD, field: "title" });
    expect(issue.message).toBe("`title` must not be empty");
    expect(issue.line).toBe(lineOf("title:"));
  });

  it("reports a title that is not text", async () => {
    const { issues, lineOf } = await loadWithThird({ title: 42 });
    const issue = findIssue(issues, { file: THIRD, field: "title" });
    expect(issue.message).toBe("`title` must be text");
    expect(issue.line).toBe(lineOf("title:"));
  });

  it("reports an empty author list", async () => {
    const { issues, lineOf } = await loadWithThird({ authors: [] });
    const issue = findIssue(issues, { file: THIRD, field: "authors" });
    expect(issue.message).toMatch(/at least one author/);
    expect(issue.line).toBe(lineOf("authors:"));
  });

  it("requires a lead image on a published story", async () => {
    const { content, issues } = await loadWithThird({ image: undefined });
    const issue = findIssue(issues, { file: THIRD, field: "image" });
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/no lead `image`.*published story needs one/);
    expect(issue.fix).toMatch(/draft may go without/i);
    expect(content.stories.map((s) => s.slug)).not.toContain("third-story");
  });

  it("accepts a draft without an image", async () => {
    const { content, issues } = await loadWithThird({ image: undefined, status: "draft" });
    expect(issues).toEqual([]);
    const draft = content.stories.find((s) => s.slug === "third-story")!;
    expect(draft.status).toBe("draft");
    expect(draft.image).toBeUndefined();
  });

  it("still checks the image of a draft that has one", async () => {
    const { issues, lineOf } = await loadWithThird({ status: "draft", image: { ...(storyFields("third-story").image as object), src: "/images/missing.jpg" } });
    expect(findIssue(issues, { file: THIRD, field: "image.src" }).line).toBe(lineOf("src:"));
  });
});

describe("loadContent: references", () => {
  it("reports an unknown author with the entry's line and the known ids", async () => {
    const { content, issues, lineOf } = await loadWithThird({ authors: ["ana-writer", "zed-nobody"] });
    const issue = findIssue(issues, { file: THIRD, field: "authors.1" });
    expect(issue.severity).toBe("error");
    expect(issue.line).toBe(lineOf("- zed-nobody"));
    expect(issue.message).toContain('"zed-nobody"');
    expect(issue.message).toContain("content/authors/zed-nobody.mdx");
    expect(issue.fix).toContain("ana-writer");
    expect(issue.fix).toContain("ben-editor");
    expect(content.stories.map((s) => s.slug)).not.toContain("third-story");
  });

  it("reports an author id that is not a slug", async () => {
    const { issues, lineOf } = await loadWithThird({ authors: ["Ana Writer"] });
    const issue = findIssue(issues, { file: THIRD, field: "authors.0" });
    expect(issue.message).toMatch(/must be a author id/);
    expect(issue.line).toBe(lineOf("- Ana Writer"));
  });

  it("reports an unknown section with its line and the declared ones", async () => {
    const { issues, lineOf } = await loadWithThird({ section: "sport" });
    const issue = findIssue(issues, { file: THIRD, field: "section" });
    expect(issue.severity).toBe("error");
    expect(issue.line).toBe(lineOf("section: sport"));
    expect(issue.message).toBe('`section` is "sport", which is not a declared section');
    expect(issue.fix).toContain("world, politics");
    expect(issue.fix).toContain("content/sections.yaml");
  });

  it("reports every problem of one story at once", async () => {
    const { issues } = await loadWithThird({ section: "sport", authors: ["zed"], updatedAt: "2026-11-01T00:00:00+00:00", image: { ...(storyFields("third-story").image as object), src: "/images/nope.jpg" } });
    expect(errorsOf(issues).map((i) => i.field).sort()).toEqual(["authors.0", "image.src", "section", "updatedAt"]);
  });

  it("reports `related` pointing at a story that does not exist", async () => {
    const { issues, lineOf } = await loadWithThird({ related: ["first-story", "no-such-story"] });
    const issue = findIssue(issues, { file: THIRD, field: "related.1" });
    expect(issue.severity).toBe("error");
    expect(issue.line).toBe(lineOf("- no-such-story"));
    expect(issue.message).toContain('"no-such-story"');
    expect(issue.message).toContain("content/articles/no-such-story.mdx");
    expect(issue.fix).toBeTruthy();
  });

  it("reports `related` pointing at the story itself", async () => {
    const { issues } = await loadWithThird({ related: ["third-story"] });
    expect(findIssue(issues, { file: THIRD, field: "related.0" }).message).toMatch(/story itself/);
  });

  it.each([
    ["scheduled", { publishedAt: "2027-01-01T08:00:00+00:00" }],
    ["draft", { status: "draft" }],
  ])("warns (not errors) when a public story's `related` points at a %s story", async (_, targetOverrides) => {
    const fixture = await makeFixture({
      ...storyFile("first-story", { tags: ["harbour"], related: ["hidden-story"] }),
      ...storyFile("hidden-story", targetOverrides),
      "public/images/hidden-story.jpg": "JPEG",
    });
    const issues = fixture.load().issues;
    const issue = findIssue(issues, { file: "content/articles/first-story.mdx", field: "related.0" });
    expect(issue.severity).toBe("warning");
    expect(issue.line).toBe(fixture.lineOf("content/articles/first-story.mdx", "- hidden-story"));
    expect(issue.message).toMatch(/"hidden-story", which is not public yet/);
    expect(errorsOf(issues)).toEqual([]);
  });

  it("does not warn when a story that is itself not public links to another hidden story", async () => {
    const fixture = await makeFixture({
      ...storyFile("draft-a", { status: "draft", related: ["draft-b"] }),
      ...storyFile("draft-b", { status: "draft" }),
      "public/images/draft-a.jpg": "JPEG",
      "public/images/draft-b.jpg": "JPEG",
    });
    expect(fixture.load().issues).toEqual([]);
  });

  it("the warning disappears once the target is public (it depends on `now`)", async () => {
    const fixture = await makeFixture({
      ...storyFile("first-story", { related: ["later-story"] }),
      ...storyFile("later-story", { publishedAt: "2026-12-05T08:00:00+00:00" }),
      "public/images/later-story.jpg": "JPEG",
    });
    expect(warningsOf(fixture.load(NOW).issues)).toHaveLength(1);
    expect(fixture.load(new Date("2026-12-06T00:00:00Z")).issues).toEqual([]);
  });
});

describe("loadContent: dates", () => {
  it.each([
    ["no offset", "2026-11-20T08:00:00"],
    ["nonsense", "next tuesday"],
    ["a date without a time", "2026-11-20"],
    ["an impossible day", "2026-02-30T08:00:00+00:00"],
    ["an out-of-range month", "2026-13-01T08:00:00+00:00"],
  ])("rejects publishedAt with %s, naming the field and the expected format", async (_, value) => {
    const { issues, lineOf } = await loadWithThird({ publishedAt: value });
    const issue = findIssue(issues, { file: THIRD, field: "publishedAt" });
    expect(issue.severity).toBe("error");
    expect(issue.line).toBe(lineOf("publishedAt:"));
    expect(issue.message).toMatch(/must be an ISO 8601 date and time with an offset/);
    expect(issue.fix).toMatch(/publishedAt|goes public/);
  });

  it("rejects an updatedAt without an offset", async () => {
    const { issues, lineOf } = await loadWithThird({ updatedAt: "2026-11-21T08:00:00" });
    const issue = findIssue(issues, { file: THIRD, field: "updatedAt" });
    expect(issue.line).toBe(lineOf("updatedAt:"));
    expect(issue.message).toMatch(/with an offset/);
  });

  it("reports updatedAt before publishedAt, quoting both", async () => {
    const { issues, lineOf } = await loadWithThird({ publishedAt: "2026-11-20T08:00:00+00:00", updatedAt: "2026-11-20T09:00:00+02:00" });
    const issue = findIssue(issues, { file: THIRD, field: "updatedAt" });
    expect(issue.severity).toBe("error");
    expect(issue.line).toBe(lineOf("updatedAt:"));
    expect(issue.message).toBe("`updatedAt` (2026-11-20T09:00:00+02:00) is before `publishedAt` (2026-11-20T08:00:00+00:00)");
    expect(issue.fix).toBeTruthy();
  });

  it("rejects a correction with a bad date", async () => {
    const { issues, lineOf } = await loadWithThird({ corrections: [{ date: "24 November", text: "Fixed." }] });
    const issue = findIssue(issues, { file: THIRD, field: "corrections.0.date" });
    expect(issue.line).toBe(lineOf("date: 24 November"));
    expect(issue.message).toMatch(/must be a date like 2026-11-24/);
  });
});

describe("loadContent: images", () => {
  const image = (patch: Record<string, unknown>) => ({ image: { ...(storyFields("third-story").image as object), ...patch } });

  it("reports an image file that does not exist under public/", async () => {
    const { content, issues, lineOf } = await loadWithThird(image({ src: "/images/not-there.jpg" }));
    const issue = findIssue(issues, { file: THIRD, field: "image.src" });
    expect(issue.severity).toBe("error");
    expect(issue.line).toBe(lineOf("src: /images/not-there.jpg"));
    expect(issue.message).toContain("public/images/not-there.jpg");
    expect(issue.fix).toMatch(/public\//);
    expect(content.stories.map((s) => s.slug)).not.toContain("third-story");
  });

  it("reports an image file that is not a readable image", async () => {
    const fixture = await makeFixture({ ...storyFile("third-story"), "public/images/third-story.jpg": "not a jpeg" });
    expect(findIssue(fixture.load().issues, { file: THIRD, field: "image.src" }).message).toMatch(/no readable image/);
  });

  it("does not read images outside public/", async () => {
    const fixture = await makeFixture({ ...storyFile("third-story", image({ src: "/../outside.jpg" })), "outside.jpg": "JPEG" });
    expect(findIssue(fixture.load().issues, { file: THIRD, field: "image.src" }).severity).toBe("error");
  });

  it("rejects an image path that is not a web image under public/", async () => {
    const { issues, lineOf } = await loadWithThird(image({ src: "images/photo.gif" }));
    const issue = findIssue(issues, { file: THIRD, field: "image.src" });
    expect(issue.message).toMatch(/must be a path under public\//);
    expect(issue.line).toBe(lineOf("src: images/photo.gif"));
  });

  it("reports an image without alt text, pointing at the image block", async () => {
    const { issues, lineOf } = await loadWithThird(image({ alt: undefined }));
    const issue = findIssue(issues, { file: THIRD, field: "image.alt" });
    expect(issue.severity).toBe("error");
    expect(issue.message).toBe("`image.alt` is required");
    // A missing key has no line of its own: the issue points into the block it belongs in.
    expect(issue.line).toBe(lineOf("src: /images/third-story.jpg"));
    expect(issue.fix).toMatch(/What the picture shows/);
  });

  it("reports an image with empty alt text on the alt line", async () => {
    const { issues, lineOf } = await loadWithThird(image({ alt: "" }));
    const issue = findIssue(issues, { file: THIRD, field: "image.alt" });
    expect(issue.message).toBe("`image.alt` must not be empty");
    expect(issue.line).toBe(lineOf("alt:"));
  });

  it.each(["caption", "credit"])("requires image.%s", async (field) => {
    const { issues } = await loadWithThird(image({ [field]: undefined }));
    expect(findIssue(issues, { file: THIRD, field: `image.${field}` }).message).toBe(`\`image.${field}\` is required`);
  });
});

describe("loadContent: other frontmatter values", () => {
  it("reports an unknown frontmatter field with its own field name and line", async () => {
    const { issues, lineOf } = await loadWithThird({ subtitle: "Typo for dek", catgory: "x" });
    const subtitle = findIssue(issues, { file: THIRD, field: "subtitle" });
    expect(subtitle.severity).toBe("error");
    expect(subtitle.line).toBe(lineOf("subtitle:"));
    expect(subtitle.message).toMatch(/`subtitle` is not a known field/);
    expect(findIssue(issues, { file: THIRD, field: "catgory" }).line).toBe(lineOf("catgory:"));
  });

  it("reports an unknown field nested in the image block", async () => {
    const { issues, lineOf } = await loadWithThird({ image: { ...(storyFields("third-story").image as object), photographer: "Someone" } });
    const issue = findIssue(issues, { file: THIRD, field: "image.photographer" });
    expect(issue.line).toBe(lineOf("photographer:"));
  });

  it("reports an unknown story type", async () => {
    const { issues, lineOf } = await loadWithThird({ type: "review" });
    const issue = findIssue(issues, { file: THIRD, field: "type" });
    expect(issue.line).toBe(lineOf("type: review"));
    expect(issue.fix).toMatch(/news, analysis, opinion, explainer, sponsored/);
  });

  it("reports an unknown status", async () => {
    const { issues } = await loadWithThird({ status: "hidden" });
    expect(findIssue(issues, { file: THIRD, field: "status" }).severity).toBe("error");
  });

  it("reports a tag that is not a slug", async () => {
    const { issues, lineOf } = await loadWithThird({ tags: ["ok-tag", "Harlow Pass"] });
    const issue = findIssue(issues, { file: THIRD, field: "tags.1" });
    expect(issue.line).toBe(lineOf("- Harlow Pass"));
    expect(issue.message).toMatch(/tag slug/);
  });

  it("warns about duplicate titles (case-insensitively) without failing", async () => {
    const fixture = await makeFixture({ ...storyFile("third-story", { title: "  HEADLINE for first-story " }), "public/images/third-story.jpg": "JPEG" });
    const content = fixture.load();
    const issue = findIssue(content.issues, { file: THIRD, field: "title" });
    expect(issue.severity).toBe("warning");
    expect(issue.line).toBe(fixture.lineOf(THIRD, "title:"));
    expect(issue.message).toBe("has the same headline as content/articles/first-story.mdx");
    expect(issue.fix).toBeTruthy();
    expect(errorsOf(content.issues)).toEqual([]);
    expect(content.stories.map((s) => s.slug)).toContain("third-story");
  });
});

describe("loadContent: files", () => {
  it("reports a file name that is not a slug, suggesting one", async () => {
    const fixture = await makeFixture({ "content/articles/My_Great Story.mdx": mdx(storyFields("first-story")) });
    const content = fixture.load();
    const issue = findIssue(content.issues, { file: "content/articles/My_Great Story.mdx" });
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/file name that cannot be a URL: the slug must be lowercase/);
    expect(issue.fix).toBe("Rename it, e.g. my-great-story.mdx");
    expect(content.stories).toHaveLength(2);
  });

  it("reports an author file name that is not an id", async () => {
    const fixture = await makeFixture({ "content/authors/Cara.mdx": mdx({ name: "Cara", role: "Reporter" }) });
    const issue = findIssue(fixture.load().issues, { file: "content/authors/Cara.mdx" });
    expect(issue.message).toMatch(/the author id must be/);
    expect(issue.fix).toBe("Rename it, e.g. cara.mdx");
  });

  it.each(["content/articles/notes.md", "content/articles/third-story.MDX", "content/authors/bio.txt"])("reports %s as not an .mdx file", async (file) => {
    const fixture = await makeFixture({ [file]: "---\ntitle: x\n---\n" });
    const issue = findIssue(fixture.load().issues, { file });
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/is not an \.mdx file, so it would never be published/);
    expect(issue.fix).toMatch(/Rename it to end in \.mdx/);
  });

  it("reports a file without frontmatter on line 1", async () => {
    const fixture = await makeFixture({ [THIRD]: "Just a body, no fields.\n" });
    const issue = findIssue(fixture.load().issues, { file: THIRD });
    expect(issue).toMatchObject({ severity: "error", line: 1 });
    expect(issue.message).toMatch(/has no frontmatter/);
  });

  it.each([
    ["an unterminated quote", 'dek: "unterminated'],
    ["a nested mapping on one line", "dek: Minister says: no"],
    ["a duplicated key", "title: Twice"],
  ])("reports invalid YAML (%s) with the line", async (_, badLine) => {
    const source = mdx(storyFields("third-story")).replace("section: world", `section: world\n${badLine}`);
    const fixture = await makeFixture({ [THIRD]: source, "public/images/third-story.jpg": "JPEG" });
    const issue = findIssue(fixture.load().issues, { file: THIRD });
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/^has invalid YAML: /);
    expect(issue.line).toBe(fixture.lineOf(THIRD, badLine));
    expect(issue.fix).toMatch(/indentation/);
  });

  it("reports invalid YAML in an author file with the line", async () => {
    const fixture = await makeFixture({ "content/authors/ben-editor.mdx": "---\nname: Ben\nrole: Editor: chief\n---\nBio.\n" });
    const issue = findIssue(fixture.load().issues, { file: "content/authors/ben-editor.mdx" });
    expect(issue.line).toBe(3);
    expect(issue.message).toMatch(/invalid YAML/);
  });
});

describe("loadContent: authors", () => {
  const AUTHOR = "content/authors/ben-editor.mdx";

  it("reports a missing author name", async () => {
    const fixture = await makeFixture({ [AUTHOR]: mdx({ role: "Editor" }) });
    const content = fixture.load();
    expect(findIssue(content.issues, { file: AUTHOR, field: "name" }).message).toBe("`name` is required");
    // The author is left out, so stories naming them fail too.
    expect(findIssue(content.issues, { file: "content/articles/second-story.mdx", field: "authors.0" }).message).toContain("ben-editor");
  });

  it("reports an avatar that does not exist", async () => {
    const fixture = await makeFixture({ [AUTHOR]: mdx({ name: "Ben", role: "Editor", avatar: "/images/authors/ben.jpg" }) });
    const issue = findIssue(fixture.load().issues, { file: AUTHOR, field: "avatar" });
    expect(issue.line).toBe(fixture.lineOf(AUTHOR, "avatar:"));
    expect(issue.message).toContain("public/images/authors/ben.jpg");
  });

  it("reports a bad link and an unknown kind of link, each with field and line", async () => {
    const fixture = await makeFixture({ [AUTHOR]: mdx({ name: "Ben", role: "Editor", links: { x: "not a url", tiktok: "https://example.com/ben" } }) });
    const issues = fixture.load().issues;
    expect(findIssue(issues, { file: AUTHOR, field: "links.x" }).line).toBe(fixture.lineOf(AUTHOR, "x: not a url"));
    const unknown = findIssue(issues, { file: AUTHOR, field: "links.tiktok" });
    expect(unknown.line).toBe(fixture.lineOf(AUTHOR, "tiktok:"));
    expect(unknown.message).toMatch(/not a known field/);
  });

  it("reports an unknown author field", async () => {
    const fixture = await makeFixture({ [AUTHOR]: mdx({ name: "Ben", role: "Editor", bio: "Long text" }) });
    expect(findIssue(fixture.load().issues, { file: AUTHOR, field: "bio" }).line).toBe(fixture.lineOf(AUTHOR, "bio:"));
  });
});

describe("loadContent: site-wide YAML files", () => {
  it.each(["content/site.yaml", "content/sections.yaml"])("reports a missing %s", async (file) => {
    const issue = findIssue((await makeFixture({ [file]: null })).load().issues, { file });
    expect(issue.message).toBe("is missing");
    expect(issue.fix).toBeTruthy();
  });

  it("reports invalid YAML in sections.yaml with the line", async () => {
    const fixture = await makeFixture({ "content/sections.yaml": "- id: world\n  name: World\n description: bad indent\n" });
    const content = fixture.load();
    const issue = findIssue(content.issues, { file: "content/sections.yaml" });
    expect(issue.line).toBe(3);
    expect(issue.message).toMatch(/^has invalid YAML/);
    // Without sections every story's section is unknown: the cause is still reported first.
    expect(content.issues[0]).toBe(issue);
  });

  it("reports a section id that is not a slug and an empty section list", async () => {
    const bad = await makeFixture({ "content/sections.yaml": "- id: World News\n  name: World\n  description: Abroad.\n" });
    expect(findIssue(bad.load().issues, { file: "content/sections.yaml", field: "0.id" }).message).toMatch(/section id/);
    const empty = await makeFixture({ "content/sections.yaml": "[]\n" });
    expect(findIssue(empty.load().issues, { file: "content/sections.yaml" }).message).toMatch(/at least one section/);
  });

  it("reports a missing site field and an unknown one", async () => {
    const fixture = await makeFixture({ "content/site.yaml": "name: Test\ntagline: T\nlanguage: en\ntimezone: UTC\n" });
    const issues = fixture.load().issues;
    expect(findIssue(issues, { file: "content/site.yaml", field: "timeZone" }).message).toBe("`timeZone` is required");
    expect(findIssue(issues, { file: "content/site.yaml", field: "timezone" }).message).toMatch(/not a known field/);
  });

  it("reports a trending link that is not a site path", async () => {
    const fixture = await makeFixture({ "content/trending.yaml": "- label: Out\n  href: https://example.com\n" });
    expect(findIssue(fixture.load().issues, { file: "content/trending.yaml", field: "0.href" }).message).toMatch(/path on this site/);
  });
});

describe("parseFrontmatter", () => {
  it("gives the file line of nested values and of the body", () => {
    const fm = parseFrontmatter("---\ntitle: A\nimage:\n  src: /x.jpg\nauthors:\n  - a\n  - b\n---\nBody\n");
    expect(fm.error).toBeUndefined();
    expect(fm.lineOf(["title"])).toBe(2);
    expect(fm.lineOf(["image", "src"])).toBe(4);
    expect(fm.lineOf(["image", "alt"])).toBe(4); // missing: the start of the enclosing block
    expect(fm.lineOf(["authors", 1])).toBe(7);
    expect(fm.lineOf(["missing"])).toBeUndefined();
    expect(fm.body).toBe("Body\n");
    expect(fm.bodyLine).toBe(9);
  });

  it("gives the file line of a YAML error", () => {
    const fm = parseFrontmatter("---\ntitle: A\nauthors:\n  - a\n - b\n---\n");
    expect(fm.data).toBeUndefined();
    expect(fm.error?.line).toBe(5);
  });
});

describe("formatIssue and ContentError", () => {
  it("prints file:line, field, message and fix", () => {
    const text = formatIssue({ severity: "error", file: "content/articles/a.mdx", field: "section", line: 4, message: "`section` is bad", fix: "Use world." });
    expect(text).toBe("✖ error  content/articles/a.mdx:4 section\n    `section` is bad\n    fix: Use world.");
    expect(formatIssue({ severity: "warning", file: "content/site.yaml", message: "hm" })).toBe("⚠ warning  content/site.yaml\n    hm");
  });

  it("lists only errors in the thrown message", () => {
    const error = new ContentError([
      { severity: "error", file: "a.mdx", message: "broken" },
      { severity: "warning", file: "b.mdx", message: "iffy" },
    ]);
    expect(error.message).toMatch(/1 error\(s\)/);
    expect(error.message).toContain("a.mdx");
    expect(error.message).not.toContain("b.mdx");
  });
});
