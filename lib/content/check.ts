/** The content check: frontmatter, references and every MDX body, all problems at once. */
import { checkBodies, type CheckBodiesOptions } from "./body-check";
import type { ContentIssue } from "./issues";
import { loadContent } from "./load";
import type { Content } from "./types";

export interface CheckResult {
  content: Content;
  issues: ContentIssue[];
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

export async function checkContent(root: string, now = new Date(), options: CheckBodiesOptions = {}): Promise<CheckResult> {
  const content = loadContent({ root, now });
  const issues = [...content.issues, ...(await checkBodies(content, root, now, options))];
  return {
    content,
    issues,
    errors: issues.filter((i) => i.severity === "error"),
    warnings: issues.filter((i) => i.severity === "warning"),
  };
}
