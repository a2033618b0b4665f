import { formatUpdateTime } from "@/lib/format";

export interface KeyEvent {
  id: string;
  title: string;
  time: Date;
  /** The update's permalink (on the page that shows it). */
  href: string;
}

function EventList({ events, now, timeZone }: { events: KeyEvent[]; now: Date; timeZone: string }) {
  return (
    <ol className="mt-2 space-y-2 font-sans text-sm">
      {events.map((e) => (
        <li key={e.id}>
          <a href={e.href} className="underline decoration-rule underline-offset-2 hover:decoration-accent">
            <time dateTime={e.time.toISOString()} className="block text-muted">
              {formatUpdateTime(e.time, now, timeZone)}
            </time>
            {e.title}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The key events of live coverage, newest first, each a link to its update: `details`, a
 * collapsible list for phones (hidden on wide screens); `sidebar`, the list for wide screens.
 */
export function KeyEvents({
  events,
  now,
  timeZone,
  variant,
}: {
  events: KeyEvent[];
  now: Date;
  timeZone: string;
  variant: "details" | "sidebar";
}) {
  if (!events.length) return null;
  if (variant === "details")
    return (
      <details className="key-events-details my-4 border border-rule p-3 lg:hidden">
        <summary className="cursor-pointer font-sans text-sm font-bold">Key events ({events.length})</summary>
        <EventList events={events} now={now} timeZone={timeZone} />
      </details>
    );
  return (
    <>
      <h2 id="key-events-heading" className="font-sans text-sm font-bold tracking-wide uppercase">
        Key events
      </h2>
      <EventList events={events} now={now} timeZone={timeZone} />
    </>
  );
}
