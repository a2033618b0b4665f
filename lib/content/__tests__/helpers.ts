import { expect } from "vitest";
import type { ContentIssue } from "../issues";

/** The one issue matching `where` (file, field, severity...); fails with the full list otherwise. */
export function findIssue(issues: ContentIssue[], where: Partial<ContentIssue>): ContentIssue {
  const matches = issues.filter((i) => Object.entries(where).every(([k, v]) => i[k as keyof ContentIssue] === v));
  expect(matches, `expected one issue like ${JSON.stringify(where)} in ${JSON.stringify(issues, null, 2)}`).toHaveLength(1);
  return matches[0];
}

export const errorsOf = (issues: ContentIssue[]) => issues.filter((i) => i.severity === "error");
export const warningsOf = (issues: ContentIssue[]) => issues.filter((i) => i.severity === "warning");
