import { formatDateTime } from "@/lib/format";

/** The "LIVE" label and the time of the latest update, or the notice that coverage has ended. */
export function LiveStatus({ latest, ended, timeZone }: { latest: Date; ended: boolean; timeZone: string }) {
  return (
    <p className="live-status mt-4 flex flex-wrap items-center gap-3 font-sans text-sm">
      {ended ? (
        <span className="font-semibold">This coverage has ended.</span>
      ) : (
        <span className="live-badge rounded-sm bg-accent px-1.5 py-0.5 text-xs font-bold tracking-wider text-paper uppercase">Live</span>
      )}
      <span>
        {ended ? "Last update" : "Latest update"}: <time dateTime={latest.toISOString()}>{formatDateTime(latest, timeZone)}</time>
      </span>
    </p>
  );
}
