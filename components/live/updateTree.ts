/**
 * The markup of one update of live coverage, as a tree (hast): the live page renders it with the
 * site's body renderers (components/live/LiveUpdateList.tsx), the poll endpoint as HTML
 * (app/api/live/[slug]/route.ts), so a new update inserted by the reader's browser looks exactly
 * like one rendered with the page. Props only: the page resolves authors and links.
 */
import type { Element, ElementContent, Properties } from "hast";
import type { LiveUpdate } from "@/lib/content";
import type { BodyTree } from "@/lib/content/body/parse";
import { formatUpdateTime, listNames, relativeTime } from "@/lib/format";
import { updateAnchor } from "@/lib/routes";

export interface UpdateTreeProps {
  update: LiveUpdate;
  /** The authors' names, in the update's order. */
  authorNames: string[];
  /** The update's permalink (lib/routes.ts updatePermalink). */
  permalink: string;
  now: Date;
  timeZone: string;
}

const text = (value: string): ElementContent => ({ type: "text", value });
const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

export function updateElement({ update, authorNames, permalink, now, timeZone }: UpdateTreeProps): Element {
  const flags: ElementContent[] = [];
  if (update.pinned) flags.push(el("span", { className: ["live-flag"] }, [text("Pinned")]));
  if (update.keyEvent) flags.push(el("span", { className: ["live-flag"] }, [text("Key event")]));
  const absolute = formatUpdateTime(update.time, now, timeZone);
  const header: ElementContent[] = [
    el("p", { className: ["live-update-time"] }, [
      el("a", { href: permalink, className: ["live-permalink"] }, [
        el("time", { dateTime: update.time.toISOString(), dataRel: "" }, [text(relativeTime(update.time, now))]),
        el("span", { className: ["sr-only"] }, [text(": link to this update")]),
      ]),
      text(" "),
      el("span", { className: ["live-absolute"] }, [text(absolute)]),
      ...flags.flatMap((f) => [text(" "), f]),
    ]),
  ];
  if (update.title) header.push(el("h3", { className: ["live-update-title"] }, [text(update.title)]));
  header.push(el("p", { className: ["live-update-byline"] }, [text(`By ${listNames(authorNames)}`)]));
  const children: ElementContent[] = [
    el("header", {}, header),
    el("div", { className: ["article-body", "live-update-body"] }, update.tree.children as ElementContent[]),
  ];
  if (update.correction)
    children.push(
      el("p", { className: ["live-update-correction"] }, [el("strong", {}, [text("Correction:")]), text(` ${update.correction}`)]),
    );
  const className = ["live-update", ...(update.pinned ? ["live-update-pinned"] : []), ...(update.keyEvent ? ["live-update-key"] : [])];
  return el("article", { id: updateAnchor(update.id), className, dataUpdateTime: String(update.time.getTime()) }, children);
}

/** Several updates as one tree, in the order given. */
export function updatesTree(updates: UpdateTreeProps[]): BodyTree {
  return { type: "root", children: updates.map(updateElement) };
}
