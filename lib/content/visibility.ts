/**
 * The one rule for what readers, feeds and crawlers may see. Nothing else in the code base knows
 * what "public" means: every query of the content layer goes through `isVisible`, and the
 * public view (no preview) reduces to `isPublic`.
 */
export interface Publishable {
  slug: string;
  status: "published" | "draft";
  publishedAt: Date;
}

/** Who is looking, and when. `preview` is set only for a verified editor or reviewer. */
export interface View {
  now: Date;
  /** "*" shows every hidden story (an editor); a slug shows that story only (a shared link). */
  preview?: { scope: string };
}

export function isPublic(story: Omit<Publishable, "slug">, now: Date): boolean {
  return story.status === "published" && story.publishedAt.getTime() <= now.getTime();
}

export function isVisible(story: Publishable, view: View): boolean {
  if (isPublic(story, view.now)) return true;
  const scope = view.preview?.scope;
  return scope === "*" || scope === story.slug;
}

export type StoryState = "public" | "draft" | "scheduled";

export function storyState(story: Omit<Publishable, "slug">, now: Date): StoryState {
  if (story.status === "draft") return "draft";
  return isPublic(story, now) ? "public" : "scheduled";
}
