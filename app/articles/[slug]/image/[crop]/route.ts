import path from "node:path";
import sharp from "sharp";
import { tagResponse } from "@/lib/cache";
import { content } from "@/lib/content";
import { cacheTag } from "@/lib/content/cache-tags";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { CROPS, isCropName } from "@/lib/seo/crops";

// Made on the first request and then served from the cache (re-checked every 30 s, so a crop
// appears when its story goes public). Not at build time: four sharp resizes per story would
// make the build grow far faster than the archive (measured in bench/: 53 s -> 288 s at 1,000).
export const revalidate = 30;

export function generateStaticParams() {
  return [];
}

const notFound = () => new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A crop of a public story's lead image, centred on its most interesting part. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; crop: string }> }) {
  const { slug, crop } = await params;
  if (!SLUG_PATTERN.test(slug) || !isCropName(crop)) return notFound();
  await tagResponse([cacheTag.story(slug)]); // a takedown takes the crops down too
  const story = (await content()).publicStory(slug, new Date());
  if (!story?.image) return notFound();
  const { width, height } = CROPS[crop];
  const file = path.join(process.cwd(), "public", story.image.src);
  const jpeg = await sharp(file)
    .resize(width, height, { fit: "cover", position: sharp.strategy.attention })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
  // Browsers and CDNs may keep a crop a minute: a takedown must not linger in caches nobody can purge.
  return new Response(new Uint8Array(jpeg), { headers: { "Content-Type": "image/jpeg", "Cache-Control": "public, max-age=60" } });
}
