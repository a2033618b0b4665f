import Link from "@/components/ui/Link";
import { articlePath } from "@/lib/routes";

/** "MORE:" and the linked headline of another story, on a line of its own. */
export function More({ story }: { story: { slug: string; title: string } }) {
  return (
    <p className="more-link font-sans font-semibold">
      <span className="text-accent">MORE:</span>{" "}
      <Link href={articlePath(story.slug)} className="underline decoration-1 underline-offset-4 hover:decoration-2">
        {story.title}
      </Link>
    </p>
  );
}
