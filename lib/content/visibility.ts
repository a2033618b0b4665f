/**
 * The one rule for what readers, feeds and crawlers may see. Nothing else in the code base knows
 * what "public" means: every public query goes through `isPublic`.
 */
export interface Publishable {
  status: "published" | "draft";
  publishedAt: Date;
}

export function isPublic(story: Publishable, now: Date): boolean {
  return story.status === "published" && story.publishedAt.getTime() <= now.getTime();
}
