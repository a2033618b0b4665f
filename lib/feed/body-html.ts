/**
 * A story's MDX body as safe, self-contained HTML for feed readers, rendered without React
 * (react-dom/server is not allowed in App Router route handlers): the same parser the site
 * compiles with (MDX + frontmatter + GFM), then mdast -> hast with handlers for the article
 * components, then HTML.
 *
 * What comes out: Markdown's own elements, the three article components as plain HTML, and the
 * contributors line. Every URL is absolute and http(s) or mailto; any other JSX element,
 * expression or import/export is dropped, and raw HTML cannot occur (MDX has none and
 * remark-rehype drops it).
 */
import type { Element, ElementContent, Properties, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { content, sizedImage, type Story } from "@/lib/content";
import { readStoryBody } from "@/lib/content/source";
import { formatDateTime, listNames } from "@/lib/format";
import { siteUrl } from "@/lib/site-url";

/** What rendering needs from the site; injectable so tests need no content on disk. */
export interface BodyHtmlContext {
  /** The site's origin, e.g. https://example.com (no trailing slash). */
  base: string;
  /** The newsroom's time zone, for the dates of social posts. */
  timeZone: string;
  /** A story only if it is public now: <More> to anything else renders nothing. */
  publicStory(slug: string): { slug: string; title: string } | undefined;
  /** Measured size of an image under public/ (site path such as /images/x.jpg), if known. */
  imageSize?(src: string): { width: number; height: number } | undefined;
  /** Agencies for the closing line "(X contributed to this report.)". */
  contributors?: string[];
}

type Handler = NonNullable<NonNullable<RemarkRehypeOptions["handlers"]>["root"]>;
type HandlerState = Parameters<Handler>[0];

/** The part of mdast-util-mdx-jsx's element nodes that the handlers read. */
interface MdxJsxElement {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: MdastRoot["children"];
}

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * `href` as an absolute URL on `base`, or undefined when it is not a link a reader may follow
 * (javascript:, data:, unparsable...). Fragment-only links stay as they are: they point inside
 * the same HTML (footnotes).
 */
export function absoluteUrl(href: string, base: string): string | undefined {
  const value = href.trim();
  if (!value) return undefined;
  if (value.startsWith("#")) return value;
  try {
    const url = new URL(value, `${base}/`);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: string): ElementContent => ({ type: "text", value });
const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

/** String attributes of a JSX element; expression values (`x={...}`) are ignored. */
function stringAttributes(node: MdxJsxElement): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const a of node.attributes) {
    if (a.type === "mdxJsxAttribute" && a.name && typeof a.value === "string") attrs.set(a.name, a.value.trim());
  }
  return attrs;
}

interface Rendered {
  html: string;
  /** Every story a <More> points at, public or not, so a cache can tell when the HTML goes stale. */
  moreSlugs: string[];
}

function render(source: string, ctx: BodyHtmlContext): Rendered {
  const moreSlugs: string[] = [];

  const components: Record<string, (state: HandlerState, node: MdxJsxElement, attrs: Map<string, string>) => Element | undefined> = {
    ImageCaption: (_state, _node, attrs) => {
      const src = absoluteUrl(attrs.get("src") ?? "", ctx.base);
      if (!src || src.startsWith("#")) return undefined;
      const raw = attrs.get("src")!;
      const size = raw.startsWith("/") ? ctx.imageSize?.(raw) : undefined;
      const caption = attrs.get("caption") ?? "";
      const credit = attrs.get("credit") ?? "";
      const figcaption = [caption, credit && `(${credit})`].filter(Boolean).join(" ");
      const img = el("img", { src, alt: attrs.get("alt") ?? "", ...(size && { width: size.width, height: size.height }) });
      return el("figure", {}, figcaption ? [img, el("figcaption", {}, [text(figcaption)])] : [img]);
    },

    More: (_state, _node, attrs) => {
      const slug = attrs.get("slug");
      if (!slug) return undefined;
      moreSlugs.push(slug);
      const story = ctx.publicStory(slug);
      if (!story) return undefined;
      return el("p", {}, [
        el("strong", {}, [text("MORE:")]),
        text(" "),
        el("a", { href: `${ctx.base}/articles/${encodeURIComponent(story.slug)}` }, [text(story.title)]),
      ]);
    },

    SocialPost: (state, node, attrs) => {
      const href = absoluteUrl(attrs.get("href") ?? "", ctx.base);
      const author = attrs.get("author") ?? "";
      const handle = attrs.get("handle") ?? "";
      const date = attrs.get("date") ? new Date(attrs.get("date")!) : undefined;
      const when = date && !Number.isNaN(date.getTime()) ? formatDateTime(date, ctx.timeZone) : undefined;

      const inner = state.all(node as unknown as MdastRoot) as ElementContent[];
      // Inline (<SocialPost> inside a paragraph) has phrasing children: give them a paragraph.
      const quoted = node.type === "mdxJsxTextElement" ? [el("p", {}, inner)] : state.wrap(inner, true);

      const byline: ElementContent[] = [text(`— ${[author, handle && `(${handle})`].filter(Boolean).join(" ")}`)];
      if (href) byline.push(text(" "), el("a", { href, rel: ["nofollow"] }, [text(when ?? "View the original post")]));
      else if (when) byline.push(text(` ${when}`));
      return el("blockquote", href && !href.startsWith("#") ? { cite: href } : {}, [...quoted, el("p", {}, byline)]);
    },
  };

  const jsx: Handler = (state, node) => {
    const element = node as MdxJsxElement;
    const component = element.name ? components[element.name] : undefined;
    // Anything that is not an article component (lowercase HTML-like tags included) is left out.
    if (!component) return undefined;
    const result = component(state, element, stringAttributes(element));
    if (result) state.patch(node, result);
    return result;
  };
  const drop: Handler = () => undefined;

  /** Absolute, safe URLs on every element that carries one; the contributors line at the end. */
  const finish = () => (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      for (const prop of ["href", "src", "cite"] as const) {
        const value = node.properties[prop];
        if (value === undefined || value === null) continue;
        const url = typeof value === "string" ? absoluteUrl(value, ctx.base) : undefined;
        if (url) node.properties[prop] = url;
        else delete node.properties[prop];
      }
      // The site's stylesheet is not there in a reader: classes (e.g. GFM's sr-only footnote label) mean nothing.
      delete node.properties.className;
    });
    // An image without a source shows nothing but a broken box; a link without a target is its text.
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === "img" && node.properties.src === undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      if (node.tagName === "a" && node.properties.href === undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
    });
    // A paragraph left with nothing (it held only dropped elements) is no paragraph.
    visit(tree, "element", (node: Element, index, parent) => {
      if (parent && index !== undefined && node.tagName === "p" && node.children.every((c) => c.type === "text" && !c.value.trim())) {
        parent.children.splice(index, 1);
        return index;
      }
    });
    const contributors = (ctx.contributors ?? []).map((c) => c.trim()).filter(Boolean);
    if (contributors.length) {
      tree.children.push(text("\n"), el("p", {}, [el("em", {}, [text(`(${listNames(contributors)} contributed to this report.)`)])]));
    }
  };

  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkFrontmatter, ["yaml"])
    .use(remarkGfm)
    .use(remarkRehype, {
      handlers: { mdxJsxFlowElement: jsx, mdxJsxTextElement: jsx, mdxFlowExpression: drop, mdxTextExpression: drop, mdxjsEsm: drop },
      // Anything else this pipeline does not know is dropped rather than guessed at.
      unknownHandler: drop,
    })
    .use(finish)
    .use(rehypeStringify);

  const html = String(processor.processSync(source)).trim();
  return { html, moreSlugs };
}

/** The body `source` (MDX, with or without frontmatter) as feed HTML. Throws on invalid MDX. */
export function renderBodyHtml(source: string, ctx: BodyHtmlContext): string {
  return render(source, ctx).html;
}

interface CacheEntry {
  /** Everything the HTML depends on besides the file: the site's origin and which <More> targets are public. */
  key: string;
  moreSlugs: string[];
  html: string | undefined;
}
const cache = new Map<string, CacheEntry>();

/**
 * The public feed HTML of a published story, cached per slug. A <More> whose target becomes
 * public (a scheduled story going live) re-renders the body; undefined when the body does not
 * compile (the content check fails the build for that, so this is a last resort).
 */
export function storyBodyHtml(story: Story, now = new Date()): string | undefined {
  const site = content();
  const base = siteUrl();
  const publicStory = (slug: string) => site.publicStory(slug, now);
  const keyOf = (moreSlugs: string[]) => [base, story.file, ...moreSlugs.map((s) => (publicStory(s) ? `+${s}` : `-${s}`))].join("\n");

  const cached = cache.get(story.slug);
  if (cached && cached.key === keyOf(cached.moreSlugs)) return cached.html;

  let rendered: { html: string | undefined; moreSlugs: string[] };
  try {
    rendered = render(readStoryBody(story), {
      base,
      timeZone: site.site.timeZone,
      publicStory,
      imageSize: (src) => {
        try {
          const { width, height } = sizedImage(src);
          return { width, height };
        } catch {
          return undefined;
        }
      },
      contributors: story.contributors,
    });
  } catch (e) {
    console.error(`Feed: the body of ${story.file} could not be rendered: ${(e as Error).message}`);
    rendered = { html: undefined, moreSlugs: [] };
  }
  cache.set(story.slug, { key: keyOf(rendered.moreSlugs), moreSlugs: rendered.moreSlugs, html: rendered.html });
  return rendered.html;
}
