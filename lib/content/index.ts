/**
 * The content layer's public face. Pages and components import from here and never touch files:
 * content is read once per server process (at build time, for prerendered pages).
 */
import path from "node:path";
import { readImageDimensions } from "./images";
import { ContentError } from "./issues";
import { loadContent } from "./load";
import { createQueries, type Queries } from "./queries";

export { paginate, PAGE_SIZE, type Page } from "./queries";
export { isPublic, isVisible, storyState, type View, type StoryState } from "./visibility";
export type * from "./types";

let queries: Queries | undefined;

export function content(): Queries {
  if (!queries) {
    const loaded = loadContent({ root: process.cwd() });
    // A content error fails the build with the same list the content check prints.
    if (loaded.issues.some((i) => i.severity === "error")) throw new ContentError(loaded.issues);
    queries = createQueries(loaded);
  }
  return queries;
}

/** An image under public/ with its measured size; throws (failing the build) when it is missing. */
export function sizedImage(src: string): import("./types").SizedImage {
  const dims = readImageDimensions(path.join(process.cwd(), "public"), src);
  if (!dims) throw new Error(`Image ${src} does not exist under public/ (run npm run content:check)`);
  return { src, ...dims };
}
export { AUTHOR_LINKS as AUTHOR_LINK_KINDS } from "./schema";
