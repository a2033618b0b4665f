import { afterAll, describe, expect, it } from "vitest";
import { buildStoryIndex, createQueries, paginate, patchStoryIndex, PAGE_SIZE, type StoryIndex } from "../queries";
import type { Content, Story } from "../types";
import { contentObject, makeFixture, NOW, removeFixtures, storyFile, storyObject } from "./fixture";

afterAll(removeFixtures);

/** A story published `hoursAgo` before NOW (negative: scheduled), with overrides. */
const story = (slug: string, hoursAgo: number, overrides: Partial<Story> = {}): Story =>
  storyObject(slug, new Date(NOW.getTime() - hoursAgo * 3_600_000), overrides);

/** Content as loadContent returns it: stories newest first. */
const contentOf = (stories: Story[]): Content => contentObject(stories, { tagLabels: { "harlow-pass": "Harlow Pass" } });

const slugs = (stories: Story[]) => stories.map((s) => s.slug);

describe("related()", () => {
  const subject = story("subject", 5, { section: "world", tags: ["a", "b", "c"], related: ["pin-old", "pin-new"] });
  const all = [
    subject,
    story("pin-old", 100, { section: "politics" }),
    story("pin-new", 1, { section: "politics" }),
    story("three-tags", 50, { section: "politics", tags: ["a", "b", "c"] }),
    story("two-tags-old", 40, { section: "politics", tags: ["a", "b"] }),
    story("two-tags-new", 10, { section: "politics", tags: ["b", "c", "z"] }),
    story("one-tag", 2, { section: "politics", tags: ["c"] }),
    story("same-section", 3, { section: "world" }),
    story("unrelated-newest", 0.5, { section: "politics" }),
  ];
  const q = createQueries(contentOf(all));

  it("puts pinned stories first in the editor's order, then most shared tags, newest first within a tier, capped at 6", () => {
    expect(slugs(q.related(subject, NOW))).toEqual(["pin-old", "pin-new", "three-tags", "two-tags-new", "two-tags-old", "one-tag"]);
  });

  it("fills with the same section after shared tags, newest first", () => {
    const s = story("s2", 5, { section: "world", tags: ["c"] });
    const q2 = createQueries(
      contentOf([
        s,
        story("tagged", 30, { section: "politics", tags: ["c"] }),
        story("world-old", 20, { section: "world" }),
        story("world-new", 4, { section: "world" }),
        story("politics-new", 1, { section: "politics" }),
      ]),
    );
    expect(slugs(q2.related(s, NOW))).toEqual(["tagged", "world-new", "world-old"]);
  });

  it("orders many candidates as a full sort by shared tags, then newest, then slug would", () => {
    // Few tags and coarse times, so ties on tags and on time are common.
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = (n: number) => Math.floor(random() * n);
    const many = Array.from({ length: 400 }, (_, i) =>
      story(`s${i}`, 1 + pick(40), {
        section: ["world", "politics"][pick(2)],
        tags: [...new Set(Array.from({ length: 1 + pick(3) }, () => `t${pick(6)}`))],
        related: pick(10) === 0 ? [`s${pick(400)}`, `s${pick(400)}`] : [],
      }),
    );
    const q2 = createQueries(contentOf([...many].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug))));
    const reference = (subject: Story, max: number): string[] => {
      const out = new Set(subject.related.filter((slug) => slug !== subject.slug));
      const shared = many
        .filter((s) => s.slug !== subject.slug)
        .map((s) => [s, s.tags.filter((t) => subject.tags.includes(t)).length] as const)
        .filter(([, n]) => n > 0)
        .sort(([a, x], [b, y]) => y - x || b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
      for (const [s] of shared) if (out.size < max) out.add(s.slug);
      return [...out].slice(0, max);
    };
    for (const subject of many.slice(0, 60)) {
      for (const max of [3, 6]) expect(slugs(q2.related(subject, NOW, { max }))).toEqual(reference(subject, max));
    }
  });

  it("honours a custom max", () => {
    expect(slugs(q.related(subject, NOW, { max: 3 }))).toEqual(["pin-old", "pin-new", "three-tags"]);
  });

  it("never includes the story itself, even when pinned or sharing every tag", () => {
    const self = story("self", 5, { tags: ["a"], related: ["self", "other"] });
    const q2 = createQueries(contentOf([self, story("other", 6, { tags: ["a"] })]));
    expect(slugs(q2.related(self, NOW))).toEqual(["other"]);
  });

  it("never includes drafts or scheduled stories, pinned or not", () => {
    const s = story("s", 5, { tags: ["a"], related: ["draft", "future"] });
    const q2 = createQueries(
      contentOf([
        s,
        story("draft", 10, { status: "draft", tags: ["a"] }),
        story("future", -10, { tags: ["a"] }),
        story("ok-1", 20, { tags: ["a"] }),
        story("ok-2", 21),
        story("ok-3", 22),
      ]),
    );
    const result = slugs(q2.related(s, NOW));
    expect(result).not.toContain("draft");
    expect(result).not.toContain("future");
    expect(result).toEqual(["ok-1", "ok-2", "ok-3"]);
    // Once the scheduled story is public it is offered too.
    expect(slugs(q2.related(s, new Date(NOW.getTime() + 11 * 3_600_000)))).toContain("future");
  });

  it("tops up a thin topic to 3 with the latest public stories", () => {
    const s = story("lonely", 5, { section: "world", tags: ["rare"] });
    const q2 = createQueries(
      contentOf([
        s,
        story("p-newest", 1, { section: "politics" }),
        story("p-new", 2, { section: "politics" }),
        story("p-old", 3, { section: "politics" }),
        story("p-draft", 0.1, { section: "politics", status: "draft" }),
      ]),
    );
    expect(slugs(q2.related(s, NOW))).toEqual(["p-newest", "p-new", "p-old"]);
  });

  it("tops up after the topic cards, without repeating them", () => {
    const s = story("s", 5, { section: "world", tags: ["t"] });
    const q2 = createQueries(
      contentOf([s, story("tagged", 50, { section: "politics", tags: ["t"] }), story("latest", 1, { section: "politics" }), story("older", 2, { section: "politics" })]),
    );
    expect(slugs(q2.related(s, NOW))).toEqual(["tagged", "latest", "older"]);
  });

  it("does not top up beyond 3, and returns what there is when fewer exist", () => {
    const s = story("s", 5, { section: "world" });
    const many = Array.from({ length: 8 }, (_, i) => story(`p-${i}`, 10 + i, { section: "politics" }));
    expect(createQueries(contentOf([s, ...many])).related(s, NOW)).toHaveLength(3);
    const few = createQueries(contentOf([s, story("only", 9, { section: "politics" })]));
    expect(slugs(few.related(s, NOW))).toEqual(["only"]);
    expect(createQueries(contentOf([s])).related(s, NOW)).toEqual([]);
  });

  it("returns between 3 and 6 cards when there is enough content", () => {
    const s = story("s", 5, { section: "world", tags: ["x"] });
    for (const n of [3, 4, 6, 9]) {
      const others = Array.from({ length: n }, (_, i) => story(`o-${n}-${i}`, 10 + i, { section: "world", tags: ["x"] }));
      const count = createQueries(contentOf([s, ...others])).related(s, NOW).length;
      expect(count).toBe(Math.min(n, 6));
    }
  });

  it("ignores pinned slugs that do not exist and does not repeat a story pinned twice", () => {
    const s = story("s", 5, { related: ["gone", "twice", "twice"] });
    const q2 = createQueries(contentOf([s, story("twice", 6), story("a", 7), story("b", 8)]));
    expect(slugs(q2.related(s, NOW))).toEqual(["twice", "a", "b"]);
  });
});

describe("lists: latest, bySection, byTag, byAuthor", () => {
  const q = createQueries(
    contentOf([
      story("w-old", 30, { section: "world", tags: ["harlow-pass"], authors: ["ana-writer"] }),
      story("w-new", 2, { section: "world", tags: ["harlow-pass", "kesland"], authors: ["ana-writer", "ben-editor"] }),
      story("p-mid", 10, { section: "politics", tags: ["kesland"], authors: ["ben-editor"] }),
      story("w-draft", 1, { section: "world", tags: ["harlow-pass"], authors: ["ana-writer"], status: "draft" }),
      story("w-future", -1, { section: "world", tags: ["harlow-pass"], authors: ["ben-editor"] }),
    ]),
  );

  it("latest: public only, newest first, with a limit", () => {
    expect(slugs(q.latest(NOW))).toEqual(["w-new", "p-mid", "w-old"]);
    expect(slugs(q.latest(NOW, 2))).toEqual(["w-new", "p-mid"]);
  });

  it("bySection: newest first, public only", () => {
    expect(slugs(q.bySection("world", NOW))).toEqual(["w-new", "w-old"]);
    expect(slugs(q.bySection("politics", NOW))).toEqual(["p-mid"]);
    expect(q.bySection("nope", NOW)).toEqual([]);
  });

  it("byTag: newest first, public only", () => {
    expect(slugs(q.byTag("harlow-pass", NOW))).toEqual(["w-new", "w-old"]);
    expect(slugs(q.byTag("kesland", NOW))).toEqual(["w-new", "p-mid"]);
    expect(q.byTag("unused", NOW)).toEqual([]);
  });

  it("byAuthor: newest first, public only, co-authored stories included", () => {
    expect(slugs(q.byAuthor("ana-writer", NOW))).toEqual(["w-new", "w-old"]);
    expect(slugs(q.byAuthor("ben-editor", NOW))).toEqual(["w-new", "p-mid"]);
  });

  it("scheduled stories appear once their time has come", () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(slugs(q.bySection("world", later))).toEqual(["w-future", "w-new", "w-old"]);
    expect(slugs(q.byAuthor("ben-editor", later))[0]).toBe("w-future");
  });

  it("publicTags lists tags of public stories only, sorted", () => {
    const q2 = createQueries(contentOf([story("a", 1, { tags: ["zeta", "alpha"] }), story("d", 1, { tags: ["secret"], status: "draft" })]));
    expect(q2.publicTags(NOW)).toEqual(["alpha", "zeta"]);
  });

  it("publicStory hides drafts and scheduled stories; storyExists does not", () => {
    expect(q.publicStory("w-new", NOW)?.slug).toBe("w-new");
    expect(q.publicStory("w-draft", NOW)).toBeUndefined();
    expect(q.publicStory("w-future", NOW)).toBeUndefined();
    expect(q.publicStory("missing", NOW)).toBeUndefined();
    expect(q.storyExists("w-draft")).toBe(true);
    expect(q.storyExists("missing")).toBe(false);
  });

  it("looks up sections, authors and tag labels", () => {
    expect(q.section("world")?.name).toBe("World");
    expect(q.section("nope")).toBeUndefined();
    expect(q.author("ben-editor")?.name).toBe("Ben");
    expect(q.author("nope")).toBeUndefined();
    expect(q.authors()).toHaveLength(2);
    expect(q.tagLabel("harlow-pass")).toBe("Harlow Pass");
    expect(q.tagLabel("orlen-river-2026")).toBe("Orlen River 2026");
  });
});

describe("queries over a loaded fixture", () => {
  it("work end to end on real files", async () => {
    const fixture = await makeFixture({
      ...storyFile("third-story", { tags: ["harbour"], publishedAt: "2026-11-22T08:00:00+00:00" }),
      ...storyFile("draft-story", { tags: ["harbour"], status: "draft", image: undefined }),
      "public/images/third-story.jpg": "JPEG",
    });
    const content = fixture.load();
    expect(content.issues).toEqual([]);
    const q = createQueries(content);
    expect(slugs(q.byTag("harbour", NOW))).toEqual(["third-story", "first-story"]);
    expect(slugs(q.related(q.publicStory("first-story", NOW)!, NOW))).toEqual(["third-story", "second-story"]);
  });
});

describe("paginate", () => {
  const items = Array.from({ length: 45 }, (_, i) => i);

  it("pages 20 at a time", () => {
    expect(PAGE_SIZE).toBe(20);
    expect(paginate(items, 1)).toEqual({ items: items.slice(0, 20), page: 1, pageCount: 3, total: 45 });
    expect(paginate(items, 2)?.items).toEqual(items.slice(20, 40));
    expect(paginate(items, 3)?.items).toEqual([40, 41, 42, 43, 44]);
  });

  it("returns undefined out of range or for a page that is not a positive integer", () => {
    for (const page of [0, -1, 4, 1.5, Number.NaN, Infinity]) expect(paginate(items, page)).toBeUndefined();
  });

  it("has exactly one page for an empty list and for exactly 20 items", () => {
    expect(paginate([], 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
    expect(paginate([], 2)).toBeUndefined();
    const twenty = items.slice(0, 20);
    expect(paginate(twenty, 1)?.pageCount).toBe(1);
    expect(paginate(twenty, 2)).toBeUndefined();
    expect(paginate(items.slice(0, 21), 2)?.items).toEqual([20]);
  });

  it("takes a custom page size", () => {
    expect(paginate(items, 5, 10)?.items).toEqual([40, 41, 42, 43, 44]);
  });
});

describe("patchStoryIndex", () => {
  // A small seeded generator, so a failure repeats.
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const randomStory = (slug: string) =>
    story(slug, Math.floor(rand() * 200) - 20, {
      section: pick(["world", "politics", "science"]),
      tags: [pick(["a", "b", "c", "d"]), pick(["a", "e"])],
      authors: [pick(["ana-writer", "ben-writer"])],
      status: rand() < 0.15 ? "draft" : "published",
      redirectFrom: rand() < 0.1 ? [`old-${slug}`] : [],
    });
  const shape = (index: StoryIndex) => ({
    slugs: [...index.storyBySlug.slugs()].sort(),
    redirects: Object.fromEntries([...index.redirectOwner].map(([from, s]) => [from, s.slug]).sort()),
    lists: Object.fromEntries([...index.lists].map(([k, l]) => [k, slugs(l)]).sort()),
    published: Object.fromEntries([...index.published].map(([k, l]) => [k, slugs(l)]).sort()),
  });

  it("equals an index built from scratch after any mix of new, changed and removed stories", () => {
    let stories = new Map(Array.from({ length: 60 }, (_, i) => [`s${i}`, randomStory(`s${i}`)]));
    let index = buildStoryIndex([...stories.values()]);
    // Enough rounds for the slug overlay to be compacted (past 1,000 changes) on the way.
    for (let round = 0; round < 400; round++) {
      const removed: string[] = [];
      const added: Story[] = [];
      for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
        const slug = rand() < 0.3 ? `n${round}-${k}` : pick([...stories.keys()]);
        if (removed.includes(slug) || added.some((s) => s.slug === slug)) continue; // one change per story, as an index reports them
        if (rand() < 0.3 && stories.has(slug)) {
          stories.delete(slug);
          removed.push(slug);
        } else {
          const next = randomStory(slug);
          stories.set(slug, next);
          added.push(next);
        }
      }
      stories = new Map(stories);
      const before = shape(index);
      const patched = patchStoryIndex(index, removed, added);
      expect(shape(patched)).toEqual(shape(buildStoryIndex([...stories.values()])));
      // Copy-on-write: the snapshot a request is still reading is unchanged.
      expect(shape(index)).toEqual(before);
      index = patched;
    }
  });

  it("gives the same answers as fresh queries", () => {
    const a = story("a", 5, { tags: ["x"] });
    const b = story("b", 3, { tags: ["x"] });
    const base = createQueries(contentOf([b, a]));
    const moved = story("a", 1, { tags: ["x"], section: "politics" });
    const patched = createQueries(contentOf([moved, b]), patchStoryIndex(base.storyIndex, [], [moved]));
    expect(slugs(patched.byTag("x", NOW))).toEqual(["a", "b"]);
    expect(slugs(patched.bySection("politics", NOW))).toEqual(["a"]);
    expect(slugs(patched.bySection("world", NOW))).toEqual(slugs(createQueries(contentOf([moved, b])).bySection("world", NOW)));
    expect(slugs(base.byTag("x", NOW))).toEqual(["b", "a"]);
  });
});
