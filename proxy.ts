import { NextResponse, type NextRequest } from "next/server";
import { contentRouteStatus, livePageCount } from "./lib/content";
import { API_PREFIX, articlePath, LIVE_UPDATES_PAGE_PATTERN, liveUpdatesPagePath, matchContentRoute, NOT_FOUND_PATH } from "./lib/routes";

const DRAFT_MODE_COOKIE = "__prerender_bypass";
const LIVE_PAGE_HEADER = "x-ledger-live-page";

/**
 * A path of this site as a rewrite target: the request's own URL object with the new path. Next
 * serves such a rewrite in-process as long as the server was told to listen on "localhost"
 * (ops/listen-host.ts says why not "127.0.0.1").
 */
function rewriteUrl(request: NextRequest, pathname: string) {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = "";
  return url;
}

/** The static 404 page, with a 404 status. */
function notFoundPage(request: NextRequest) {
  return NextResponse.rewrite(rewriteUrl(request, NOT_FOUND_PATH), { status: 404 });
}

/**
 * Runs before routing. A URL whose percent-escapes do not decode (e.g. a slug ending in %E0%A4%A) cannot name any page, but
 * Next's router answers it with a 500 (vercel/next.js#92527). Answer it as what it is: a 404.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.includes("%")) {
    try {
      decodeURIComponent(pathname);
    } catch {
      return notFoundPage(request);
    }
  }
  // Every URL on the site is lowercase: send case variants to the one canonical URL in one hop.
  if (/[A-Z]/.test(pathname) && !pathname.startsWith(API_PREFIX) && !pathname.startsWith("/_next/")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.toLowerCase();
    return NextResponse.redirect(url, 308);
  }
  // A content page that does not exist (or is not public) is the static 404 page, decided here from
  // the index: pages render on demand, and a 404 thrown by a page gets only a client-rendered body
  // from Next (vercel/next.js#62228). A renamed story's old slug is one permanent hop.
  const route = matchContentRoute(pathname);
  if (route && !request.cookies.has(DRAFT_MODE_COOKIE)) {
    const found = await contentRouteStatus(route, new Date());
    if (found.status === "missing") return notFoundPage(request);
    if (found.status === "renamed") {
      const url = request.nextUrl.clone();
      url.pathname = articlePath(found.slug);
      return NextResponse.redirect(url, 308);
    }
  }
  // Older updates of a live story (?page=n) come from a cacheable route of their own; that route's
  // path is not a URL of the site. A page that does not exist is a 404.
  if (LIVE_UPDATES_PAGE_PATTERN.test(pathname) && request.headers.get(LIVE_PAGE_HEADER) !== "1") return notFoundPage(request);
  let response = NextResponse.next();
  const pageParam = request.nextUrl.searchParams.get("page");
  if (route?.kind === "article" && pageParam !== null) {
    const pages = await livePageCount(route.slug, new Date());
    if (pages !== undefined) {
      const page = /^[1-9][0-9]{0,5}$/.test(pageParam) ? Number(pageParam) : NaN;
      if (!(page <= pages)) return notFoundPage(request);
      if (page > 1) {
        // Marked, so that the page still works on a server that fetches the rewrite over HTTP and
        // so sees it here a second time (one told "127.0.0.1": ops/listen-host.ts).
        const headers = new Headers(request.headers);
        headers.set(LIVE_PAGE_HEADER, "1");
        response = NextResponse.rewrite(rewriteUrl(request, liveUpdatesPagePath(route.slug, page)), { request: { headers } });
      }
    }
  }
  // A preview must never be indexed or kept by any cache, whatever the page itself says.
  if (request.cookies.has(DRAFT_MODE_COOKIE)) {
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Cache-Control", "private, no-store");
  }
  return response;
}

export const config = {
  // Static files and the image optimiser never reach page routing.
  matcher: ["/((?!_next/static|_next/image|images/|favicon.ico).*)"],
};
