/** The site renderer: every construct a body may use becomes the expected markup, without evaluating anything. */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseBody } from "@/lib/content/body/parse";
import { StoryBody, type BodyContext } from "./StoryBody";

const ctx: BodyContext = {
  publicStory: (slug) => (slug === "public-story" ? { slug, title: "A public story" } : undefined),
  image: (src) => ({ src, width: 1600, height: 900 }),
  timeZone: "Europe/London",
};

async function render(body: string) {
  const { tree, issues } = await parseBody(body, { file: "x.mdx" });
  expect(issues).toEqual([]);
  return renderToStaticMarkup(<StoryBody tree={tree} ctx={ctx} />);
}

describe("StoryBody", () => {
  it("renders Markdown, GFM and the allowed inline HTML", async () => {
    const html = await render(
      '## Sub\n\n*a* **b** [link](/tags/x) ~~gone~~\n\n- one\n\nWater is H<sub>2</sub>O, <abbr title="Port Alder Transit">PAT</abbr>.\n\n| h |\n| - |\n| c |\n',
    );
    expect(html).toContain("<h2>Sub</h2>");
    expect(html).toContain('<em>a</em> <strong>b</strong> <a href="/tags/x">link</a> <del>gone</del>');
    expect(html).toContain('Water is H<sub>2</sub>O, <abbr title="Port Alder Transit">PAT</abbr>.');
    expect(html).toMatch(/<section class="table-scroll[^"]*" tabindex="0" aria-label="Table"><table>/);
  });

  it("renders each registered component with its literal props", async () => {
    const html = await render(
      [
        '<ImageCaption src="/images/a.jpg" alt="Boats." caption="Boats on Friday." credit="Photo by T" />',
        '<More slug="public-story" />',
        '<More slug="hidden-story" />',
        '<SocialPost author="Rhea" handle="@rhea.example" href="https://social.example/1" date="2026-11-23T06:12:00+00:00">\nPost text.\n</SocialPost>',
      ].join("\n\n"),
    );
    expect(html).toMatch(/<figure[^>]*><img[^>]*alt="Boats\."[^>]*width="1600" height="900"/);
    expect(html).toContain('<span class="image-caption">Boats on Friday.</span>');
    expect(html).toContain("(Photo by T)");
    expect(html).toMatch(/MORE:<\/span> <a [^>]*href="\/articles\/public-story"[^>]*>A public story<\/a>/);
    expect(html).not.toContain("hidden-story");
    expect(html).toContain('<blockquote cite="https://social.example/1"');
    expect(html).toContain("<p>Post text.</p>");
    expect(html).toContain("23 November 2026 at 06:12 GMT");
  });

  it("renders text that looks like code as text", async () => {
    const html = await render("Costs \\{process.env.PREVIEW_SECRET\\} and 3 \\< 4.");
    expect(html).toContain("Costs {process.env.PREVIEW_SECRET} and 3 &lt; 4.");
  });
});
