/**
 * How every Next server we start (the e2e server, the topology's servers, the benches) names the
 * loopback address it listens on: "localhost", resolved to 127.0.0.1, never the literal "127.0.0.1".
 *
 * Next serves a proxy.ts rewrite in-process only when the rewrite's origin is the one it builds from
 * the address it was told to listen on; any other origin is an external rewrite, fetched over HTTP.
 * request.nextUrl reports a loopback literal (127.0.0.1, [::1]) as "localhost", so on a server told
 * "127.0.0.1" every rewrite (the 404 page, a live story's older updates) went out and back into the
 * same server: a second pass through the proxy, resets under load, and a 500 for every 404 behind a
 * TLS-terminating proxy that sends X-Forwarded-Proto: https (vercel/next.js#94745, open; the e2e
 * test "rewrites stay in-process" in e2e/pages.spec.ts shows it). Told "localhost", both sides agree.
 *
 * Node resolves "localhost" to ::1 first on hosts whose /etc/hosts lists it so; nginx and the tests
 * reach the servers on 127.0.0.1, so the servers resolve IPv4 first.
 */
export const NEXT_LISTEN_HOST = "localhost";

/** The environment a Next server needs so that NEXT_LISTEN_HOST is 127.0.0.1. */
export function nextListenEnv(env: NodeJS.ProcessEnv = process.env): { NODE_OPTIONS: string } {
  const flag = "--dns-result-order=ipv4first";
  const current = env.NODE_OPTIONS ?? "";
  return { NODE_OPTIONS: current.includes(flag) ? current : `${current} ${flag}`.trim() };
}
