import { afterAll, describe, expect, it } from "vitest";
import { addLiveUpdate, isLiveSource, liveEnded, livePage, pageOfUpdate, parseLiveBody, splitLiveBody, updatesAfter } from "../live";
import { errorsOf, findIssue } from "./helpers";
import { makeFixture, NOW, removeFixtures, storyFile } from "./fixture";

afterAll(removeFixtures);

const FILE = "content/articles/live-story.mdx";

/** One update block as an editor writes it. */
function update(fields: Record<string, string>, body = "What happened, in a sentence."): string {
  return ["+++ update", ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), "+++", "", body, ""].join("\n");
}
const ok = (id: string, time: string, extra: Record<string, string> = {}) => update({ id, time, authors: "[ana-writer]", ...extra });

async function checkLive(body: string, overrides: Record<string, unknown> = {}) {
  const fixture = await makeFixture({ ...storyFile("live-story", { type: "live", ...overrides }, body), "public/images/live-story.jpg": "JPEG" });
  const { issues } = await fixture.check();
  return { issues, lineOf: (needle: string) => fixture.lineOf(FILE, needle), load: () => fixture.load() };
}

describe("live stories: valid", () => {
  it("accepts updates with components, a pinned one and key events; the story's updatedAt is its newest update", async () => {
    const body = [
      ok("late", "2026-11-20T12:00:00+00:00", { title: "Late news", keyEvent: "true" }),
      ok("early", "2026-11-20T09:00:00+00:00", { pinned: "true" }),
      update({ id: "more", time: "2026-11-20T10:00:00+00:00", authors: "[ana-writer, ben-editor]" }, 'See this.\n\n<More slug="first-story" />'),
    ].join("\n");
    const { issues, load } = await checkLive(body, { summary: ["One point.", "Another point."] });
    expect(errorsOf(issues)).toEqual([]);
    const story = load().stories.find((s) => s.slug === "live-story")!;
    expect(story.updatedAt?.toISOString()).toBe("2026-11-20T12:00:00.000Z");
    expect(story.liveCount).toBe(2);
  });
});

describe("live stories: errors name the file, line and field", () => {
  it("reports a bad field of an update at its line", async () => {
    const body = [ok("one", "2026-11-20T09:00:00+00:00"), ok("two", "yesterday")].join("\n");
    const { issues, lineOf } = await checkLive(body);
    const issue = findIssue(issues, { field: "updates.two.time" });
    expect(issue.file).toBe(FILE);
    expect(issue.line).toBe(lineOf("time: yesterday"));
    expect(issue.fix).toMatch(/ISO 8601/);
  });

  it("reports an unknown field, a duplicate id, a second pinned update and a key event without a title", async () => {
    const body = [
      ok("one", "2026-11-20T09:00:00+00:00", { pinned: "true" }),
      ok("five", "2026-11-20T09:30:00+00:00", { colour: "red" }),
      ok("one", "2026-11-20T10:00:00+00:00"),
      ok("three", "2026-11-20T11:00:00+00:00", { pinned: "true" }),
      ok("four", "2026-11-20T11:30:00+00:00", { keyEvent: "true" }),
    ].join("\n");
    const { issues, lineOf } = await checkLive(body);
    expect(findIssue(issues, { field: "updates.five.colour" }).line).toBe(lineOf("colour: red"));
    expect(findIssue(issues, { field: "updates.three.pinned" }).message).toMatch(/only one update can be pinned/);
    expect(findIssue(issues, { field: "updates.one.id", severity: "error" }).message).toMatch(/also the id/);
    expect(findIssue(issues, { field: "updates.four.title" }).message).toMatch(/key event/);
  });

  it("reports an author who does not exist and an update from the future", async () => {
    const body = [ok("one", "2026-11-20T09:00:00+00:00", { authors: "[nobody-here]" }), ok("two", "2026-12-01T13:00:00+00:00")].join("\n");
    const { issues, lineOf } = await checkLive(body);
    expect(findIssue(issues, { field: "updates.one.authors.0" }).message).toMatch(/nobody-here/);
    expect(findIssue(issues, { field: "updates.two.time" }).line).toBe(lineOf("id: two") - 1);
  });

  it("reports unsafe body content at its own line in the file", async () => {
    const body = [ok("one", "2026-11-20T09:00:00+00:00"), update({ id: "two", time: "2026-11-20T10:00:00+00:00", authors: "[ana-writer]" }, "Fine.\n\n<script>alert(1)</script>")].join("\n");
    const { issues, lineOf } = await checkLive(body);
    const issue = findIssue(issues, { line: lineOf("<script>") });
    expect(issue.message).toMatch(/<script>/);
  });

  it("reports text outside an update, an unclosed header and a live story without updates", async () => {
    expect(splitLiveBody("---\ntype: live\n---\nStray text.\n" + ok("a", "2026-11-20T09:00:00+00:00"), FILE).issues[0]).toMatchObject({ line: 4, message: expect.stringMatching(/before its first update/) });
    expect(splitLiveBody("---\ntype: live\n---\n+++ update\nid: a\n", FILE).issues[0]).toMatchObject({ line: 4, message: expect.stringMatching(/never closed/) });
    expect(splitLiveBody("---\ntype: live\n---\n\n", FILE).issues[0]).toMatchObject({ field: "updates" });
  });

  it("refuses live-only fields on another story", async () => {
    const fixture = await makeFixture(storyFile("third-story", { liveUntil: "2026-11-21T08:00:00+00:00" }));
    fixture.write("public/images/third-story.jpg", "JPEG");
    const { issues } = await fixture.check(NOW);
    expect(findIssue(issues, { field: "liveUntil" }).message).toMatch(/only for live coverage/);
  });
});

describe("live stories: order, pages and the poll cursor", () => {
  const source = (n: number) =>
    "---\ntype: live\n---\n" +
    Array.from({ length: n }, (_, i) => ok(`u${i}`, new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString().replace(".000Z", "+00:00"), i === 3 ? { pinned: "true" } : {})).join("\n");

  it("puts the pinned update first on page 1, then newest first, 20 a page; each permalink's page is right", async () => {
    const { updates, issues } = await parseLiveBody(source(45), FILE);
    expect(issues).toEqual([]);
    const one = livePage(updates, 1)!;
    expect(one.pinned?.id).toBe("u3");
    expect(one.updates.map((u) => u.id).slice(0, 2)).toEqual(["u44", "u43"]);
    expect(one.pageCount).toBe(3);
    const two = livePage(updates, 2)!;
    expect(two.pinned).toBeUndefined();
    expect(two.updates[0].id).toBe("u24");
    expect(pageOfUpdate(updates, "u24")).toBe(2);
    expect(pageOfUpdate(updates, "u3")).toBe(1);
    expect(pageOfUpdate(updates, "u0")).toBe(3);
    expect(livePage(updates, 4)).toBeUndefined();
    expect(livePage(updates, 0)).toBeUndefined();
  });

  it("answers only updates newer than the cursor, newest first", async () => {
    const { updates } = await parseLiveBody(source(5), FILE);
    const after = updatesAfter(updates, Date.UTC(2026, 10, 20, 0, 2));
    expect(after.map((u) => u.id)).toEqual(["u4", "u3"]);
    expect(updatesAfter(updates, Date.UTC(2030, 0, 1))).toEqual([]);
  });

  it("ends coverage at liveUntil, whatever the calendar says", () => {
    expect(liveEnded({ liveUntil: "2026-11-21T00:00:00+00:00" }, NOW)).toBe(true);
    expect(liveEnded({ liveUntil: "2026-12-21T00:00:00+00:00" }, NOW)).toBe(false);
    expect(liveEnded({}, NOW)).toBe(false);
  });
});

describe("addLiveUpdate (npm run live:add)", () => {
  const file = "---\ntype: live\n---\n\n" + ok("first", "2026-11-20T09:00:00+00:00");
  const at = new Date("2026-11-20T10:30:15Z");

  it("writes the update at the top with the given time, an id from its title, and keeps the file valid", async () => {
    const { source, id } = addLiveUpdate(file, { authors: ["ana-writer"], title: "Bridge: reopened", keyEvent: true, text: "The bridge is open." }, at);
    expect(id).toBe("bridge-reopened");
    const { updates, issues } = await parseLiveBody(source, FILE);
    expect(issues).toEqual([]);
    expect(updates.map((u) => u.id)).toEqual(["bridge-reopened", "first"]);
    expect(updates[0]).toMatchObject({ title: "Bridge: reopened", keyEvent: true, time: at });
    expect(source.indexOf("bridge-reopened")).toBeLessThan(source.indexOf("id: first"));
  });

  it("never reuses an id, and refuses a second pinned update or a non-live file", () => {
    const once = addLiveUpdate(file, { authors: ["ana-writer"], id: "first", text: "Again." }, at);
    expect(once.id).toBe("first-2");
    const pinned = addLiveUpdate(file, { authors: ["ana-writer"], pinned: true, text: "Pinned." }, at).source;
    expect(() => addLiveUpdate(pinned, { authors: ["ana-writer"], pinned: true, text: "Another." }, at)).toThrow(/pinned/);
    expect(() => addLiveUpdate("---\ntype: news\n---\nText.\n", { authors: ["a"], text: "x" }, at)).toThrow(/not live coverage/);
  });
});

describe("isLiveSource", () => {
  const file = (frontmatter: string, body = "Text that says live.") => `---\n${frontmatter}\n---\n\n${body}\n`;
  it("sees `type: live` however the YAML writes it, and nothing else", () => {
    expect(isLiveSource(file("title: A\ntype: live"))).toBe(true);
    expect(isLiveSource(file(`type: "live"`))).toBe(true);
    expect(isLiveSource(file(`type: "\\x6cive"`))).toBe(true);
    expect(isLiveSource(file("{title: A, type: 'live'}"))).toBe(true);
    expect(isLiveSource(file("title: Live music returns\ntype: news"))).toBe(false);
    expect(isLiveSource(file("title: A\ntype: news"))).toBe(false);
    expect(isLiveSource("type: live\n\nNo frontmatter at all.")).toBe(false);
  });
});
