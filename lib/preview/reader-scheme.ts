/**
 * Does the reader reach the site over HTTPS? Decides whether the preview cookie is `Secure`.
 *
 * Next's own `request.nextUrl.protocol` comes from the X-Forwarded-Proto header of whoever sent the
 * request, so it cannot be trusted by itself. The header counts only when the server is configured
 * to sit behind a proxy that sets it (`LEDGER_TRUST_PROXY=1`: prod:up, test:prod and compose, where
 * only nginx reaches the Next servers and nginx always overwrites the header). A site whose public
 * origin (SITE_URL) is HTTPS is read over HTTPS whatever the header says.
 */
export interface ReaderSchemeConfig {
  /** The server is reached only through a proxy that sets X-Forwarded-Proto (LEDGER_TRUST_PROXY=1). */
  trustProxy: boolean;
  /** The public origin, e.g. https://www.meridianledger.example. */
  siteUrl: string;
}

export function readerSchemeConfig(env: Record<string, string | undefined> = process.env): ReaderSchemeConfig {
  return { trustProxy: env.LEDGER_TRUST_PROXY === "1", siteUrl: env.SITE_URL ?? "" };
}

export function readerUsesHttps(forwardedProto: string | null, { trustProxy, siteUrl }: ReaderSchemeConfig): boolean {
  if (siteUrl.startsWith("https://")) return true;
  // One proxy in front sets one value; a list ("https, http") means someone added their own.
  return trustProxy && forwardedProto?.trim().toLowerCase() === "https";
}
