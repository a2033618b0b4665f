/** YAML frontmatter with line numbers, so an error can point at the line an editor must change. */
import { LineCounter, parseDocument, isNode } from "yaml";

export interface ParsedFrontmatter {
  data: unknown;
  /** 1-based line in the whole file of the value at `path`, if it exists. */
  lineOf(path: PropertyKey[]): number | undefined;
  /** The body after the closing fence, and the file line it starts on. */
  body: string;
  bodyLine: number;
  error?: { message: string; line?: number };
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Whether a value in the frontmatter could hold `word`, without parsing the YAML: the word is in
 * its text, or a backslash escape could spell it. A cheap look before a parse that is rarely needed.
 */
export function frontmatterMayHold(source: string, word: string): boolean {
  const yaml = FENCE.exec(source)?.[1] ?? "";
  return yaml.includes(word) || yaml.includes("\\");
}

export function parseFrontmatter(source: string): ParsedFrontmatter {
  const match = FENCE.exec(source);
  if (!match) {
    return {
      data: undefined,
      lineOf: () => undefined,
      body: source,
      bodyLine: 1,
      error: { message: "has no frontmatter: the file must start with a line `---`, the YAML fields, then another `---`", line: 1 },
    };
  }
  const yaml = match[1];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  const offsetLines = 1; // the opening fence
  const bodyLine = match[0].split("\n").length;
  // lineOf outlives the parse (the checks across stories ask for lines later) but is rarely
  // called: it parses the YAML again when asked rather than keep every file's syntax tree in
  // memory (gigabytes for a first index of 100,000 stories).
  const lineOf = (path: PropertyKey[]) => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + offsetLines;
    }
    return undefined;
  };
  const first = doc.errors[0];
  return {
    data: first ? undefined : doc.toJS(),
    lineOf,
    body: source.slice(match[0].length),
    bodyLine,
    error: first
      ? {
          message: `has invalid YAML: ${first.message.split("\n")[0]}`,
          // prettyErrors: false leaves linePos unset, so map the error's offset to a line ourselves.
          line: lineCounter.linePos(first.pos[0]).line + offsetLines,
        }
      : undefined,
  };
}
