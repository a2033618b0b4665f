import type { Story } from "@/lib/content";
import { storyState } from "@/lib/content/visibility";

const STYLES = {
  dateTime: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  date: { day: "numeric", month: "short", year: "numeric" },
  day: { year: "numeric", month: "numeric", day: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * One formatter per style, locale and time zone, made once: building an Intl.DateTimeFormat costs
 * far more than using it (a profile of cold article renders put 1.8 ms of each in this file, for
 * the dozens of dates on a page).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: keyof typeof STYLES, timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${style} ${locale} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...STYLES[style] })));
  return f;
}

/** Reader-facing dates, in the newsroom's time zone so server and reader agree. */
export function formatDateTime(date: Date, timeZone: string, locale = "en-GB"): string {
  return formatter("dateTime", timeZone, locale).format(date);
}

export function formatDate(date: Date, timeZone: string, locale = "en-GB"): string {
  return formatter("date", timeZone, locale).format(date);
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
  const day = (d: Date) => formatter("day", timeZone, locale).format(d);
  const time = formatter("time", timeZone, locale).format(date);
  return day(date) === day(now) ? time : `${formatDate(date, timeZone, locale)}, ${time}`;
}
