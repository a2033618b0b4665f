/**
 * THE registry of body components: the only list of what a story body may use besides Markdown.
 * Each entry declares its props as a zod schema (the content check reports bad attributes from
 * it, with file and line) and its documentation (the component section of docs/authoring.md is
 * tested against it). Renderers are keyed by this registry's names with mapped types, so a
 * component registered here without a site renderer (components/body/StoryBody.tsx) or a feed
 * renderer (lib/feed/body-html.ts) fails `tsc`.
 *
 * Attribute values are literal text in double quotes: a body is data, never code.
 */
import { z } from "zod";
import { dateTime, publicPath, slug, text } from "../schema";

export interface BodyComponentSpec {
  /** The attributes, as written by the editor (strings), validated and typed. */
  props: z.ZodObject;
  /** Whether text goes between an opening and a closing tag. */
  children: boolean;
  /** One sentence for editors: what it shows. */
  summary: string;
  /** More for editors: rules beyond the attributes. */
  notes?: string;
  /** A complete, valid use, copied into docs/authoring.md. */
  example: string;
}

const httpsUrl = z
  .string()
  .trim()
  .regex(/^https:\/\/\S+$/, "must be the https:// address of the original post");

export const BODY_COMPONENTS = {
  ImageCaption: {
    props: z
      .object({
        src: publicPath.describe("The picture: a file under public/, written from the site root."),
        alt: text().describe("What the picture shows, for readers who cannot see it."),
        caption: text().describe("One or two full sentences: who is shown, doing what, where."),
        credit: text().describe("Who made the picture, without parentheses."),
      })
      .strict(),
    children: false,
    summary: "A picture inside the story, with its caption and credit.",
    notes: "They mean the same as in the lead `image`.",
    example:
      '<ImageCaption src="/images/articles/my-story-2.jpg" alt="Two border guards beside a parked patrol car on a snowy road." caption="Border guards at the closed checkpoint on Sunday." credit="Photo by Anton Reis for The Meridian Ledger" />',
  },
  More: {
    props: z.object({ slug: slug("story slug").describe("The other story's file name without .mdx.") }).strict(),
    children: false,
    summary: 'Shows "MORE:" followed by the linked headline of another story.',
    notes: "If that story isn't public yet, the line is left out until it is.",
    example: '<More slug="parliament-passes-border-security-budget" />',
  },
  SocialPost: {
    props: z
      .object({
        author: text().describe("The poster's name."),
        handle: text().describe("The poster's handle, e.g. @name.example."),
        href: httpsUrl.describe("The https:// address of the original post."),
        date: dateTime.optional().describe("When it was posted, ISO 8601 like publishedAt."),
      })
      .strict(),
    children: true,
    summary: "Quotes a social media post as plain text, with a link to the original.",
    notes: "Say who the poster is in the paragraph before it. Put the text of the post between the opening and closing tags.",
    example:
      '<SocialPost author="Rhea Castellan" handle="@rheacastellan.bsky.social" href="https://bsky.app/profile/rheacastellan.bsky.social/post/3kx2harlow01" date="2026-11-23T06:12:00+00:00">\nConvoy still rolling through Tessmoor square. Very quiet.\n</SocialPost>',
  },
} as const satisfies Record<string, BodyComponentSpec>;

export type BodyComponentName = keyof typeof BODY_COMPONENTS;
export type BodyComponentProps<N extends BodyComponentName> = z.infer<(typeof BODY_COMPONENTS)[N]["props"]>;

export const BODY_COMPONENT_NAMES = Object.keys(BODY_COMPONENTS) as BodyComponentName[];

export function isBodyComponent(name: string): name is BodyComponentName {
  return Object.hasOwn(BODY_COMPONENTS, name);
}

/**
 * HTML that editors may write inline, with the attributes each may carry (beyond `lang` and
 * `dir`, allowed on all). Markdown covers the rest; anything else is rejected by the check.
 */
export const BODY_HTML: Record<string, readonly string[]> = {
  sub: [],
  sup: [],
  abbr: ["title"],
  dfn: ["title"],
  br: [],
  kbd: [],
  mark: [],
  small: [],
  s: [],
  del: ["cite", "dateTime"],
  ins: ["cite", "dateTime"],
  cite: [],
  q: ["cite"],
  em: [],
  strong: [],
  b: [],
  i: [],
  u: [],
  code: [],
  span: [],
  time: ["dateTime"],
};
export const BODY_HTML_GLOBAL_ATTRIBUTES = ["lang", "dir"] as const;
