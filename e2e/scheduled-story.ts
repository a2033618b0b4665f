/**
 * A story scheduled to go live a little after a test's server starts: published to the running
 * e2e site ahead of its time (e2e/scheduled.spec.ts), or written into a copy of the repository
 * before it is built (e2e-prod/prod.test.ts, which writes it again into the standalone server's
 * content/ with its final time).
 */
import fs from "node:fs";
import path from "node:path";

export const SCHEDULED_TEST_STORY = {
  slug: "e2e-scheduled-night-ferry",
  title: "Night ferry to the Kessel islands returns for the winter season",
};

/** The story's file text, going public at `publishAt`. */
export function scheduledStorySource(publishAt: Date): string {
  return `---
title: ${SCHEDULED_TEST_STORY.title}
dek: The overnight crossing to the islands will run on Fridays and Saturdays from December, the operator said.
section: business
authors: [ines-caldera]
publishedAt: ${publishAt.toISOString()}
tags: [transport]
image:
  src: /images/articles/orlen-shipyard-wins-ferry-contract.jpg
  alt: A ferry at the quay in Port Alder harbour.
  caption: A ferry at its berth in Port Alder, where the winter timetable starts next month.
  credit: Northline News Service photo by Jorun Falk
---

The Kessel Sea ferry operator will bring back its night sailing to the islands this winter, it said.
`;
}

/** Writes the story into `contentDir` (default: the repository's content/). */
export function writeScheduledStory(repoDir: string, publishAt: Date, contentDir = path.join(repoDir, "content")): void {
  fs.writeFileSync(path.join(contentDir, "articles", `${SCHEDULED_TEST_STORY.slug}.mdx`), scheduledStorySource(publishAt));
}
