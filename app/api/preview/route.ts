import { cookies, draftMode } from "next/headers";
import type { NextRequest } from "next/server";
import { content, isPublic } from "@/lib/content";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { articlePath } from "@/lib/routes";
import { createToken, EDITOR_PREVIEW_MS, PREVIEW_COOKIE, previewSecret, safeEqual, verifyToken } from "@/lib/preview/token";

export const dynamic = "force-dynamic";

const reply = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" },
  });

/** Where the reader goes next: always a path this route built from a checked slug. */
const redirectTo = (path: string) =>
  new Response(null, { status: 307, headers: { Location: path, "Cache-Control": "private, no-store" } });

/**
 * Opens Draft Mode for editors (?secret=&slug=) and reviewers (?token= from `npm run preview:link`),
 * then sends them to the story at its real URL.
 */
export async function GET(request: NextRequest) {
  const secret = previewSecret();
  if (!secret) {
    return reply(503, "Preview is off: the server has no PREVIEW_SECRET (at least 16 characters). Set it in the environment and restart.");
  }
  const params = request.nextUrl.searchParams;
  const now = new Date();
  let slug: string | null;
  let token: string;
  let expiresAt: Date;

  const linkToken = params.get("token");
  if (linkToken !== null) {
    const verified = verifyToken(linkToken, now, secret);
    if (!verified) return reply(401, "This preview link is not valid or has expired. Ask the editor for a new one.");
    slug = verified.scope === "*" ? params.get("slug") : verified.scope;
    token = linkToken;
    expiresAt = verified.expiresAt;
  } else {
    const given = params.get("secret");
    if (!given || !safeEqual(given, secret)) return reply(401, "Wrong or missing preview secret.");
    slug = params.get("slug");
    expiresAt = new Date(now.getTime() + EDITOR_PREVIEW_MS);
    token = createToken("*", expiresAt, secret);
  }

  if (!slug || !SLUG_PATTERN.test(slug) || !content().storyExists(slug)) {
    return reply(404, `There is no story with the slug "${(slug ?? "").slice(0, 100)}".`);
  }
  const path = articlePath(slug);
  const story = content().publicStory(slug, { now, preview: { scope: slug } })!;
  // A shared link to a story that has since gone live just lands on the public page.
  if (linkToken !== null && isPublic(story, now)) return redirectTo(path);

  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    expires: expiresAt,
  });
  return redirectTo(path);
}
