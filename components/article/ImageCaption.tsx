import { ResponsiveImage } from "@/components/ui/ResponsiveImage";
import type { SizedImage } from "@/lib/content";

export interface ImageCaptionProps {
  image: SizedImage;
  alt: string;
  caption: string;
  credit: string;
  /** The lead image: loaded first and drawn at full column width. */
  lead?: boolean;
}

/** A photograph with its caption and, styled apart so it is never lost, the photo credit. */
export function ImageCaption({ image, alt, caption, credit, lead = false }: ImageCaptionProps) {
  return (
    <figure className={lead ? "my-6" : "my-8"}>
      <ResponsiveImage
        image={image}
        alt={alt}
        preload={lead}
        sizes="(min-width: 800px) 768px, calc(100vw - 2rem)"
        className="h-auto w-full bg-surface"
      />
      <figcaption className="mt-2 font-sans text-sm leading-snug text-muted">
        <span className="image-caption">{caption}</span> <span className="image-credit text-xs uppercase tracking-wide">({credit})</span>
      </figcaption>
    </figure>
  );
}
