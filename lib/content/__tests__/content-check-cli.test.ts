/** `npm run content:check` as editors and the build run it: a real process, real files, exit codes. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeFixture, removeFixtures, storyFile } from "./fixture";

afterAll(removeFixtures);

const REPO = path.resolve(__dirname, "../../..");

function runCheck(contentRoot: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "scripts/content-check.ts"],
      { cwd: REPO, env: { ...process.env, CONTENT_ROOT: contentRoot, NO_COLOR: "1" }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run content:check (scripts/content-check.ts)", { timeout: 90_000 }, () => {
  it("exits 0 on a valid repo and prints the summary", async () => {
    const fixture = await makeFixture();
    const { code, stdout, stderr } = await runCheck(fixture.root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Checked 2 stories \(\d public\) and 2 authors: 0 error\(s\), 0 warning\(s\)\./);
  });

  it("exits 1 on a broken repo, naming every file, line and field with a fix", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { section: "sport" }),
      ...storyFile("fourth-story", {}, "Intro.\n\nPrices rose {sharply.\n"),
      "public/images/third-story.jpg": "JPEG",
      "public/images/fourth-story.jpg": "JPEG",
    });
    const { code, stdout } = await runCheck(fixture.root);
    expect(code).toBe(1);
    const sectionLine = fixture.lineOf("content/articles/third-story.mdx", "section: sport");
    expect(stdout).toContain(`✖ error  content/articles/third-story.mdx:${sectionLine} section`);
    expect(stdout).toContain('`section` is "sport", which is not a declared section');
    expect(stdout).toContain("fix: Use one of: world, politics");
    const exprLine = fixture.lineOf("content/articles/fourth-story.mdx", "Prices rose");
    expect(stdout).toContain(`✖ error  content/articles/fourth-story.mdx:${exprLine}`);
    expect(stdout).toContain("is not valid MDX");
    expect(stdout).toMatch(/2 error\(s\), 0 warning\(s\)\.$/m);
  });

  it("exits 1 on an unknown author and a missing image, naming the fields", async () => {
    const fixture = await makeFixture(storyFile("third-story", { authors: ["zed"] }));
    const { code, stdout } = await runCheck(fixture.root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✖ error {2}content\/articles\/third-story\.mdx:\d+ authors\.0\n/);
    expect(stdout).toMatch(/✖ error {2}content\/articles\/third-story\.mdx:\d+ image\.src\n/);
  });

  it("exits 0 when there are only warnings, and lists stories that are not public yet", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { title: "Headline for first-story" }),
      ...storyFile("draft-story", { status: "draft", image: undefined }),
      "public/images/third-story.jpg": "JPEG",
    });
    const { code, stdout } = await runCheck(fixture.root);
    expect(code).toBe(0);
    expect(stdout).toMatch(/⚠ warning {2}content\/articles\/third-story\.mdx:\d+ title\n/);
    expect(stdout).toContain("has the same headline as content/articles/first-story.mdx");
    expect(stdout).toContain("Not public yet:\n  content/articles/draft-story.mdx  (draft)");
    expect(stdout).toContain("0 error(s), 1 warning(s).");
  });

  it("exits 1 on a folder with no content at all", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "content-empty-"));
    try {
      const { code, stdout } = await runCheck(empty);
      expect(code).toBe(1);
      expect(stdout).toContain("✖ error  content/site.yaml\n    is missing");
      expect(stdout).toContain("✖ error  content/sections.yaml\n    is missing");
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("passes on the repository's own content", async () => {
    const { code, stdout } = await runCheck(REPO);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: 0 error\(s\), 0 warning\(s\)\.$/m);
  });
});
