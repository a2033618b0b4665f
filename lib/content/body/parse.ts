/**
 * THE body pipeline: a story's MDX, parsed by the MDX compiler (with the site's remark plugins)
 * into a syntax tree, checked against an allowlist, and returned as a tree of plain data that the
 * site (components/body/StoryBody.tsx), the feeds (lib/feed/body-html.ts) and the content check
 * render or inspect. Nothing in a body is ever evaluated: imports, exports and `{expressions}` are
 * rejected, and only registered components with literal attributes and a short list of inline
 * HTML elements survive.
 *
 * What is rejected is also left out of the tree (a dangerous element with its content; an
 * unknown one is unwrapped, its text kept), so even a body that skipped the content check renders
 * safely.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from "hast";
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from "mdast-util-mdx-jsx";
import type { ContentIssue } from "../issues";
import { fieldHelp } from "../issues";
import {
  BODY_COMPONENT_NAMES,
  BODY_COMPONENTS,
  BODY_HTML,
  BODY_HTML_GLOBAL_ATTRIBUTES,
  isBodyComponent,
  type BodyComponentName,
} from "./components";

/**
 * A registered component in a checked tree: an element named after the component (HTML's own
 * elements are lowercase, components are not), whose properties are its validated, literal props.
 */
export type BodyComponentNode = Element & { tagName: BodyComponentName; properties: Record<string, string>; data: { inline: boolean } };

/** A checked body: plain hast (elements and text), where registered components are elements too. */
export type BodyTree = Root;

export function isComponentNode(node: { type: string; tagName?: string }): node is BodyComponentNode {
  return node.type === "element" && !!node.tagName && isBodyComponent(node.tagName);
}

/** The slugs a body's MORE: lines point at (their headlines are shown, so the page shows those stories). */
export function moreSlugs(tree: BodyTree): string[] {
  const slugs: string[] = [];
  const walk = (node: { type: string; tagName?: string; properties?: unknown; children?: unknown[] }) => {
    if (isComponentNode(node) && node.tagName === "More") slugs.push(node.properties.slug);
    (node.children as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(tree as unknown as Parameters<typeof walk>[0]);
  return slugs;
}

export interface ParsedBody {
  tree: BodyTree;
  /** Problems, each with the file and line; errors fail the content check. */
  issues: ContentIssue[];
}

/** Elements that could run code, load another document or submit data: dropped with their content. */
const DANGEROUS_ELEMENTS = new Set(["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea", "select", "link", "meta", "base", "svg", "math", "template", "noscript", "portal"]);

const BLOCK_ELEMENTS = new Set(["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "hr", "section", "figure"]);

/** Schemes a reader may follow from a story. Anything else (javascript:, data:, vbscript:, file:...) is rejected. */
const LINK_SCHEMES = new Set(["http", "https", "mailto", "tel"]);

/**
 * Why `url` may not appear in a body, or undefined when it may. Browsers ignore ASCII whitespace
 * and control characters inside a scheme ("java\tscript:"), so those are removed before looking.
 */
export function unsafeUrlReason(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme && !LINK_SCHEMES.has(scheme)) return `uses \`${scheme}:\`, which a story may not link to`;
  return undefined;
}

type MdxNode = RootContent & { type: string };
interface EsmOrExpression {
  type: "mdxjsEsm" | "mdxFlowExpression" | "mdxTextExpression";
  value: string;
  data?: { estree?: { body: unknown[] } | null };
}

export interface ParseOptions {
  /** Repository-relative path, for the issues. */
  file: string;
}

let processorPromise: Promise<(source: string, file: string) => Promise<Root>> | undefined;

/**
 * The MDX compiler's own parse (remark-parse, remark-mdx, its paragraph unravelling, our remark
 * plugins, remark-rehype), stopped before the tree becomes JavaScript. ESM-only packages are
 * imported lazily so the CommonJS script runner (tsx) can load this module.
 */
function mdxToHast() {
  processorPromise ??= (async () => {
    const [{ createProcessor }, { default: remarkFrontmatter }, { default: remarkGfm }] = await Promise.all([
      import("@mdx-js/mdx"),
      import("remark-frontmatter"),
      import("remark-gfm"),
    ]);
    class Captured {
      constructor(readonly tree: Root) {}
    }
    const capture = () => (tree: Root) => {
      throw new Captured(tree);
    };
    const processor = createProcessor({ remarkPlugins: [[remarkFrontmatter, ["yaml"]], remarkGfm], rehypePlugins: [capture] });
    return async (source: string, file: string) => {
      try {
        // The parse tree goes through every transformer up to the capture (the types only know the whole pipeline).
        await processor.run(processor.parse({ value: source, path: file }) as never);
      } catch (e) {
        if (e instanceof Captured) return e.tree;
        throw e;
      }
      throw new Error("the MDX pipeline finished without reaching the capture step");
    };
  })();
  return processorPromise;
}

/** Parses and checks a story or author body (`source` may include its frontmatter, so lines are the file's). */
export async function parseBody(source: string, { file }: ParseOptions): Promise<ParsedBody> {
  let hast: Root;
  try {
    hast = await (await mdxToHast())(source, file);
  } catch (e) {
    const err = e as { line?: number; reason?: string; message: string };
    return {
      tree: { type: "root", children: [] },
      issues: [
        {
          severity: "error",
          file,
          line: err.line ?? undefined,
          message: `is not valid MDX: ${err.reason ?? err.message}`,
          fix: "Check that every tag is closed and that `<`, `{` and `}` in text are escaped (\\<, \\{, \\}).",
        },
      ],
    };
  }
  const issues: ContentIssue[] = [];
  const at = (node: { position?: { start: { line: number } } }) => ({ severity: "error" as const, file, line: node.position?.start.line });
  const report = (node: { position?: { start: { line: number } } }, message: string, fix?: string, field?: string) =>
    issues.push({ ...at(node), ...(field && { field }), message, ...(fix && { fix }) });

  const checkUrl = (node: MdxNode | Element, url: string, what: string) => {
    const reason = unsafeUrlReason(url);
    if (!reason) return true;
    report(
      node,
      `has ${what} "${url.length > 60 ? url.slice(0, 57) + "..." : url}" that ${reason}`,
      "Link to an http(s) address, a mailto: address or a path on this site such as /articles/<slug>.",
    );
    return false;
  };

  const visitChildren = (children: RootContent[]): RootContent[] => children.flatMap((child) => visit(child as MdxNode));

  const visit = (node: MdxNode): RootContent[] => {
    switch (node.type) {
      case "text":
      case "comment":
        return node.type === "text" ? [node] : [];
      case "raw":
        report(node, "has raw HTML, which a story may not contain", "Use Markdown, or one of the components in docs/authoring.md.");
        return [];
      case "mdxjsEsm":
        report(node, "has an `import` or `export`: a story body is text, not code", "Remove the line. Components are available without an import; to start a paragraph with the word, escape it: \\import.");
        return [];
      case "mdxFlowExpression":
      case "mdxTextExpression": {
        const expr = node as unknown as EsmOrExpression;
        // {/* a note to other editors */} holds no code: left out, not an error.
        if (expr.data?.estree && expr.data.estree.body.length === 0) return [];
        report(node, `has a \`{${expr.value.trim().slice(0, 40)}}\` expression: a story body is text, not code`, "Write the text itself. To show a brace, escape it: \\{ and \\}.");
        return [];
      }
      case "element":
        return checkElement(node as Element);
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        return checkJsx(node as unknown as MdxJsxFlowElementHast | MdxJsxTextElementHast);
      default:
        report(node, `has something the site cannot show (${node.type})`);
        return [];
    }
  };

  /** Elements made from Markdown: headings, paragraphs, lists, links, tables, footnotes. */
  const checkElement = (node: Element): RootContent[] => {
    if (node.tagName === "h1") report(node, "has a level-1 heading (`# ...`): the headline is the page's only h1", "Use `## ` for subheadings in the body.");
    const properties: Properties = { ...node.properties };
    if (node.tagName === "a" && typeof properties.href === "string" && !checkUrl(node, properties.href, "a link to")) delete properties.href;
    if (node.tagName === "img") {
      report(node, "has a Markdown image (`![...](...)`): a picture needs a caption and a credit", "Use <ImageCaption src=... alt=... caption=... credit=... /> (see docs/authoring.md).");
      return [];
    }
    return [{ ...node, properties, children: visitChildren(node.children) as ElementContent[] }];
  };

  const checkJsx = (node: MdxJsxFlowElementHast | MdxJsxTextElementHast): RootContent[] => {
    const name = node.name;
    // An unknown element keeps its text; a block-level one keeps it as a paragraph.
    const unwrap = () => {
      const children = visitChildren(node.children as RootContent[]);
      const phrasing = children.every((c) => c.type === "text" || (c.type === "element" && !BLOCK_ELEMENTS.has(c.tagName)));
      const hasText = children.some((c) => c.type !== "text" || c.value.trim());
      if (node.type !== "mdxJsxFlowElement" || !phrasing || !hasText) return children;
      return [{ type: "element", tagName: "p", properties: {}, children: children as ElementContent[] } satisfies Element];
    };
    if (!name) {
      report(node, "has a fragment (`<>...</>`), which a story cannot use", "Remove the <> and </> around the text.");
      return unwrap();
    }
    const lower = name.toLowerCase();
    if (DANGEROUS_ELEMENTS.has(lower)) {
      report(node, `has <${name}>, which could run code or load another page: a story may not contain it`, "Remove it. To quote something, use <SocialPost>; to show a picture, <ImageCaption>.");
      return [];
    }
    const listOf = BODY_COMPONENT_NAMES.map((n) => `<${n}>`).join(", ");
    if (isBodyComponent(name)) return checkComponent(node, name);
    const miscased = BODY_COMPONENT_NAMES.find((n) => n.toLowerCase() === lower);
    if (miscased) {
      report(node, `uses <${name}>, which is not a component articles can use`, `Write it <${miscased}> (names are case-sensitive).`);
      return unwrap();
    }
    if (/^[A-Z]/.test(name) || /[.:]/.test(name)) {
      report(node, `uses <${name}>, which is not a component articles can use`, `Use one of ${listOf} (names are case-sensitive).`);
      return unwrap();
    }
    if (!Object.hasOwn(BODY_HTML, lower) || name !== lower) {
      if (lower === "h1") report(node, "has an <h1>: the headline is the page's only h1", "Use `## ` for subheadings.");
      else report(node, `has <${name}>, which is not HTML a story can use`, `Use Markdown, or ${Object.keys(BODY_HTML).map((t) => `<${t}>`).join(", ")}.`);
      return unwrap();
    }
    const allowed = [...BODY_HTML[lower], ...BODY_HTML_GLOBAL_ATTRIBUTES];
    const properties: Properties = {};
    for (const attr of literalAttributes(node, name)) {
      const known = allowed.find((a) => a.toLowerCase() === attr.name.toLowerCase());
      if (!known) {
        report(node, `<${name}> has an attribute \`${attr.name}\` that a story cannot use`, allowed.length > 2 ? `It takes ${allowed.join(", ")}.` : "Remove it.", `<${name}> ${attr.name}`);
        continue;
      }
      if (known === "cite" && !checkUrl(node as unknown as MdxNode, attr.value, `<${name}> cite`)) continue;
      properties[known] = attr.value;
    }
    const element: Element = { type: "element", tagName: lower, properties, children: unwrap() as ElementContent[], position: node.position };
    return [element];
  };

  /** Attributes written as literal text; expressions, spreads and event handlers are reported and left out. */
  const literalAttributes = (node: MdxJsxFlowElementHast | MdxJsxTextElementHast, name: string, refused = new Set<string>()): { name: string; value: string }[] => {
    const out: { name: string; value: string }[] = [];
    for (const attr of node.attributes) {
      if (attr.type === "mdxJsxExpressionAttribute") {
        report(node, `<${name}> has a spread attribute \`{${attr.value.trim().slice(0, 40)}}\`: attributes are plain text`, 'Write each attribute as name="text".');
        continue;
      }
      if (/^on/i.test(attr.name)) {
        report(node, `<${name}> has an event handler \`${attr.name}\`: a story body cannot run code`, "Remove it.", `<${name}> ${attr.name}`);
        refused.add(attr.name);
        continue;
      }
      if (attr.value !== null && typeof attr.value === "object") {
        report(node, `<${name}> has an expression in \`${attr.name}\` (\`{${attr.value.value.trim().slice(0, 40)}}\`): attributes are plain text`, `Write ${attr.name}="..." as plain text in double quotes.`, `<${name}> ${attr.name}`);
        refused.add(attr.name);
        continue;
      }
      out.push({ name: attr.name, value: attr.value ?? "" });
    }
    return out;
  };

  /** A registered component with valid props, or (after reporting why) its text alone. */
  const checkComponent = (node: MdxJsxFlowElementHast | MdxJsxTextElementHast, name: BodyComponentName): RootContent[] => {
    const spec = BODY_COMPONENTS[name];
    const refused = new Set<string>();
    const attrs = literalAttributes(node, name, refused);
    const given = Object.fromEntries(attrs.map((a) => [a.name, a.value]));
    const parsed = spec.props.safeParse(given);
    const props: Record<string, string> = {};
    let valid = parsed.success;
    if (parsed.success) {
      for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) props[key] = String(value);
    } else {
      for (const issue of parsed.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys.filter((k) => !refused.has(k))) {
            report(node, `<${name}> has an unknown attribute \`${key}\``, `It takes ${Object.keys(spec.props.shape).join(", ")}.`, `<${name}> ${key}`);
          }
          continue;
        }
        const key = String(issue.path[0]);
        if (refused.has(key)) continue; // already reported as an expression or an event handler
        const missing = given[key] === undefined || !given[key].trim();
        const message = missing
          ? `<${name}> has no \`${key}\`${key === "alt" ? " (alt text): every image needs one" : ""}`
          : `<${name}> \`${key}\` ${issue.message}`;
        report(node, message, missing ? `Add ${key}="..." as plain text in double quotes.` : fieldHelp(spec.props, [key]), `<${name}> ${key}`);
      }
    }
    if (props.href !== undefined && !checkUrl(node as unknown as MdxNode, props.href, `<${name}> href`)) valid = false;
    if (!spec.children && node.children.length > 0) {
      report(node, `<${name}> takes no text between its tags`, `Write it as one self-closing tag: <${name} ... />.`);
    }
    const children = spec.children ? visitChildren(node.children as RootContent[]) : [];
    if (!valid) return children;
    const component: BodyComponentNode = {
      type: "element",
      tagName: name,
      properties: props,
      children: children as ElementContent[],
      position: node.position,
      data: { inline: node.type === "mdxJsxTextElement" },
    };
    return [component];
  };

  const tree: Root = { type: "root", children: visitChildren(hast.children) };
  return { tree, issues };
}
