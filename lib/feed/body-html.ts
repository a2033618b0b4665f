/**
 * A story's body as safe, self-contained HTML for feed readers, rendered without React
 * (react-dom/server is not allowed in App Router route handlers) from the same checked tree the
 * site renders (lib/content/body/parse.ts): each registered component through its feed renderer
 * below, then HTML.
 *
 * What comes out: Markdown's own elements, the allowed inline HTML (so "H<sub>2</sub>O" stays
 * whole), the registered components as plain HTML, and the contributors line. Every URL is
 * absolute and http(s) or mailto.
 */
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";
import { content, imageSizeOf, storyBody, type Story } from "@/lib/content";
import type { BodyComponentName, BodyComponentProps } from "@/lib/content/body/components";
import { isComponentNode, parseBody, type BodyComponentNode, type BodyTree } from "@/lib/content/body/parse";
import { ContentError } from "@/lib/content/issues";
import { formatDateTime, listNames } from "@/lib/format";
import { articlePath, siteUrl } from "@/lib/routes";

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
  /** Keep the site's classes (HTML for the site's own pages, e.g. a live story's new updates). */
  keepClasses?: boolean;
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

type FeedRenderers = {
  [N in BodyComponentName]: (
    props: BodyComponentProps<N>,
    ctx: BodyHtmlContext,
    children: ElementContent[],
    node: BodyComponentNode,
  ) => Element | undefined;
};

/** How each registered body component appears in feed readers (the registry: lib/content/body/components.ts). */
const FEED_RENDERERS: FeedRenderers = {
  ImageCaption: ({ src: raw, alt, caption, credit }, ctx) => {
    const src = absoluteUrl(raw, ctx.base);
    if (!src || src.startsWith("#")) return undefined;
    const size = raw.startsWith("/") ? ctx.imageSize?.(raw) : undefined;
    const figcaption = [caption, credit && `(${credit})`].filter(Boolean).join(" ");
    const img = el("img", { src, alt, ...(size && { width: size.width, height: size.height }) });
    return el("figure", {}, figcaption ? [img, el("figcaption", {}, [text(figcaption)])] : [img]);
  },

  More: ({ slug }, ctx) => {
    const story = ctx.publicStory(slug);
    if (!story) return undefined;
    return el("p", {}, [
      el("strong", {}, [text("MORE:")]),
      text(" "),
      el("a", { href: `${ctx.base}${articlePath(story.slug)}` }, [text(story.title)]),
    ]);
  },

  SocialPost: ({ author, handle, href: raw, date: rawDate }, ctx, inner, node) => {
    const href = absoluteUrl(raw, ctx.base);
    const date = rawDate ? new Date(rawDate) : undefined;
    const when = date && !Number.isNaN(date.getTime()) ? formatDateTime(date, ctx.timeZone) : undefined;
    // Inline (<SocialPost> inside a paragraph) has phrasing children: give them a paragraph.
    const quoted = node.data.inline ? [el("p", {}, inner)] : lines(inner);
    const byline: ElementContent[] = [text(`— ${[author, handle && `(${handle})`].filter(Boolean).join(" ")}`)];
    if (href) byline.push(text(" "), el("a", { href, rel: ["nofollow"] }, [text(when ?? "View the original post")]));
    else if (when) byline.push(text(` ${when}`));
    return el("blockquote", href && !href.startsWith("#") ? { cite: href } : {}, [...quoted, el("p", {}, byline)]);
  },
};

/** Block elements one to a line, as Markdown's own blocks are printed. */
function lines(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((n) => n.type !== "text" || n.value.trim())
    .flatMap((n) => [text("\n"), n])
    .concat(text("\n"));
}

/** Registered components -> plain HTML elements, depth first (a social post's text is converted too). */
function renderComponents(nodes: RootContent[], ctx: BodyHtmlContext): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (isComponentNode(node)) {
      const children = renderComponents(node.children, ctx);
      const render = FEED_RENDERERS[node.tagName] as (
        p: unknown,
        c: BodyHtmlContext,
        ch: ElementContent[],
        n: BodyComponentNode,
      ) => Element | undefined;
      const result = render(node.properties, ctx, children, node);
      return result ? [result] : [];
    }
    if (node.type === "element") return [{ ...node, children: renderComponents(node.children, ctx) }];
    if (node.type === "text") return [node];
    return [];
  });
}

/** A checked body tree as feed HTML: components as plain HTML, every URL absolute and safe, classes gone. */
export function treeToFeedHtml(tree: BodyTree, ctx: BodyHtmlContext): string {
  const root: HastRoot = { type: "root", children: lines(renderComponents(tree.children, ctx)) };
  visit(root, "element", (node: Element) => {
    for (const prop of ["href", "src", "cite"] as const) {
      const value = node.properties[prop];
      if (value === undefined || value === null) continue;
      const url = typeof value === "string" ? absoluteUrl(value, ctx.base) : undefined;
      if (url) node.properties[prop] = url;
      else delete node.properties[prop];
    }
    // The site's stylesheet is not there in a reader: classes (e.g. GFM's sr-only footnote label) mean nothing.
    if (!ctx.keepClasses) delete node.properties.className;
  });
  // An image without a source shows nothing but a broken box; a link without a target is its text.
  visit(root, "element", (node: Element, index, parent) => {
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
  visit(root, "element", (node: Element, index, parent) => {
    if (parent && index !== undefined && node.tagName === "p" && node.children.every((c) => c.type === "text" && !c.value.trim())) {
      parent.children.splice(index, 1);
      return index;
    }
  });
  const contributors = (ctx.contributors ?? []).map((c) => c.trim()).filter(Boolean);
  if (contributors.length) {
    root.children.push(el("p", {}, [el("em", {}, [text(`(${listNames(contributors)} contributed to this report.)`)])]));
  }
  return toHtml(root).trim();
}

/**
 * The body `source` (MDX, with or without frontmatter) as feed HTML, through the one body
 * pipeline. Throws a ContentError when the body has errors (the content check lists them).
 */
export async function renderBodyHtml(source: string, ctx: BodyHtmlContext, file = "body.mdx"): Promise<string> {
  const { tree, issues } = await parseBody(source, { file });
  if (issues.some((i) => i.severity === "error")) throw new ContentError(issues);
  return treeToFeedHtml(tree, ctx);
}

/**
 * The public feed HTML of a published story, through the one body pipeline (parsed once per file
 * version). Undefined when the body has errors: the content check fails the
 * build for that, so this is a last resort that keeps the rest of the feed.
 */
export async function storyBodyHtml(story: Story, now = new Date()): Promise<string | undefined> {
  const site = await content();
  try {
    const { tree } = await storyBody(story);
    return treeToFeedHtml(tree, {
      base: siteUrl(),
      timeZone: site.site.timeZone,
      publicStory: (slug) => site.publicStory(slug, now),
      imageSize: imageSizeOf,
      contributors: story.contributors,
    });
  } catch (e) {
    console.error(`Feed: the body of ${story.file} could not be rendered: ${(e as Error).message}`);
    return undefined;
  }
}
