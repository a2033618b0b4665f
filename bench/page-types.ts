import { articlePath, FRONT_PATH, listPath } from "../lib/routes";

/** One URL of each page type the benchmarks measure (the e2e tests have the same list in e2e/fixtures.ts). */
export const PAGE_TYPES: Record<string, string> = {
  article: articlePath("vestria-sends-troops-to-harlow-pass"),
  front: FRONT_PATH,
  section: listPath("section", "world"),
  tag: listPath("tag", "harlow-pass"),
  author: listPath("author", "mara-okafor"),
};
