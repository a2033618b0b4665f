/** The public origin of the site, for canonical URLs and feeds: SITE_URL, or localhost in development. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
