/**
 * Publishing against a real index (SQLite in a temp folder) and real content files: only the
 * changed files are validated, nothing is written when one is wrong, and the tags name exactly
 * what showed or shows the change.
 */
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { diffContent } from "../changes";
import { contentFromEntries } from "../entries";
import { publishChanges } from "../publish";
import { bodyPlainText } from "../../search/sync";
import { openSqliteStore } from "../store/sqlite";
import type { ContentStore } from "../store";
import { errorsOf, findIssue, warningsOf } from "./helpers";
import { makeFixture, mdx, NOW, removeFixtures, storyFields, type Fixture } from "./fixture";

let fixture: Fixture;
let store: ContentStore;

const contentDir = () => path.join(fixture.root, "content");
/**
 * How the caller holds the index: nothing (`npm run content:index` reads it), or a server's
 * snapshot with its stories already revived (POST /api/publish), which a stories-only publish
 * patches instead of reviving every story. Every test runs both ways.
 */
let asServer = false;
/** Publishes whatever differs between the fixture's files and the index, as `npm run publish` does. */
const publish = async () => {
  const current = asServer ? new Map((await store.changesSince(0)).entries.map((e) => [e.path, e])) : undefined;
  const currentStories = current && contentFromEntries(current).stories;
  return publishChanges(store, diffContent(contentDir(), await store.manifest()), { root: fixture.root, contentDir: contentDir(), now: NOW, current, currentStories });
};

beforeEach(async () => {
  fixture = await makeFixture({ "public/images/third-story.jpg": "JPEG" });
  store = openSqliteStore(path.join(fixture.root, ".ledger", "index.sqlite"));
  const first = await publish();
  expect(errorsOf(first.issues)).toEqual([]);
  expect(first.changed).toHaveLength(6);
  expect(first.storiesOnly).toBeUndefined(); // authors and site files too: search compares every story
});
afterAll(removeFixtures);

describe.each([
  ["reading the index itself", false],
  ["from a server's snapshot", true],
])("publishChanges, %s", (_, server) => {
  beforeEach(() => {
    asServer = server;
  });
  it("publishes a new story and expires its page, its lists, its feeds and the sitemaps", async () => {
    await fixture.write("content/articles/third-story.mdx", mdx(storyFields("third-story", { section: "politics", tags: ["harbour"] })));
    const result = await publish();
    expect(result.ok).toBe(true);
    expect(result.changed).toEqual(["articles/third-story.mdx"]);
    expect(result.storiesOnly).toEqual(["third-story"]);
    expect(result.tags).toEqual(["author:ana-writer", "lists", "section:politics", "story:third-story", "tag:harbour"]);
    expect(result.paths).toEqual(expect.arrayContaining(["/articles/third-story", "/", "/feed.xml", "/sitemap.xml", "/sections/politics", "/tags/harbour"]));
    const changes = await store.changesSince(result.seq - 1);
    expect(changes.entries.map((e) => e.path)).toEqual(["articles/third-story.mdx"]);
    expect(await store.body("articles/third-story.mdx")).toContain("A paragraph of the story.");
    // Search gets the body's plain text from the same parse, exactly as it would parse it itself.
    expect([...result.bodyText.keys()]).toEqual(["articles/third-story.mdx"]);
    expect(result.bodyText.get("articles/third-story.mdx")).toBe(await bodyPlainText((await store.body("articles/third-story.mdx"))!, "third-story.mdx"));
    expect(result.bodyText.get("articles/third-story.mdx")).toContain("A paragraph of the story.");
  });

  it("does nothing for files whose text the index already has", async () => {
    const seq = await store.seq();
    const result = await publish();
    expect(result).toMatchObject({ ok: true, changed: [], tags: [] });
    expect(await store.seq()).toBe(seq);
  });

  it("refuses a bad story with file, line and field, and writes nothing", async () => {
    await fixture.write("content/articles/third-story.mdx", mdx(storyFields("third-story", { section: "weather" })));
    const seq = await store.seq();
    const result = await publish();
    expect(result.ok).toBe(false);
    const issue = findIssue(result.issues, { field: "section" });
    expect(issue.file).toBe("content/articles/third-story.mdx");
    expect(issue.line).toBe(fixture.lineOf("content/articles/third-story.mdx", "section:"));
    expect(await store.seq()).toBe(seq);
  });

  it("refuses a body that would run code, naming the line", async () => {
    await fixture.write("content/articles/third-story.mdx", mdx(storyFields("third-story"), "Fine.\n\n{process.env.PREVIEW_SECRET}\n"));
    const result = await publish();
    expect(result.ok).toBe(false);
    expect(errorsOf(result.issues)[0]).toMatchObject({ file: "content/articles/third-story.mdx", line: fixture.lineOf("content/articles/third-story.mdx", "{process") });
  });

  it("checks a changed file against the rest of the index: a related link to an unknown story is an error", async () => {
    await fixture.write("content/articles/third-story.mdx", mdx(storyFields("third-story", { related: ["no-such-story"] })));
    const result = await publish();
    expect(result.ok).toBe(false);
    findIssue(result.issues, { field: "related.0", severity: "error" });
  });

  it("unpublishes with status: draft, expiring the lists that showed the story", async () => {
    await fixture.write("content/articles/first-story.mdx", mdx(storyFields("first-story", { tags: ["harbour"], status: "draft" })));
    const result = await publish();
    expect(result.ok).toBe(true);
    expect(result.tags).toEqual(expect.arrayContaining(["lists", "story:first-story", "section:world", "tag:harbour", "author:ana-writer"]));
  });

  it("always lets a takedown through: a story that links to the removed one gets a warning", async () => {
    await fixture.write("content/articles/second-story.mdx", mdx(storyFields("second-story", { section: "politics", publishedAt: "2026-11-21T08:00:00+00:00", authors: ["ben-editor"], related: ["first-story"] })));
    expect((await publish()).ok).toBe(true);
    await fixture.write("content/articles/first-story.mdx", null);
    const result = await publish();
    expect(result.ok).toBe(true);
    expect(result.changed).toEqual(["articles/first-story.mdx"]);
    expect(result.storiesOnly).toEqual(["first-story"]);
    expect(warningsOf(result.issues).map((i) => i.file)).toEqual(["content/articles/second-story.mdx"]);
    expect((await store.manifest()).has("articles/first-story.mdx")).toBe(false);
  });

  it("refuses to remove an author who still has stories, or a section still in use", async () => {
    await fixture.write("content/authors/ben-editor.mdx", null);
    const result = await publish();
    expect(result.ok).toBe(false);
    findIssue(result.issues, { file: "content/authors/ben-editor.mdx" });
  });

  it("names a file that the site does not publish", async () => {
    const result = await publishChanges(store, [{ path: "articles/notes.txt", source: "hello" }], { root: fixture.root, contentDir: contentDir(), now: NOW });
    expect(result.ok).toBe(false);
    findIssue(result.issues, { file: "content/articles/notes.txt" });
  });

  it("expires every page when a site file changes", async () => {
    await fixture.write("content/site.yaml", "name: Test Ledger\ntagline: Still news for tests\nlanguage: en-GB\ntimeZone: Europe/London\n");
    const result = await publish();
    expect(result.ok).toBe(true);
    expect(result.tags).toEqual(["site"]);
    expect(result.storiesOnly).toBeUndefined();
  });
});
