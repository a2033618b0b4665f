import type { Story } from "@/lib/content";

/** Corrections go at the top of the story, where a reader cannot miss them. */
export function CorrectionsBox({ corrections }: { corrections: Story["corrections"] }) {
  if (!corrections.length) return null;
  return (
    <section aria-labelledby="corrections-heading" className="corrections my-6 border-l-4 border-accent bg-surface p-4 font-sans text-sm">
      <h2 id="corrections-heading" className="font-bold">
        {corrections.length === 1 ? "Correction" : "Corrections"}
      </h2>
      <ul className="mt-1 space-y-1">
        {corrections.map((c) => (
          <li key={c.date + c.text}>
            <time dateTime={c.date} className="font-semibold">
              {new Date(`${c.date}T12:00:00Z`).toLocaleDateString("en-GB", {
                day: "numeric",
                month: "long",
                year: "numeric",
                timeZone: "UTC",
              })}
            </time>
            : {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
