"use client";

import { useEffect, useRef, useState } from "react";

export interface LiveUpdatesProps {
  /** The story's poll endpoint without a cursor (lib/routes.ts livePollPath). */
  pollPath: string;
  /** The time (ms since the epoch) of the newest update on the page: only newer ones are fetched. */
  latest: number;
  /** The id of the element holding the updates, newest first: new ones go at its top. */
  listId: string;
  /** Milliseconds between polls while the tab is visible. */
  interval?: number;
}

interface PollAnswer {
  count: number;
  latest: number;
  ended: boolean;
  /** The new updates as server-rendered HTML, newest first. */
  html: string;
}

/** As lib/format.ts relativeTime says it on the server. */
function relativeTime(then: number, now: number): string {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

const plural = (n: number) => `${n} new update${n === 1 ? "" : "s"}`;

const PINNED_SLOT = "live-pinned";
const PINNED = "live-update-pinned";

/**
 * Puts server-rendered updates (newest first) on the page: a pinned one into the pinned slot above
 * the list, as the server renders it (the update it displaces goes back into the list by its
 * time, unpinned), the others at the top of `list`. Returns the newest update placed.
 */
function placeUpdates(list: HTMLElement, html: string): HTMLElement | null {
  const incoming = document.createElement("template");
  incoming.innerHTML = html;
  const newest = incoming.content.firstElementChild as HTMLElement | null;
  const pinned = incoming.content.querySelector<HTMLElement>(`.${PINNED}`);
  if (pinned) {
    let slot = document.querySelector(`.${PINNED_SLOT}`);
    if (!slot) {
      slot = document.createElement("div");
      slot.className = PINNED_SLOT;
      list.closest("section")?.before(slot);
    }
    const displaced = slot.querySelector<HTMLElement>(`.${PINNED}`);
    slot.replaceChildren(pinned);
    if (displaced) {
      displaced.classList.remove(PINNED);
      const time = Number(displaced.dataset.updateTime);
      const after = [...list.children].find((u) => Number((u as HTMLElement).dataset.updateTime) < time);
      list.insertBefore(displaced, after ?? null);
    }
  }
  list.prepend(incoming.content);
  return newest;
}

/**
 * New updates of live coverage without reloading. Every `interval` while the tab is visible, asks
 * the (cached) poll endpoint for the updates newer than the newest shown. A reader at the top of
 * the updates gets them inserted at once; a reader further down gets a button ("3 new updates")
 * and the count in the tab's title, so what they are reading does not move. Screen readers hear
 * one polite announcement per arrival, never one per poll. It stops when the tab is hidden and
 * for good when the coverage ends. The page works without it: its "Refresh" link reloads.
 */
export function LiveUpdates({ pollPath, latest, listId, interval = 15_000 }: LiveUpdatesProps) {
  const [pending, setPending] = useState<string[]>([]);
  const [pendingCount, setPendingCount] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const title = useRef<string | null>(null);

  useEffect(() => {
    let cursor = latest;
    let timer: ReturnType<typeof setInterval> | undefined;
    let ended = false;
    let busy = false;

    const refreshTimes = () => {
      const now = Date.now();
      document.querySelectorAll<HTMLTimeElement>(`#${listId} time[data-rel], .live-pinned time[data-rel]`).forEach((t) => {
        t.textContent = relativeTime(Date.parse(t.dateTime), now);
      });
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const poll = async () => {
      if (busy || ended || document.hidden) return;
      busy = true;
      try {
        const res = await fetch(`${pollPath}?after=${cursor}`, { headers: { Accept: "application/json" } });
        if (!res.ok) return;
        const answer = (await res.json()) as PollAnswer;
        if (answer.count > 0) {
          cursor = answer.latest;
          const list = document.getElementById(listId);
          const atTop = !!list && list.getBoundingClientRect().top > -40;
          if (list && atTop) {
            placeUpdates(list, answer.html);
          } else {
            setPending((p) => [answer.html, ...p]);
            setPendingCount((n) => n + answer.count);
          }
          setAnnouncement(plural(answer.count));
        }
        if (answer.ended) {
          ended = true;
          stop();
        }
      } catch {
        // Offline or the server is busy: the next poll tries again.
      } finally {
        busy = false;
        refreshTimes();
      }
    };
    const start = () => {
      if (ended || timer) return;
      timer = setInterval(poll, interval);
    };
    const onVisibility = () => {
      if (document.hidden) stop();
      else {
        void poll();
        start();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    if (!document.hidden) start();
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [pollPath, latest, listId, interval]);

  // The count in the tab's title while new updates wait for the reader.
  useEffect(() => {
    title.current ??= document.title;
    document.title = pendingCount ? `(${pendingCount}) ${title.current}` : title.current;
  }, [pendingCount]);

  const showPending = () => {
    const list = document.getElementById(listId);
    if (!list) return;
    // `pending` is newest answer first: place the oldest first so the newest ends on top.
    const newest = [...pending].reverse().reduce<HTMLElement | null>((_, html) => placeUpdates(list, html), null);
    setPending([]);
    setPendingCount(0);
    // Focus moves to the newest update (the button is gone), and the page scrolls to it.
    if (newest) {
      newest.tabIndex = -1;
      newest.focus({ preventScroll: true });
      newest.scrollIntoView({ block: "start" });
    }
  };

  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {pendingCount > 0 && (
        <button
          type="button"
          onClick={showPending}
          className="live-new-button fixed bottom-4 left-1/2 z-10 -translate-x-1/2 rounded-full bg-accent px-4 py-2 font-sans text-sm font-bold text-paper shadow-lg"
        >
          {plural(pendingCount)}
        </button>
      )}
    </>
  );
}
