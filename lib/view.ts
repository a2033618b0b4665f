/**
 * Who is looking at this request: the public, or an editor/reviewer in Draft Mode with a valid
 * signed preview cookie. Pages build their View here and pass it to the content layer.
 * Cookies are read only in Draft Mode, so public pages stay static.
 */
import { cookies, draftMode } from "next/headers";
import type { View } from "@/lib/content";
import { PREVIEW_COOKIE, verifyToken } from "@/lib/preview/token";

export async function currentView(): Promise<View> {
  const now = new Date();
  if (!(await draftMode()).isEnabled) return { now };
  const token = verifyToken((await cookies()).get(PREVIEW_COOKIE)?.value, now);
  return token ? { now, preview: { scope: token.scope } } : { now };
}
