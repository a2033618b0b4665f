import { cookies, draftMode } from "next/headers";
import type { NextRequest } from "next/server";
import { content, isPublic } from "@/lib/content";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { readerSchemeConfig, readerUsesHttps } from "@/lib/preview/reader-scheme";
import { articlePath } from "@/lib/routes";
import { secretFormPage } from "@/lib/preview/secret-form";
import { createToken, EDITOR_PREVIEW_MS, PREVIEW_COOKIE, previewSecret, safeEqual, verifyToken } from "@/lib/preview/token";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

const reply = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...PRIVATE } });

/** Where the reader goes next: always a path this route built from a checked slug. */
const redirectTo = (path: string, status: 303 | 307) => new Response(null, { status, headers: { Location: path, ...PRIVATE } });

const previewOff = () =>
  reply(503, "Preview is off: the server has no PREVIEW_SECRET (at least 16 characters). Set it in the environment and restart.");

/**
 * Reviewers open a signed link (?token= from `npm run preview:link`). Editors get a form (?slug=
 * fills it in) that POSTs the secret: the secret itself is refused in an address, which nginx,
 * proxies and browsers keep.
 */
export async function GET(request: NextRequest) {
  const secret = previewSecret();
  if (!secret) return previewOff();
  const params = request.nextUrl.searchParams;
  if (params.has("secret")) {
    return reply(
      400,
      "The preview secret must not be in the address (addresses are logged). Open /api/preview?slug=<slug> and type it into the form.",
    );
  }
  const linkToken = params.get("token");
  if (linkToken === null) {
    const slug = params.get("slug") ?? "";
    return new Response(secretFormPage(SLUG_PATTERN.test(slug) ? slug : ""), {
      headers: { "Content-Type": "text/html; charset=utf-8", ...PRIVATE },
    });
  }
  const now = new Date();
  const verified = verifyToken(linkToken, now, secret);
  if (!verified) return reply(401, "This preview link is not valid or has expired. Ask the editor for a new one.");
  const slug = verified.scope === "*" ? params.get("slug") : verified.scope;
  return openPreview(request, slug, linkToken, verified.expiresAt, { now, sharedLink: true });
}

/** The editors' form: `secret` and `slug`, form-encoded. */
export async function POST(request: NextRequest) {
  const secret = previewSecret();
  if (!secret) return previewOff();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply(400, "Send the preview secret and the slug as a form.");
  }
  const given = form.get("secret");
  if (typeof given !== "string" || !safeEqual(given, secret)) return reply(401, "Wrong or missing preview secret.");
  const slug = form.get("slug");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + EDITOR_PREVIEW_MS);
  return openPreview(request, typeof slug === "string" ? slug : null, createToken("*", expiresAt, secret), expiresAt, {
    now,
    sharedLink: false,
  });
}

/** Turns Draft Mode on with the signed cookie, then sends the reader to the story at its real URL. */
async function openPreview(
  request: NextRequest,
  slug: string | null,
  token: string,
  expiresAt: Date,
  { now, sharedLink }: { now: Date; sharedLink: boolean },
) {
  if (!slug || !SLUG_PATTERN.test(slug) || !(await content()).storyExists(slug)) {
    return reply(404, `There is no story with the slug "${(slug ?? "").slice(0, 100)}".`);
  }
  const path = articlePath(slug);
  // After a POST, 303 makes the browser GET the story.
  const status = sharedLink ? 307 : 303;
  const story = (await content()).publicStory(slug, { now, preview: { scope: slug } })!;
  // A shared link to a story that has since gone live just lands on the public page.
  if (sharedLink && isPublic(story, now)) return redirectTo(path, status);

  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: readerUsesHttps(request.headers.get("x-forwarded-proto"), readerSchemeConfig()),
    path: "/",
    expires: expiresAt,
  });
  return redirectTo(path, status);
}
