import { describe, expect, it } from "vitest";
import { content } from "@/lib/content";
import { readStoryBody } from "@/lib/content/source";
import { absoluteUrl, renderBodyHtml, storyBodyHtml, type BodyHtmlContext } from "../body-html";

const BASE = "https://news.example";
const ctx = (over: Partial<BodyHtmlContext> = {}): BodyHtmlContext => ({
  base: BASE,
  timeZone: "Europe/London",
  publicStory: (slug) => (slug === "public-story" ? { slug, title: "A public <story> & more" } : undefined),
  imageSize: (src) => (src === "/images/a.jpg" ? { width: 1600, height: 900 } : undefined),
  ...over,
});
const render = (source: string, over?: Partial<BodyHtmlContext>) => renderBodyHtml(source, ctx(over));

describe("renderBodyHtml: components", () => {
  it("maps ImageCaption to a figure with an absolute, sized image and caption (credit)", () => {
    const html = render('<ImageCaption src="/images/a.jpg" alt="Soldiers at dawn" caption="Troops load lorries." credit="Photo by A. Reis" />');
    expect(html).toBe(
      '<figure><img src="https://news.example/images/a.jpg" alt="Soldiers at dawn" width="1600" height="900"><figcaption>Troops load lorries. (Photo by A. Reis)</figcaption></figure>',
    );
  });

  it("leaves width and height out when the image size is unknown", () => {
    const html = render('<ImageCaption src="/images/unknown.jpg" alt="x" caption="c" credit="d" />');
    expect(html).toContain('<img src="https://news.example/images/unknown.jpg" alt="x">');
    expect(html).not.toMatch(/width=|height=/);
  });

  it("maps More to a MORE: line with the headline, linked absolutely, when the target is public", () => {
    expect(render('<More slug="public-story" />')).toBe(
      '<p><strong>MORE:</strong> <a href="https://news.example/articles/public-story">A public &#x3C;story> &#x26; more</a></p>',
    );
  });

  it("renders nothing for More to a story that is not public", () => {
    const html = render('Before.\n\n<More slug="hidden-story" />\n\nAfter.');
    expect(html).toBe("<p>Before.</p>\n<p>After.</p>");
  });

  it("asks the content layer's public view: a draft and a scheduled story are never linked", () => {
    const site = content();
    const publicStory = (slug: string) => site.publicStory(slug, new Date());
    for (const slug of ["harlow-pass-ceasefire-talks", "old-orlen-bridge-reopens"]) {
      expect(site.storyExists(slug)).toBe(true);
      expect(render(`<More slug="${slug}" />`, { publicStory })).toBe("");
    }
    const html = render('<More slug="harlow-pass-clash-what-we-know" />', { publicStory });
    expect(html).toContain('<a href="https://news.example/articles/harlow-pass-clash-what-we-know">Harlow Pass clash');
  });

  it("maps SocialPost to a blockquote citing the post, with the byline and a dated link", () => {
    const html = render(
      '<SocialPost author="Rhea Castellan" handle="@rhea.bsky.social" href="https://bsky.app/profile/rhea/post/1" date="2026-11-23T06:12:00+00:00">\nConvoy still rolling.\n</SocialPost>',
    );
    expect(html).toMatch(/^<blockquote cite="https:\/\/bsky\.app\/profile\/rhea\/post\/1">/);
    expect(html).toContain("<p>Convoy still rolling.</p>");
    expect(html).toContain(
      '<p>— Rhea Castellan (@rhea.bsky.social) <a href="https://bsky.app/profile/rhea/post/1" rel="nofollow">23 November 2026 at 06:12 GMT</a></p></blockquote>',
    );
  });

  it("links an undated SocialPost as the original post", () => {
    const html = render('<SocialPost author="A" handle="@a" href="https://x.com/a/status/1">\nHello.\n</SocialPost>');
    expect(html).toContain('<a href="https://x.com/a/status/1" rel="nofollow">View the original post</a>');
  });

  it("drops unknown components, HTML-like tags, expressions and imports", () => {
    const html = render(
      'import X from "x"\n\n<Chart data="1" />\n\n<script>alert(1)</script>\n\n<div>inside a div</div>\n\nText {1 + 1} here <span>and span</span>.\n\n{"flow"}',
    );
    expect(html).toBe("<p>Text  here .</p>");
  });

  it("adds the contributors line at the end", () => {
    expect(render("Body.", { contributors: ["Wire services"] })).toBe("<p>Body.</p>\n<p><em>(Wire services contributed to this report.)</em></p>");
    expect(render("Body.", { contributors: ["Reuters", "AP", "AFP"] })).toContain("<em>(Reuters, AP and AFP contributed to this report.)</em>");
    expect(render("Body.", { contributors: [] })).toBe("<p>Body.</p>");
  });

  it("ignores frontmatter if it is still there", () => {
    expect(render("---\ntitle: x\n---\nBody.")).toBe("<p>Body.</p>");
  });

  it("keeps Markdown: headings, emphasis, lists and GFM tables", () => {
    const html = render("## Sub\n\n*a* **b**\n\n- one\n- two\n\n| h |\n| - |\n| c |");
    expect(html).toContain("<h2>Sub</h2>");
    expect(html).toContain("<em>a</em> <strong>b</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<td>c</td>");
  });
});

describe("renderBodyHtml: escaping and URLs", () => {
  it("escapes text and attributes from the MDX", () => {
    const html = render('<ImageCaption src="/images/a.jpg" alt="A &quot;quoted&quot; &lt;b&gt;" caption="<script>alert(1)</script> & co" credit="\'x\'" />\n\nFish &amp; chips \\<b\\> 1 \\< 2');
    expect(html).not.toContain("<script");
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script> &#x26; co");
    expect(html).toContain("Fish &#x26; chips &#x3C;b> 1 &#x3C; 2");
    // Inside a double-quoted attribute only `"` and `&` need escaping: the quote cannot be broken out of.
    expect(html).toContain('alt="A &#x22;quoted&#x22; <b>"');
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<(?!\/?(?:figure|img|figcaption|p)\b)/);
  });

  it("makes relative links and images absolute and keeps external ones", () => {
    const html = render("[tag](/tags/harlow-pass) [rel](articles/x) [ext](https://example.org/a?b=1&c=2) [mail](mailto:desk@news.example)\n\n![pic](/images/b.jpg)");
    expect(html).toContain('<a href="https://news.example/tags/harlow-pass">tag</a>');
    expect(html).toContain('<a href="https://news.example/articles/x">rel</a>');
    expect(html).toContain('<a href="https://example.org/a?b=1&#x26;c=2">ext</a>');
    expect(html).toContain('<a href="mailto:desk@news.example">mail</a>');
    expect(html).toContain('<img src="https://news.example/images/b.jpg" alt="pic">');
  });

  it("removes unsafe URLs, keeping the link text", () => {
    const html = render("[click](javascript:alert(1)) [data](data:text/html,x)\n\n![x](javascript:alert(1))");
    expect(html).not.toMatch(/javascript:|data:/);
    expect(html).toBe("<p>click data</p>");
  });

  it("never emits a relative URL", () => {
    const html = render('[a](/x) [b](y/z)\n\n<ImageCaption src="/images/a.jpg" alt="a" caption="c" credit="d" />\n\n<More slug="public-story" />');
    for (const [, url] of html.matchAll(/(?:href|src|cite)="([^"]*)"/g)) expect(url).toMatch(/^https:\/\/news\.example\//);
  });

  it("absoluteUrl resolves on the base and refuses other protocols", () => {
    expect(absoluteUrl("/a b", BASE)).toBe("https://news.example/a%20b");
    expect(absoluteUrl("#fn-1", BASE)).toBe("#fn-1");
    expect(absoluteUrl("JavaScript:alert(1)", BASE)).toBeUndefined();
    expect(absoluteUrl("  ", BASE)).toBeUndefined();
  });
});

describe("storyBodyHtml (the real content)", () => {
  const site = content();
  const flagship = site.publicStory("vestria-sends-troops-to-harlow-pass", new Date())!;

  it("reads the body without its frontmatter", () => {
    const body = readStoryBody(flagship);
    expect(body.startsWith("Vestria will send 1,200 soldiers")).toBe(true);
    expect(body).not.toContain("publishedAt:");
  });

  it("renders the flagship story with every component, absolute URLs and the contributors line", () => {
    const html = storyBodyHtml(flagship)!;
    expect(html).toContain("Vestria will send 1,200 soldiers to Harlow Pass");
    expect(html).toMatch(/<p><strong>MORE:<\/strong> <a href="https?:\/\/[^"]+\/articles\/harlow-pass-clash-what-we-know">Harlow Pass clash/);
    expect(html).toMatch(/<figure><img src="https?:\/\/[^"]+\/images\/articles\/vestria-sends-troops-to-harlow-pass-2\.jpg" alt="[^"]+" width="\d+" height="\d+">/);
    expect(html).toContain('<blockquote cite="https://bsky.app/profile/rheacastellan.bsky.social/post/3kx2harlow01">');
    expect(html.endsWith("<p><em>(Wire services contributed to this report.)</em></p>")).toBe(true);
    expect(storyBodyHtml(flagship)).toBe(html);
  });

  it("re-renders a cached body when a More target's visibility changes", () => {
    const before = new Date("2026-11-21T15:00:00Z"); // before "what we know" was published
    expect(storyBodyHtml(flagship, before)).not.toContain("harlow-pass-clash-what-we-know");
    expect(storyBodyHtml(flagship, new Date())).toContain("/articles/harlow-pass-clash-what-we-know");
  });
});
