import { afterAll, describe, expect, it } from "vitest";
import { BODY_COMPONENTS, checkBodies } from "../body-check";
import { errorsOf, findIssue } from "./helpers";
import { makeFixture, mdx, NOW, removeFixtures, storyFile } from "./fixture";

afterAll(removeFixtures);

const THIRD = "content/articles/third-story.mdx";
const IMAGE_ATTRS = 'src="/images/extra.jpg" alt="Boats in the harbour." caption="Boats on Friday." credit="Photo by Test"';

/** Baseline plus a third story whose body is `body`; returns the check's issues. */
async function checkBody(body: string, overrides: Record<string, unknown> = {}) {
  const fixture = await makeFixture({ ...storyFile("third-story", overrides, body), "public/images/third-story.jpg": "JPEG" });
  const result = await fixture.check();
  return { fixture, ...result, lineOf: (needle: string) => fixture.lineOf(THIRD, needle) };
}

describe("checkBodies: valid bodies", () => {
  it("accepts every component used correctly, GFM tables, subheadings and HTML", async () => {
    const body = [
      "Opening paragraph with **bold** and a [link](/articles/first-story).",
      "",
      "## A subheading",
      "",
      `<ImageCaption ${IMAGE_ATTRS} />`,
      "",
      '<More slug="first-story" />',
      "",
      '<SocialPost author="Rhea Castellan" handle="@rhea.example" href="https://social.example/rhea/1" date="2026-11-23T06:12:00+00:00">',
      "Quoted post text.",
      "</SocialPost>",
      "",
      "| Year | Event |",
      "| --- | --- |",
      "| 1894 | Convention |",
      "",
      "Water is H<sub>2</sub>O, and 3 \\< 4 \\{ escaped \\}.",
      "",
    ].join("\n");
    const { issues } = await checkBody(body);
    expect(issues).toEqual([]);
  });

  it("checks the registry's component list", () => {
    expect(Object.keys(BODY_COMPONENTS).sort()).toEqual(["ImageCaption", "More", "SocialPost"]);
  });

  it("can be called on loaded content directly", async () => {
    const fixture = await makeFixture();
    const content = fixture.load();
    expect(await checkBodies(content, fixture.root, NOW)).toEqual([]);
  });
});

describe("checkBodies: MDX syntax", () => {
  it.each([
    // An unclosed tag swallows the following lines as attributes; the parser stops at "Para two.".
    ["an unclosed tag", 'Para one.\n\n<More slug="first-story"\n\nPara two.\n', "Para two.", /in attribute name/],
    ["an unclosed expression", "Para one.\n\nPrices rose {sharply this year.\n\nPara three.\n", "Prices rose {sharply", /closing brace for `\{`/],
    ["a stray closing tag", "Para one.\n\nSome text</SocialPost>\n", "Some text</SocialPost>", /closing slash/],
    ["an unescaped < before a digit", "Para one.\n\nTurnout was <3 per cent.\n", "Turnout was <3", /before name/],
  ])("reports %s as invalid MDX with its line in the file (frontmatter counted)", async (_, body, needle, reason) => {
    const { errors, lineOf } = await checkBody(body);
    expect(errors).toHaveLength(1);
    const issue = errors[0];
    expect(issue.file).toBe(THIRD);
    expect(issue.severity).toBe("error");
    expect(issue.message).toMatch(/^is not valid MDX: /);
    expect(issue.message).toMatch(reason);
    expect(issue.line).toBe(lineOf(needle));
    expect(issue.fix).toMatch(/escaped/);
  });

  it("keeps checking other files after a syntax error", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", {}, "Broken {\n"),
      ...storyFile("fourth-story", {}, "<Chart />\n"),
      "public/images/third-story.jpg": "JPEG",
      "public/images/fourth-story.jpg": "JPEG",
    });
    const { errors } = await fixture.check();
    expect(errors.map((e) => e.file).sort()).toEqual(["content/articles/fourth-story.mdx", THIRD]);
  });
});

describe("checkBodies: components", () => {
  it("reports an unknown component on its line, listing the ones that exist", async () => {
    const { errors, lineOf } = await checkBody("Intro.\n\n<Chart data=\"x\" />\n");
    const issue = findIssue(errors, { file: THIRD, line: lineOf("<Chart") });
    expect(issue.message).toBe("uses <Chart>, which is not a component articles can use");
    expect(issue.fix).toContain("<ImageCaption>, <More>, <SocialPost>");
  });

  it("reports an unknown inline component inside a paragraph", async () => {
    const { errors, lineOf } = await checkBody("Intro with <Badge>new</Badge> inline.\n");
    expect(findIssue(errors, { file: THIRD, line: lineOf("<Badge>") }).message).toMatch(/<Badge>/);
  });

  it("reports a known component spelt with the wrong case", async () => {
    const { errors, lineOf } = await checkBody("Intro.\n\n<more slug=\"first-story\" />\n\n<imageCaption " + IMAGE_ATTRS + " />\n");
    const more = findIssue(errors, { file: THIRD, line: lineOf("<more") });
    expect(more.message).toBe("uses <more>, which is not a component articles can use");
    expect(more.fix).toBe("Write it <More> (names are case-sensitive).");
    expect(findIssue(errors, { file: THIRD, line: lineOf("<imageCaption") }).fix).toMatch(/<ImageCaption>/);
  });

  it("allows ordinary lowercase HTML", async () => {
    const { issues } = await checkBody("Intro with <abbr title=\"Kessel Press Agency\">KPA</abbr> and <br /> a break.\n");
    expect(issues).toEqual([]);
  });

  it("reports an unknown attribute", async () => {
    const { errors, lineOf } = await checkBody('Intro.\n\n<More slug="first-story" title="x" />\n');
    const issue = findIssue(errors, { file: THIRD, field: "<More> title" });
    expect(issue.line).toBe(lineOf("<More"));
    expect(issue.message).toBe("<More> has an unknown attribute `title`");
    expect(issue.fix).toBe("It takes slug.");
  });
});

describe("checkBodies: <ImageCaption>", () => {
  it.each([
    ["missing", IMAGE_ATTRS.replace(' alt="Boats in the harbour."', "")],
    ["empty", IMAGE_ATTRS.replace('alt="Boats in the harbour."', 'alt="  "')],
  ])("reports alt text that is %s, with field and line", async (_, attrs) => {
    const { errors, lineOf } = await checkBody(`Intro.\n\n<ImageCaption ${attrs} />\n`);
    const issue = findIssue(errors, { file: THIRD, field: "<ImageCaption> alt" });
    expect(issue.line).toBe(lineOf("<ImageCaption"));
    expect(issue.message).toBe("<ImageCaption> has no `alt` (alt text): every image needs one");
    expect(issue.fix).toBe('Add alt="..." as plain text in double quotes.');
    expect(errors).toHaveLength(1);
  });

  it("reports alt text written as an expression once, as code that is not allowed", async () => {
    const attrs = IMAGE_ATTRS.replace('alt="Boats in the harbour."', 'alt={"Boats"}');
    const { errors, lineOf } = await checkBody(`Intro.\n\n<ImageCaption ${attrs} />\n`);
    expect(errors).toHaveLength(1);
    const issue = findIssue(errors, { file: THIRD, field: "<ImageCaption> alt" });
    expect(issue.line).toBe(lineOf("<ImageCaption"));
    expect(issue.message).toBe('<ImageCaption> has an expression in `alt` (`{"Boats"}`): attributes are plain text');
    expect(issue.fix).toBe('Write alt="..." as plain text in double quotes.');
  });

  it.each(["src", "caption", "credit"])("reports a missing %s", async (attr) => {
    const attrs = IMAGE_ATTRS.replace(new RegExp(` ?${attr}="[^"]*"`), "");
    const { errors } = await checkBody(`Intro.\n\n<ImageCaption ${attrs} />\n`);
    expect(findIssue(errors, { file: THIRD, field: `<ImageCaption> ${attr}` }).message).toBe(`<ImageCaption> has no \`${attr}\``);
  });

  it("reports an image file that does not exist", async () => {
    const attrs = IMAGE_ATTRS.replace("/images/extra.jpg", "/images/gone.jpg");
    const { errors, lineOf } = await checkBody(`Intro.\n\nMore text.\n\n<ImageCaption ${attrs} />\n`);
    const issue = findIssue(errors, { file: THIRD, field: "<ImageCaption> src" });
    expect(issue.line).toBe(lineOf("<ImageCaption"));
    expect(issue.message).toContain("public/images/gone.jpg");
  });

  it("gives the line of a component that spans several lines", async () => {
    const body = "Intro.\n\n<ImageCaption\n  src=\"/images/extra.jpg\"\n  caption=\"Boats.\"\n  credit=\"Photo by Test\"\n/>\n";
    const { errors, lineOf } = await checkBody(body);
    expect(findIssue(errors, { field: "<ImageCaption> alt" }).line).toBe(lineOf("<ImageCaption"));
  });
});

describe("checkBodies: <More>", () => {
  it("reports a slug with no story, on its line", async () => {
    const { errors, lineOf } = await checkBody('Intro.\n\n<More slug="no-such-story" />\n');
    const issue = findIssue(errors, { file: THIRD, field: "<More> slug" });
    expect(issue.line).toBe(lineOf("<More"));
    expect(issue.message).toBe('<More> points at "no-such-story", but there is no story content/articles/no-such-story.mdx');
    expect(issue.fix).toBeTruthy();
  });

  it("reports a <More> without a slug", async () => {
    const { errors } = await checkBody("Intro.\n\n<More />\n");
    expect(findIssue(errors, { file: THIRD, field: "<More> slug" }).message).toBe("<More> has no `slug`");
  });

  it.each([
    ["scheduled", { publishedAt: "2027-01-01T08:00:00+00:00" }],
    ["draft", { status: "draft" }],
  ])("warns when a public story's <More> points at a %s story", async (_, targetOverrides) => {
    const fixture = await makeFixture({
      ...storyFile("third-story", {}, 'Intro.\n\n<More slug="hidden-story" />\n'),
      ...storyFile("hidden-story", targetOverrides),
      "public/images/third-story.jpg": "JPEG",
      "public/images/hidden-story.jpg": "JPEG",
    });
    const { errors, warnings } = await fixture.check();
    expect(errors).toEqual([]);
    const issue = findIssue(warnings, { file: THIRD, field: "<More> slug" });
    expect(issue.line).toBe(fixture.lineOf(THIRD, "<More"));
    expect(issue.message).toMatch(/"hidden-story", which is not public yet/);
  });

  it("does not warn when the linking story is itself not public", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { status: "draft" }, 'Intro.\n\n<More slug="hidden-story" />\n'),
      ...storyFile("hidden-story", { status: "draft" }),
      "public/images/third-story.jpg": "JPEG",
      "public/images/hidden-story.jpg": "JPEG",
    });
    expect((await fixture.check()).issues).toEqual([]);
  });
});

describe("checkBodies: <SocialPost>", () => {
  const post = (attrs: string) => `Intro.\n\n<SocialPost ${attrs}>\nPost text.\n</SocialPost>\n`;

  it("reports a href that is not https", async () => {
    const { errors, lineOf } = await checkBody(post('author="A" handle="@a" href="http://social.example/1"'));
    const issue = findIssue(errors, { file: THIRD, field: "<SocialPost> href" });
    expect(issue.line).toBe(lineOf("<SocialPost"));
    expect(issue.message).toMatch(/https:\/\//);
  });

  it("reports a date that is not a date", async () => {
    const { errors } = await checkBody(post('author="A" handle="@a" href="https://social.example/1" date="last week"'));
    const issue = findIssue(errors, { file: THIRD, field: "<SocialPost> date" });
    expect(issue.message).toBe("<SocialPost> `date` must be an ISO 8601 date and time with an offset, like 2026-11-23T07:30:00+00:00");
    expect(issue.fix).toMatch(/ISO 8601/);
  });

  it("reports a missing handle", async () => {
    const { errors } = await checkBody(post('author="A" href="https://social.example/1"'));
    expect(findIssue(errors, { file: THIRD, field: "<SocialPost> handle" }).severity).toBe("error");
  });
});

describe("checkBodies: headings", () => {
  it.each([
    ["an ATX # heading", "Intro.\n\n# A second headline\n\nText.\n", "# A second headline"],
    ["a setext heading", "Intro.\n\nA second headline\n=================\n\nText.\n", "A second headline"],
    ["an <h1> element", "Intro.\n\n<h1>A second headline</h1>\n\nText.\n", "<h1>"],
  ])("reports %s in the body on its line", async (_, body, needle) => {
    const { errors, lineOf } = await checkBody(body);
    const issue = findIssue(errors, { file: THIRD });
    expect(issue.line).toBe(lineOf(needle));
    expect(issue.message).toMatch(/^has (a level-1 heading|an <h1>)/);
    expect(issue.message).toMatch(/the headline is the page's only h1/);
    expect(issue.fix).toMatch(/## /);
  });

  it("allows ## and deeper headings", async () => {
    const { issues } = await checkBody("Intro.\n\n## Sub\n\n### Subsub\n\nText.\n");
    expect(issues).toEqual([]);
  });

  it("checks author bios too", async () => {
    const fixture = await makeFixture({ "content/authors/ben-editor.mdx": mdx({ name: "Ben Editor", role: "Editor" }, "# Ben\n\nBen edits.\n") });
    const { errors } = await fixture.check();
    const issue = findIssue(errors, { file: "content/authors/ben-editor.mdx" });
    expect(issue.line).toBe(fixture.lineOf("content/authors/ben-editor.mdx", "# Ben"));
  });
});

describe("checkBodies: several problems", () => {
  it("reports every problem in a body at once, in order", async () => {
    const body = ['Intro.', "", "# Title", "", '<More slug="nope" />', "", "<Chart />", ""].join("\n");
    const { errors, lineOf } = await checkBody(body);
    expect(errors.map((e) => e.line)).toEqual([lineOf("# Title"), lineOf("<More"), lineOf("<Chart")]);
    expect(errorsOf(errors).every((e) => e.file === THIRD)).toBe(true);
  });
});

/** A body is data, never code: each construct that could run, load or leak is an error on its own line. */
describe("checkBodies: constructs a story body may not use", () => {
  it.each([
    ["an import", 'import fs from "node:fs"', /`import` or `export`/],
    ["an export", "export const x = 1", /`import` or `export`/],
    ["an expression in text", "The secret is {process.env.PREVIEW_SECRET} here.", /`\{process\.env\.PREVIEW_SECRET\}` expression/],
    ["a flow expression", '{"a" + "b"}', /expression: a story body is text, not code/],
    ["a <script>", "<script>alert(1)</script>", /<script>, which could run code/],
    ["a mixed-case <Script>", "<Script>alert(1)</Script>", /<Script>, which could run code/],
    ["a <sCrIpT>", "<sCrIpT>alert(1)</sCrIpT>", /<sCrIpT>, which could run code/],
    ["an <iframe>", '<iframe src="https://video.example/embed/1" />', /<iframe>, which could run code/],
    ["a <style>", "<style>{'body{display:none}'}</style>", /<style>, which could run code/],
    ["an <object>", '<object data="/x.swf" />', /<object>, which could run code/],
    ["an <embed>", '<embed src="/x.swf" />', /<embed>, which could run code/],
    ["a <form>", '<form action="https://evil.example"><input name="card" /></form>', /<form>, which could run code/],
    ["a <script> nested in a component", '<SocialPost author="A" handle="@a" href="https://social.example/1">\n<script>alert(1)</script>\n</SocialPost>', /<script>, which could run code/],
    ["a javascript: link", "[click](javascript:alert(1))", /`javascript:`, which a story may not link to/],
    ["a mixed-case JaVaScRiPt: link", "[click](JaVaScRiPt:alert(1))", /`javascript:`/],
    ["a javascript: link with an entity-encoded letter", "[click](&#x6A;avascript:alert(1))", /`javascript:`/],
    ["a data: link", "[x](data:text/html;base64,PHNjcmlwdD4=)", /`data:`, which a story may not link to/],
    ["a reference-style javascript: link", "[click][x]\n\n[x]: javascript:alert(1)", /`javascript:`/],
    ["an <a> element with javascript:", '<a href="JaVaScRiPt:alert(1)">x</a>', /<a>, which is not HTML a story can use/],
    ["an <img> with data: and onerror", '<img src="data:image/png;base64,AAAA" onerror="alert(1)" />', /<img>, which is not HTML a story can use/],
    ["a Markdown image", "![x](data:image/png;base64,AAAA)", /Markdown image/],
    ["an event handler on allowed HTML", '<abbr title="x" onMouseOver="alert(1)">A</abbr>', /event handler `onMouseOver`/],
    ["a style attribute on allowed HTML", '<span style="color:red">x</span>', /attribute `style` that a story cannot use/],
    ["a spread attribute", '<More {...{slug: "first-story"}} />', /spread attribute/],
    ["an expression in a component attribute", '<More slug={"first-story"} />', /expression in `slug`/],
    ["an event handler on a component", '<More slug="first-story" onClick="alert(1)" />', /event handler `onClick`/],
    ["a javascript: href on a component", '<SocialPost author="A" handle="@a" href="javascript:alert(1)">\nx\n</SocialPost>', /https:\/\//],
    ["a fragment", "<>text</>", /fragment/],
    ["an unknown component", '<Chart data="x" />', /<Chart>, which is not a component/],
    ["a member component", "<Foo.Bar />", /<Foo\.Bar>, which is not a component/],
  ])("rejects %s, with file and line", async (_, construct, message) => {
    const { errors, lineOf } = await checkBody(`Intro.\n\n${construct}\n`);
    const issue = errors.find((e) => message.test(e.message));
    expect(issue, errors.map((e) => e.message).join("\n")).toBeDefined();
    expect(issue!.file).toBe(THIRD);
    // The line of the offending part: a <script> nested in a component is on its own line.
    const offending = construct.split("\n").find((l) => /<script/i.test(l)) ?? construct.split("\n")[0];
    expect(issue!.line).toBe(lineOf(offending));
    expect(issue!.fix).toBeTruthy();
  });

  it.each([
    ["inline HTML from the allowlist", 'Water is H<sub>2</sub>O, x<sup>2</sup>, <abbr title="Port Alder Transit">PAT</abbr>, <mark>marked</mark>, <q cite="https://example.org/q">quoted</q> and <time dateTime="2026-11-23">Monday</time>.'],
    ["a note to other editors", "{/* check the figure with the desk */}\n\nText."],
    ["http, https, mailto, tel and site links", "[a](http://example.org) [b](https://example.org) [c](mailto:desk@example.org) [d](tel:+100) [e](/tags/harlow-pass) [f](#fn)"],
  ])("accepts %s", async (_, body) => {
    const { issues } = await checkBody(`Intro.\n\n${body}\n`);
    expect(issues).toEqual([]);
  });
});

describe("checkBodies: placeholders left by new:article", () => {
  const TODO_BODY = "TODO: the first paragraph: who, what, when and where, with attribution.\n";

  it.each([
    ["published", {}],
    ["scheduled", { publishedAt: "2027-06-01T08:00:00+00:00" }],
  ])("fails a %s story with a TODO in a field or the body, naming field and line", async (_, overrides) => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { ...overrides, dek: "TODO: one or two sentences under the headline." }, TODO_BODY),
      "public/images/third-story.jpg": "JPEG",
    });
    const { errors } = await fixture.check();
    const dek = findIssue(errors, { file: THIRD, field: "dek" });
    expect(dek.line).toBe(fixture.lineOf(THIRD, "dek:"));
    expect(dek.message).toMatch(/still has a TODO placeholder/);
    const body = errors.find((e) => e.file === THIRD && !e.field)!;
    expect(body.line).toBe(fixture.lineOf(THIRD, "TODO: the first paragraph"));
    expect(body.fix).toMatch(/status: draft/);
  });

  it("fails a TODO in the lead image's alt text", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { image: { src: "/images/third-story.jpg", alt: "TODO what the picture shows", caption: "c.", credit: "d" } }),
      "public/images/third-story.jpg": "JPEG",
    });
    const { errors } = await fixture.check();
    expect(findIssue(errors, { file: THIRD, field: "image.alt" }).line).toBe(fixture.lineOf(THIRD, "alt: TODO"));
  });

  it("lets a draft keep its placeholders", async () => {
    const fixture = await makeFixture({ ...storyFile("third-story", { status: "draft", dek: "TODO: later." }, TODO_BODY), "public/images/third-story.jpg": "JPEG" });
    expect((await fixture.check()).issues).toEqual([]);
  });
});

describe("checkBodies: incremental", () => {
  it("reuses the facts of unchanged bodies and still judges them against the current content", async () => {
    const body = `Before.\n\n<More slug="no-such-story" />\n\n<ImageCaption ${IMAGE_ATTRS} />\n`;
    const fixture = await makeFixture({ ...storyFile("third-story", {}, body), "public/images/third-story.jpg": "JPEG" });
    const cache = new Map();
    const content = fixture.load();
    const first = await checkBodies(content, fixture.root, NOW, { cache });
    expect(cache.size).toBe(content.stories.length + content.authors.length);
    findIssue(errorsOf(first), { field: "<More> slug" });
    // The same text, but the story it points at now exists: the cached facts are judged afresh,
    // so the results follow the content, not the cache.
    await fixture.write("content/articles/no-such-story.mdx", mdx({ title: "Now it exists", dek: "A dek.", section: "world", authors: ["ana-writer"], publishedAt: "2026-11-20T08:00:00+00:00", status: "draft" }));
    const second = await checkBodies(fixture.load(), fixture.root, NOW, { cache });
    expect(errorsOf(second)).toEqual([]);
    expect(cache.size).toBe(content.stories.length + content.authors.length + 1);
  });
});
