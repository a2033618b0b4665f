import { describe, expect, it } from "vitest";
import { content } from "@/lib/content";
import { parseBody } from "@/lib/content/body/parse";
import { articlePath } from "@/lib/routes";
import { absoluteUrl, renderBodyHtml, storyBodyHtml, treeToFeedHtml, type BodyHtmlContext } from "../body-html";

const BASE = "https://news.example";
const ctx = (over: Partial<BodyHtmlContext> = {}): BodyHtmlContext => ({
  base: BASE,
  timeZone: "Europe/London",
  publicStory: (slug) => (slug === "public-story" ? { slug, title: "A public <story> & more" } : undefined),
  imageSize: (src) => (src === "/images/a.jpg" ? { width: 1600, height: 900 } : undefined),
  ...over,
});
const render = (source: string, over?: Partial<BodyHtmlContext>) => renderBodyHtml(source, ctx(over));
/** The renderer's own safety net: what a body that skipped the content check would become. */
const renderUnchecked = async (source: string) => treeToFeedHtml((await parseBody(source, { file: "x.mdx" })).tree, ctx());

describe("renderBodyHtml: components", () => {
  it("maps ImageCaption to a figure with an absolute, sized image and caption (credit)", async () => {
    const html = await render(
      '<ImageCaption src="/images/a.jpg" alt="Soldiers at dawn" caption="Troops load lorries." credit="Photo by A. Reis" />',
    );
    expect(html).toBe(
      '<figure><img src="https://news.example/images/a.jpg" alt="Soldiers at dawn" width="1600" height="900"><figcaption>Troops load lorries. (Photo by A. Reis)</figcaption></figure>',
    );
  });

  it("leaves width and height out when the image size is unknown", async () => {
    const html = await render('<ImageCaption src="/images/unknown.jpg" alt="x" caption="c" credit="d" />');
    expect(html).toContain('<img src="https://news.example/images/unknown.jpg" alt="x">');
    expect(html).not.toMatch(/width=|height=/);
  });

  it("maps More to a MORE: line with the headline, linked absolutely, when the target is public", async () => {
    expect(await render('<More slug="public-story" />')).toBe(
      '<p><strong>MORE:</strong> <a href="https://news.example/articles/public-story">A public &#x3C;story> &#x26; more</a></p>',
    );
  });

  it("renders nothing for More to a story that is not public", async () => {
    const html = await render('Before.\n\n<More slug="hidden-story" />\n\nAfter.');
    expect(html).toBe("<p>Before.</p>\n<p>After.</p>");
  });

  it("asks the content layer's public view: a draft and a scheduled story are never linked", async () => {
    const site = await content();
    const publicStory = (slug: string) => site.publicStory(slug, new Date());
    for (const slug of ["harlow-pass-ceasefire-talks", "old-orlen-bridge-reopens"]) {
      expect(site.storyExists(slug)).toBe(true);
      expect(await render(`<More slug="${slug}" />`, { publicStory })).toBe("");
    }
    const html = await render('<More slug="harlow-pass-clash-what-we-know" />', { publicStory });
    expect(html).toContain('<a href="https://news.example/articles/harlow-pass-clash-what-we-know">Harlow Pass clash');
  });

  it("maps SocialPost to a blockquote citing the post, with the byline and a dated link", async () => {
    const html = await render(
      '<SocialPost author="Rhea Castellan" handle="@rhea.bsky.social" href="https://bsky.app/profile/rhea/post/1" date="2026-11-23T06:12:00+00:00">\nConvoy still rolling.\n</SocialPost>',
    );
    expect(html).toMatch(/^<blockquote cite="https:\/\/bsky\.app\/profile\/rhea\/post\/1">/);
    expect(html).toContain("<p>Convoy still rolling.</p>");
    expect(html).toContain(
      '<p>— Rhea Castellan (@rhea.bsky.social) <a href="https://bsky.app/profile/rhea/post/1" rel="nofollow">23 November 2026 at 06:12 GMT</a></p></blockquote>',
    );
  });

  it("links an undated SocialPost as the original post", async () => {
    const html = await render('<SocialPost author="A" handle="@a" href="https://x.com/a/status/1">\nHello.\n</SocialPost>');
    expect(html).toContain('<a href="https://x.com/a/status/1" rel="nofollow">View the original post</a>');
  });

  const REJECTED =
    'import X from "x"\n\n<Chart data="1">chart text</Chart>\n\n<script>alert(1)</script>\n\n<div>inside a div</div>\n\nText {1 + 1} here <span>and span</span>.\n\n{"flow"}';

  it("refuses a body with rejected constructs, naming them", async () => {
    await expect(render(REJECTED)).rejects.toThrow(/import.*\n[\s\S]*<Chart>[\s\S]*<script>[\s\S]*<div>[\s\S]*expression/);
  });

  it("renders a rejected body safely even unchecked: code and scripts gone, unknown tags unwrapped with their text", async () => {
    const html = await renderUnchecked(REJECTED);
    expect(html).toBe("<p>chart text</p>\n<p>inside a div</p>\n<p>Text  here <span>and span</span>.</p>");
  });

  it("keeps inline HTML from the allowlist with its text: Water is H2O, not HO", async () => {
    expect(await render('Water is H<sub>2</sub>O and <abbr title="Port Alder Transit">PAT</abbr> runs buses.')).toBe(
      '<p>Water is H<sub>2</sub>O and <abbr title="Port Alder Transit">PAT</abbr> runs buses.</p>',
    );
  });

  it("adds the contributors line at the end", async () => {
    expect(await render("Body.", { contributors: ["Wire services"] })).toBe(
      "<p>Body.</p>\n<p><em>(Wire services contributed to this report.)</em></p>",
    );
    expect(await render("Body.", { contributors: ["Reuters", "AP", "AFP"] })).toContain(
      "<em>(Reuters, AP and AFP contributed to this report.)</em>",
    );
    expect(await render("Body.", { contributors: [] })).toBe("<p>Body.</p>");
  });

  it("ignores frontmatter if it is still there", async () => {
    expect(await render("---\ntitle: x\n---\nBody.")).toBe("<p>Body.</p>");
  });

  it("keeps Markdown: headings, emphasis, lists and GFM tables", async () => {
    const html = await render("## Sub\n\n*a* **b**\n\n- one\n- two\n\n| h |\n| - |\n| c |");
    expect(html).toContain("<h2>Sub</h2>");
    expect(html).toContain("<em>a</em> <strong>b</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<td>c</td>");
  });
});

describe("renderBodyHtml: escaping and URLs", () => {
  it("escapes text and attributes from the MDX", async () => {
    const html = await render(
      '<ImageCaption src="/images/a.jpg" alt="A &quot;quoted&quot; &lt;b&gt;" caption="<script>alert(1)</script> & co" credit="\'x\'" />\n\nFish &amp; chips \\<b\\> 1 \\< 2',
    );
    expect(html).not.toContain("<script");
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script> &#x26; co");
    expect(html).toContain("Fish &#x26; chips &#x3C;b> 1 &#x3C; 2");
    // Inside a double-quoted attribute only `"` and `&` need escaping: the quote cannot be broken out of.
    expect(html).toContain('alt="A &#x22;quoted&#x22; <b>"');
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<(?!\/?(?:figure|img|figcaption|p)\b)/);
  });

  it("makes relative links and images absolute and keeps external ones", async () => {
    const html = await render(
      "[tag](/tags/harlow-pass) [rel](articles/x) [ext](https://example.org/a?b=1&c=2) [mail](mailto:desk@news.example)",
    );
    expect(html).toContain('<a href="https://news.example/tags/harlow-pass">tag</a>');
    expect(html).toContain('<a href="https://news.example/articles/x">rel</a>');
    expect(html).toContain('<a href="https://example.org/a?b=1&#x26;c=2">ext</a>');
    expect(html).toContain('<a href="mailto:desk@news.example">mail</a>');
  });

  it("refuses unsafe URLs, and unchecked removes them keeping the link text", async () => {
    const source = "[click](javascript:alert(1)) [data](data:text/html,x)\n\n![x](javascript:alert(1))";
    await expect(render(source)).rejects.toThrow(/javascript:/);
    const html = await renderUnchecked(source);
    expect(html).not.toMatch(/javascript:|data:/);
    expect(html).toBe("<p>click data</p>");
  });

  it("never emits a relative URL", async () => {
    const html = await render(
      '[a](/x) [b](y/z)\n\n<ImageCaption src="/images/a.jpg" alt="a" caption="c" credit="d" />\n\n<More slug="public-story" />',
    );
    for (const [, url] of html.matchAll(/(?:href|src|cite)="([^"]*)"/g)) expect(url).toMatch(/^https:\/\/news\.example\//);
  });

  it("absoluteUrl resolves on the base and refuses other protocols", async () => {
    expect(absoluteUrl("/a b", BASE)).toBe("https://news.example/a%20b");
    expect(absoluteUrl("#fn-1", BASE)).toBe("#fn-1");
    expect(absoluteUrl("JavaScript:alert(1)", BASE)).toBeUndefined();
    expect(absoluteUrl("  ", BASE)).toBeUndefined();
  });
});

describe("storyBodyHtml (the real content)", async () => {
  const site = await content();
  const flagship = site.publicStory("vestria-sends-troops-to-harlow-pass", new Date())!;

  it("renders the flagship story with every component, absolute URLs and the contributors line", async () => {
    const html = (await storyBodyHtml(flagship))!;
    expect(html).toContain("Vestria will send 1,200 soldiers to Harlow Pass");
    expect(html).toMatch(
      /<p><strong>MORE:<\/strong> <a href="https?:\/\/[^"]+\/articles\/harlow-pass-clash-what-we-know">Harlow Pass clash/,
    );
    expect(html).toMatch(
      /<figure><img src="https?:\/\/[^"]+\/images\/articles\/vestria-sends-troops-to-harlow-pass-2\.jpg" alt="[^"]+" width="\d+" height="\d+">/,
    );
    expect(html).toContain('<blockquote cite="https://bsky.app/profile/rheacastellan.bsky.social/post/3kx2harlow01">');
    expect(html.endsWith("<p><em>(Wire services contributed to this report.)</em></p>")).toBe(true);
    expect(await storyBodyHtml(flagship)).toBe(html);
  });

  it("re-renders a cached body when a More target's visibility changes", async () => {
    const before = new Date("2026-11-21T15:00:00Z"); // before "what we know" was published
    expect(await storyBodyHtml(flagship, before)).not.toContain("harlow-pass-clash-what-we-know");
    expect(await storyBodyHtml(flagship, new Date())).toContain(articlePath("harlow-pass-clash-what-we-know"));
  });
});
