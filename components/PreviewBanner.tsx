import type { Story, View } from "@/lib/content";
import { hiddenStateLabel } from "@/lib/format";
import { previewExitPath } from "@/lib/routes";

/**
 * Fixed and always visible in preview, so an editor never mistakes a preview for the live site.
 * The exit link is a plain link: it works without JavaScript.
 */
export function PreviewBanner({
  view,
  story,
  returnTo,
  timeZone,
}: {
  view: View;
  story?: Story;
  returnTo: string;
  /** The newsroom's, for a scheduled story's time. */
  timeZone: string;
}) {
  if (!view.preview) return null;
  const status = story ? (hiddenStateLabel(story, view.now, timeZone) ?? "Published") : undefined;
  return (
    <div
      role="status"
      className="preview-banner fixed inset-x-0 bottom-0 z-40 border-t-4 border-accent bg-ink px-4 py-2 font-sans text-sm text-paper"
    >
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
