/**
 * The MDX source of a story's body, for outputs that render it outside the page (the feeds).
 * Reads the story's file through the path the content layer recorded and strips the frontmatter
 * the same way the loader parses it.
 */
import fs from "node:fs";
import path from "node:path";
import { parseFrontmatter } from "./frontmatter";
import type { Story } from "./types";

/** The body of `story` (everything after the closing `---`), read from content/articles. */
export function readStoryBody(story: Pick<Story, "file">, root = process.cwd()): string {
  const source = fs.readFileSync(path.join(root, story.file), "utf8");
  return parseFrontmatter(source).body;
}
