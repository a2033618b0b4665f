import Link from "next/link";
import { content } from "@/lib/content";
import { currentView } from "@/lib/view";

/** "MORE:" and the linked headline of another story, on a line of its own. */
export async function More({ slug }: { slug: string }) {
  const site = content();
  if (!site.storyExists(slug)) {
    throw new Error(`<More slug="${slug}"> points at a story that does not exist (run npm run content:check)`);
  }
  // A link to a story that is not public yet renders nothing until it is.
  const story = site.publicStory(slug, await currentView());
  if (!story) return null;
  return (
    <p className="more-link font-sans font-semibold">
      <span className="text-accent">MORE:</span>{" "}
      <Link href={`/articles/${story.slug}`} className="underline decoration-1 underline-offset-4 hover:decoration-2">
        {story.title}
      </Link>
    </p>
  );
}
