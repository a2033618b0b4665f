/**
 * `tsx bench/queries.ts [count]`: what the content queries cost per call over an archive of
 * `count` generated stories (default 100,000) held in memory, as a server holds its snapshot.
 * Figures only. The stories are synthetic objects (no files, no index), with the tag and section
 * spread of bench/archive.ts: what is measured is the queries' own work.
 */
import { createQueries, patchStoryIndex } from "../lib/content/queries";
import type { Content, Story } from "../lib/content/types";

const count = Number(process.argv[2] ?? 100_000);
const SECTIONS = ["world", "politics", "business", "science", "culture"];
const TAGS = Array.from({ length: 323 }, (_, i) => `tag-${i}`);
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
// Popular tags are used often, most rarely (as in a newsroom's archive).
const pickTag = () => TAGS[Math.floor(TAGS.length * random() ** 3)];
const now = Date.now();

const stories: Story[] = Array.from({ length: count }, (_, i) => ({
  slug: `story-${i}`,
  file: `content/articles/story-${i}.mdx`,
  title: `Headline ${i}`,
  dek: "Dek.",
  section: SECTIONS[i % SECTIONS.length],
  type: "news",
  authors: [`author-${i % 5}`],
  status: i % 100 === 0 ? "draft" : "published",
  tags: [...new Set([pickTag(), pickTag(), pickTag()])],
  contributors: [],
  related: [],
  corrections: [],
  redirectFrom: [],
  publishedAt: new Date(now - Math.floor(random() * 5 * 365 * 86_400_000)),
})) as unknown as Story[];
stories.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
const content = {
  site: {},
  sections: SECTIONS.map((id) => ({ id, name: id, description: "" })),
  tagLabels: {},
  trending: [],
  stories,
  authors: [],
  issues: [],
} as unknown as Content;

const time = (label: string, runs: number, fn: (i: number) => unknown) => {
  const started = performance.now();
  for (let i = 0; i < runs; i++) fn(i);
  const ms = (performance.now() - started) / runs;
  console.log(`| ${label} | ${ms < 1 ? ms.toFixed(3) : ms.toFixed(1)} ms |`);
};

console.log(`${count.toLocaleString("en")} stories in memory\n\n| query | per call |\n| --- | ---: |`);
let q = createQueries(content);
time("createQueries (a server's first snapshot: every list)", 3, () => (q = createQueries(content)));
// What a server does on catching up with a publish of one story: patch the lists that story is in.
time("patchStoryIndex + createQueries (catching up with one changed story)", 20, (i) => {
  const changed = { ...stories[Math.floor(random() * count)], title: `Corrected ${i}` };
  createQueries(content, patchStoryIndex(q.storyIndex, [], [changed]));
});
const view = new Date();
time("latest(20)", 200, () => q.latest(view, 20));
time("bySection", 200, (i) => q.bySection(SECTIONS[i % 5], view));
time("byTag (popular tag)", 200, () => q.byTag(TAGS[0], view));
time("byAuthor", 200, (i) => q.byAuthor(`author-${i % 5}`, view));
time("publicTags", 20, () => q.publicTags(view));
time("related (random stories)", 500, () => q.related(stories[Math.floor(random() * count)], view));
