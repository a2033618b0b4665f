/**
 * Snippets as safe HTML. Engines mark the matched terms with two control characters that never
 * occur in indexed text (stripMarkers removes them before indexing); everything else is escaped,
 * then the markers become <mark> and </mark>. So a story's "<script>" shows as text, always.
 */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

const MARKERS = /[\u0002\u0003]/g;

export const stripMarkers = (text: string) => text.replace(MARKERS, "");

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Marked text -> HTML with only <mark> elements, balanced even if the markers are not. */
export function markedToHtml(marked: string): string {
  let open = false;
  let html = "";
  for (const part of marked.split(/([\u0002\u0003])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_END) {
      if (open) html += "</mark>";
      open = false;
    } else html += escapeHtml(part);
  }
  return open ? `${html}</mark>` : html;
}
