import type { Story } from "@/lib/content";
import { storyState } from "@/lib/content/visibility";

/** Reader-facing dates, in the newsroom's time zone so server and reader agree. */
export function formatDateTime(date: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

export function formatDate(date: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** "A", "A and B", "A, B and C" */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A story readers cannot see yet, as an editor reads it: "Draft" or "Scheduled for <time>"; null once public. */
export function hiddenStateLabel(story: Story, now: Date, timeZone: string): string | null {
  const state = storyState(story, now);
  if (state === "draft") return "Draft";
  if (state === "scheduled") return `Scheduled for ${formatDateTime(story.publishedAt, timeZone)}`;
  return null;
}
