import { getImageProps } from "next/image";
import { preload as preloadResource } from "react-dom";
import type { SizedImage } from "@/lib/content";

interface Props {
  image: SizedImage;
  alt: string;
  /** The `sizes` attribute: how wide the image is drawn at each viewport width. */
  sizes: string;
  /** The page's main image: fetched first, never lazy. */
  preload?: boolean;
  className?: string;
}

/**
 * next/image's optimiser and srcset, rendered as a plain <img> from the server: no client
 * JavaScript, and width/height always set so nothing shifts while it loads.
 */
export function ResponsiveImage({ image, alt, sizes, preload = false, className }: Props) {
  const { props } = getImageProps({
    src: image.src,
    width: image.width,
    height: image.height,
    alt,
    sizes,
    loading: preload ? "eager" : "lazy",
    fetchPriority: preload ? "high" : undefined,
  });
  if (preload) {
    preloadResource(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  }
  // next/image always asks for async decoding, which lets the browser paint the page first and the
  // image in a later frame. The page's main image is painted in the same frame as it arrives.
  const decoding = preload ? "sync" : props.decoding;
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- alt is in props
  return <img {...props} decoding={decoding} className={className} />;
}
