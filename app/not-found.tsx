import Link from "@/components/ui/Link";
import { StoryCard } from "@/components/StoryCard";
import { content } from "@/lib/content";
import { FRONT_PATH } from "@/lib/routes";

export const metadata = { title: "Page not found", robots: { index: false } };

/**
 * Next serialises this page into the inline RSC payload of every page (the root layout's not-found
 * boundary), so it stays small: the latest stories as compact cards, without images and srcsets.
 */
export default async function NotFound() {
  const now = new Date();
  const site = await content();
  const latest = site.latest(now, 3);
  return (
    <div className="py-12">
      <h1 className="text-3xl font-bold">We can&rsquo;t find that page</h1>
      <p className="mt-3 max-w-prose text-lg text-muted">
        The address may be mistyped, or the story may have moved. Try the{" "}
        <Link href={FRONT_PATH} className="text-accent underline underline-offset-4">
          front page
        </Link>{" "}
        or one of the latest stories below.
      </p>
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="mt-10">
          <h2 id="latest-heading" className="font-sans text-lg font-bold">
            Latest stories
          </h2>
          <ul className="mt-4 grid gap-6 sm:grid-cols-3">
            {latest.map((s) => (
              <li key={s.slug}>
                <StoryCard story={s} section={site.section(s.section)} timeZone={site.site.timeZone} variant="compact" now={now} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
