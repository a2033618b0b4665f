import type { ComponentProps } from "react";
import { Masthead } from "@/components/trust/Masthead";
import { content } from "@/lib/content";

/** The masthead with the newsroom's staff as the content index lists them (the page is MDX, which cannot await). */
export async function SiteMasthead(props: Omit<ComponentProps<typeof Masthead>, "staff">) {
  return <Masthead {...props} staff={(await content()).authors()} />;
}
