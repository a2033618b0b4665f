import { content, storyState, type Story, type View } from "@/lib/content";
import { formatDateTime } from "@/lib/format";
import { previewExitPath } from "@/lib/routes";

/** A label for a story that readers cannot see yet: "Draft" or "Scheduled for <time>". */
export function hiddenStateLabel(story: Story, now: Date): string | null {
  const state = storyState(story, now);
  if (state === "draft") return "Draft";
  if (state === "scheduled") return `Scheduled for ${formatDateTime(story.publishedAt, content().site.timeZone)}`;
  return null;
}

/**
 * Fixed and always visible in preview, so an editor never mistakes a preview for the live site.
 * The exit link is a plain link: it works without JavaScript.
 */
export function PreviewBanner({ view, story, returnTo }: { view: View; story?: Story; returnTo: string }) {
  if (!view.preview) return null;
  const status = story ? (hiddenStateLabel(story, view.now) ?? "Published") : undefined;
  return (
    <div role="status" className="preview-banner fixed inset-x-0 bottom-0 z-40 border-t-4 border-accent bg-ink px-4 py-2 font-sans text-sm text-paper">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2">
        <p>
          <strong className="uppercase">Preview</strong>
          {status && <span className="preview-status">: {status}</span>}
          <span className="text-paper/80"> · readers cannot see hidden stories</span>
        </p>
        <a href={previewExitPath(returnTo)} className="inline-flex min-h-9 items-center rounded border border-paper px-3 font-semibold">
          Exit preview
        </a>
      </div>
    </div>
  );
}
