import type { StoryType } from "@/lib/content";

const LABELS: Record<StoryType, string | null> = {
  news: null,
  analysis: "Analysis",
  opinion: "Opinion",
  explainer: "Explainer",
  sponsored: "Sponsored content",
  live: "Live",
};

/** Readers must tell news from opinion and advertising: every non-news story says what it is. */
export function StoryTypeLabel({ type }: { type: StoryType }) {
  const label = LABELS[type];
  if (!label) return null;
  const tone = type === "sponsored" ? "bg-sponsored text-paper" : type === "live" ? "bg-accent text-paper" : "border border-ink text-ink";
  return <span className={`story-type rounded-sm px-1.5 py-0.5 text-xs font-bold tracking-wider uppercase ${tone}`}>{label}</span>;
}
