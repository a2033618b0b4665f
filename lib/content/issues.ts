/** Errors are data: the loader collects every problem, the content check prints them all at once. */
import type { z } from "zod";

export type Severity = "error" | "warning";

export interface ContentIssue {
  severity: Severity;
  /** Path relative to the repository root, e.g. content/articles/my-story.mdx */
  file: string;
  /** Frontmatter field as a dotted path (image.alt, authors.0) when the problem is in one field. */
  field?: string;
  line?: number;
  message: string;
  fix?: string;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.field ? ` ${issue.field}` : "";
  const lines = [`${issue.severity === "error" ? "✖ error" : "⚠ warning"}  ${where}${field}`, `    ${issue.message}`];
  if (issue.fix) lines.push(`    fix: ${issue.fix}`);
  return lines.join("\n");
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    const errors = issues.filter((i) => i.severity === "error");
    super(
      `The content has ${errors.length} error(s); run \`npm run content:check\` for the full list.\n\n` +
        errors.map(formatIssue).join("\n\n"),
    );
    this.name = "ContentError";
  }
}

/** The description of the schema field at `path`, through optional/default/array wrappers. */
export function fieldHelp(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let node: unknown = schema;
  let help: string | undefined;
  const unwrap = () => {
    for (;;) {
      const s = node as { description?: string; _zod?: { def?: { innerType?: unknown } } };
      if (s?.description) help = s.description;
      const inner = s?._zod?.def?.innerType;
      if (!inner) return;
      node = inner;
    }
  };
  unwrap();
  for (const key of path) {
    const def = (node as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } } })?._zod?.def;
    if (def?.type === "object" && typeof key === "string" && def.shape?.[key]) node = def.shape[key];
    else if (def?.type === "array" && typeof key === "number") node = def.element;
    else break;
    help = undefined;
    unwrap();
  }
  return help;
}
