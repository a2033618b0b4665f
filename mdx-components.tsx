import type { MDXComponents } from "mdx/types";
import type { ComponentPropsWithoutRef } from "react";
import { ImageCaption } from "@/components/article/ImageCaption";
import { More } from "@/components/article/More";
import { SocialPost } from "@/components/article/SocialPost";
import { sizedImage } from "@/lib/content";

/** The components every article can use without an import; the content check knows the same list. */
const components: MDXComponents = {
  ImageCaption: ({ src, alt, caption, credit }: { src: string; alt: string; caption: string; credit: string }) => (
    <ImageCaption image={sizedImage(src)} alt={alt} caption={caption} credit={credit} />
  ),
  More,
  SocialPost,
  // Wide tables scroll inside their own box instead of widening the page on a phone.
  table: (props: ComponentPropsWithoutRef<"table">) => (
    <div className="table-scroll my-6 overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  ),
};

export function useMDXComponents(): MDXComponents {
  return components;
}
