import { cookies, draftMode } from "next/headers";
import type { NextRequest } from "next/server";
import { PREVIEW_COOKIE } from "@/lib/preview/token";
import { safeLocalPath } from "@/lib/preview/safe-path";

export const dynamic = "force-dynamic";

/** Leaves preview and returns to the page the editor was on (a path on this site only). */
export async function GET(request: NextRequest) {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  const target = safeLocalPath(request.nextUrl.searchParams.get("returnTo"));
  return new Response(null, { status: 307, headers: { Location: target, "Cache-Control": "private, no-store" } });
}
