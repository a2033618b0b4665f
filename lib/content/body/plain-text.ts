/**
 * A checked body tree (lib/content/body/parse.ts) as plain text: what search indexes and quotes in
 * its snippets. Each registered body component says what text it contributes (the registry's
 * names are the keys, so `tsc` fails until a new component has an entry here too); Markdown's own
 * elements give their text, one block to a line.
 */
import type { BodyComponentName, BodyComponentProps } from "./components";
import { isComponentNode, type BodyTree } from "./parse";

type PlainTextRenderers = {
  [N in BodyComponentName]: (props: BodyComponentProps<N>, childText: string) => string;
};

const PLAIN_TEXT: PlainTextRenderers = {
  // The caption is what a reader reads; the alt text describes the same picture for those who cannot see it.
  ImageCaption: ({ caption, credit }) => `${caption} (${credit})`,
  // Another story's headline: searching it should find that story, not this one.
  More: () => "",
  SocialPost: ({ author, handle }, childText) => `${childText} — ${author} (${handle})`,
};

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "td", "th", "figure", "figcaption", "hr", "br", "section"]);

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: unknown;
  children?: Node[];
}

function textOf(node: Node): string {
  if (node.type === "text") return node.value ?? "";
  if (isComponentNode(node as { type: string; tagName?: string })) {
    const inner = (node.children ?? []).map(textOf).join("");
    const render = PLAIN_TEXT[node.tagName as BodyComponentName] as (p: unknown, t: string) => string;
    return `\n${render(node.properties, inner.trim())}\n`;
  }
  if (node.type !== "element" && node.type !== "root") return "";
  // Footnote back-references ("↩") are navigation, not text.
  if (node.tagName === "a" && /^#user-content-fnref/.test(String((node.properties as { href?: unknown })?.href ?? ""))) return "";
  const inner = (node.children ?? []).map(textOf).join("");
  return node.tagName && BLOCKS.has(node.tagName) ? `\n${inner}\n` : inner;
}

/** The body's text: paragraphs and headings one to a line, spaces collapsed, no markup. */
export function treeToPlainText(tree: BodyTree): string {
  return textOf(tree as unknown as Node)
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}
