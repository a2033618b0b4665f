import { NextResponse, type NextRequest } from "next/server";

/**
 * A URL whose percent-escapes do not decode (e.g. /articles/%E0%A4%A) cannot name any page, but
 * Next's router answers it with a 500 (vercel/next.js#92527). Answer it as what it is: a 404.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.includes("%")) {
    try {
      decodeURIComponent(pathname);
    } catch {
      return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 });
    }
  }
  return NextResponse.next();
}

export const config = {
  // Static files and the image optimiser never reach page routing.
  matcher: ["/((?!_next/static|_next/image|images/|favicon.ico).*)"],
};
