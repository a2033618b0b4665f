/**
 * Crops of a story's lead image for search and social: Open Graph's 1200x630 card and the
 * 16x9, 4x3 and 1x1 images Google recommends for articles (all at least 1200 px wide).
 */
export const CROPS = {
  og: { width: 1200, height: 630 },
  "16x9": { width: 1920, height: 1080 },
  "4x3": { width: 1600, height: 1200 },
  "1x1": { width: 1200, height: 1200 },
} as const;

export type CropName = keyof typeof CROPS;

export function isCropName(name: string): name is CropName {
  return Object.hasOwn(CROPS, name);
}
