/** Width and height of images under public/, read from the files so editors never type them. */
import fs from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";

export interface ImageDimensions {
  width: number;
  height: number;
}

const cache = new Map<string, ImageDimensions | null>();

/** `src` is a site path such as /images/articles/x.jpg; null when the file is missing or unreadable. */
export function readImageDimensions(publicDir: string, src: string): ImageDimensions | null {
  const file = path.join(publicDir, src);
  if (!file.startsWith(publicDir + path.sep)) return null;
  if (cache.has(file)) return cache.get(file)!;
  let result: ImageDimensions | null = null;
  try {
    const size = imageSize(fs.readFileSync(file));
    if (size.width && size.height) result = { width: size.width, height: size.height };
  } catch {
    result = null;
  }
  cache.set(file, result);
  return result;
}
