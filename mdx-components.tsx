import type { MDXComponents } from "mdx/types";
import { TableScroll } from "@/components/body/TableScroll";

/**
 * Components for the site's own MDX pages (app/**\/page.mdx), which are code written by the
 * developers and compiled into the build. Story bodies never go through here: they are data,
 * rendered by components/body/StoryBody.tsx from the registry in lib/content/body/components.ts.
 */
const components: MDXComponents = {
  table: TableScroll,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
