/** The editors' bullet points that sum up a live story so far (the standfirst is in the header). */
export function LiveSummary({ points }: { points: string[] }) {
  if (!points.length) return null;
  return (
    <section aria-labelledby="live-summary-heading" className="live-summary my-6 border-y border-rule py-4">
      <h2 id="live-summary-heading" className="font-sans text-sm font-bold tracking-wide uppercase">
        Summary
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-lg leading-snug">
        {points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </section>
  );
}
