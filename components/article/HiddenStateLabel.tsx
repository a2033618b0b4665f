import type { Story } from "@/lib/content";
import { hiddenStateLabel } from "@/lib/format";

/** "Draft" or "Scheduled for <time>" on a story only a preview can show; nothing for public ones. */
export function HiddenStateLabel({ story, now, timeZone }: { story: Story; now: Date; timeZone: string }) {
  const label = hiddenStateLabel(story, now, timeZone);
  if (!label) return null;
  return (
    <span className="hidden-state rounded-sm bg-accent px-1.5 py-0.5 text-xs font-bold tracking-wider text-paper uppercase">{label}</span>
  );
}
