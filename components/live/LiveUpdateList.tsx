import { StoryBody, type BodyContext } from "@/components/body/StoryBody";
import { updatesTree, type UpdateTreeProps } from "./updateTree";

/**
 * Updates of live coverage, in the order given, through the one update template
 * (./updateTree.ts) and the site's body renderers. `id` names the container that
 * LiveUpdates inserts new updates into.
 */
export function LiveUpdateList({
  id,
  updates,
  ctx,
  className,
}: {
  id?: string;
  updates: UpdateTreeProps[];
  ctx: BodyContext;
  className?: string;
}) {
  return (
    <div id={id} className={className}>
      <StoryBody tree={updatesTree(updates)} ctx={ctx} />
    </div>
  );
}
