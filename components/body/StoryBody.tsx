import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { ImageCaption } from "@/components/article/ImageCaption";
import { More } from "@/components/article/More";
import { SocialPost } from "@/components/article/SocialPost";
import type { SizedImage } from "@/lib/content";
import { BODY_COMPONENT_NAMES, type BodyComponentName, type BodyComponentProps } from "@/lib/content/body/components";
import type { BodyTree } from "@/lib/content/body/parse";
import { TableScroll } from "./TableScroll";

/** What the body needs from the page: resolved by the page, so the components take props only. */
export interface BodyContext {
  /** A story only if the reader may see it: a <More> to anything else renders nothing. */
  publicStory(slug: string): { slug: string; title: string } | undefined;
  /** The measured size of an image under public/. */
  image(src: string): SizedImage;
  /** The newsroom's time zone, for the dates of social posts. */
  timeZone: string;
}

type SiteRenderers = {
  [N in BodyComponentName]: (props: BodyComponentProps<N>, ctx: BodyContext, children: ReactNode) => ReactNode;
};

/** How each registered body component appears on the site (the registry: lib/content/body/components.ts). */
const SITE_RENDERERS: SiteRenderers = {
  ImageCaption: ({ src, alt, caption, credit }, ctx) => <ImageCaption image={ctx.image(src)} alt={alt} caption={caption} credit={credit} />,
  More: ({ slug }, ctx) => {
    const story = ctx.publicStory(slug);
    return story ? <More story={story} /> : null;
  },
  SocialPost: (props, ctx, children) => (
    <SocialPost {...props} timeZone={ctx.timeZone}>
      {children}
    </SocialPost>
  ),
};

/**
 * A checked story body as React, without evaluating anything: the tree is data, and each node
 * becomes an element or a registered component with its literal props.
 */
export function StoryBody({ tree, ctx }: { tree: BodyTree; ctx: BodyContext }) {
  const components = Object.fromEntries(
    BODY_COMPONENT_NAMES.map((name) => [
      name,
      ({ children, ...props }: { children?: ReactNode }) =>
        (SITE_RENDERERS[name] as (p: unknown, c: BodyContext, ch: ReactNode) => ReactNode)(props, ctx, children),
    ]),
  );
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: { ...components, table: TableScroll } });
}
