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

/**
 * How long ago `date` was at `now`, as a live page says it: "just now", "5 min ago", "3 h ago",
 * "2 days ago". components/live/LiveUpdates.tsx says it the same way in the reader's browser.
 */
export function relativeTime(date: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

/** The time of day (and the date, when it is not today in the newsroom) of a live update. */
export function formatUpdateTime(date: Date, now: Date, timeZone: string, locale = "en-GB"): string {
  const day = (d: Date) => new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "numeric", day: "numeric" }).format(d);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(date);
  return day(date) === day(now) ? time : `${formatDate(date, timeZone, locale)}, ${time}`;
}
