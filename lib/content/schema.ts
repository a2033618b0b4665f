/**
 * THE content contract. Editors' docs (docs/authoring.md) and the content check's "how to fix"
 * hints both come from the descriptions here, so a change to a field changes it everywhere.
 */
import { z } from "zod";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const required = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`),
});

export const text = (what = "text") => z.string(required(what)).trim().min(1, "must not be empty");
export const slug = (what: string) =>
  z.string(required("a slug")).regex(SLUG_PATTERN, `must be a ${what}: lowercase letters, digits and single hyphens`);
// required() here too: a missing date should say "is required", not describe the format.
export const dateTime = z.iso.datetime({ offset: true, ...required("an ISO 8601 date and time with an offset, like 2026-11-23T07:30:00+00:00") });
const date = z.iso.date(required("a date like 2026-11-24"));
export const publicPath = z
  .string(required("a path"))
  .regex(/^\/[^\s]+\.(jpe?g|png|webp|avif)$/i, "must be a path under public/ starting with / and ending in .jpg, .png, .webp or .avif");

export const STORY_TYPES = ["news", "analysis", "opinion", "explainer", "sponsored", "live"] as const;
export type StoryType = (typeof STORY_TYPES)[number];

// Strict like the story itself: a misspelt or extra image field is reported, not dropped.
export const imageSchema = z
  .object({
    src: publicPath.describe("The picture: a file under public/, written from the site root, e.g. /images/articles/my-story.jpg."),
    alt: text().describe("What the picture shows, for readers who cannot see it (screen readers, slow connections)."),
    caption: text().describe("One or two full sentences: who is shown, doing what, where, and why it matters."),
    credit: text().describe('Who made the picture, without parentheses, e.g. "Kessel Press Agency photo by Anna Ruel".'),
  })
  .strict();

export const correctionSchema = z
  .object({
    date: date.describe("The day the correction was made, like 2026-11-24."),
    text: text().describe("What was wrong and what is right now, in a full sentence."),
  })
  .strict();

export const storyFrontmatterSchema = z
  .object({
    title: text().describe("The headline: one line of about 10 to 14 words that states the news."),
    dek: text().describe("The standfirst under the headline: one or two sentences."),
    section: slug("section id").describe("The id of a section declared in content/sections.yaml."),
    type: z.enum(STORY_TYPES).default("news").describe(`What kind of story this is, shown as a label: ${STORY_TYPES.join(", ")}.`),
    authors: z
      .array(slug("author id"), required("a list of author ids"))
      .min(1, "must name at least one author")
      .describe("One or more author ids, each a file content/authors/<id>.mdx, e.g. [mara-okafor]."),
    publishedAt: dateTime.describe("When the story goes public: ISO 8601 with an offset, e.g. 2026-11-23T07:30:00+00:00."),
    updatedAt: dateTime.optional().describe("When the story was last changed in substance; not before publishedAt."),
    status: z.enum(["published", "draft"]).default("published").describe("published (the default) or draft (never public)."),
    tags: z.array(slug("tag slug")).default([]).describe("Tag slugs for the people, places and organisations in the story."),
    contributors: z
      .array(text())
      .default([])
      .describe('Agencies that contributed, rendered as the closing line "(X contributed to this report.)".'),
    related: z.array(slug("story slug")).default([]).describe("Slugs of stories to pin first among the related stories."),
    image: imageSchema.optional().describe("The lead image; required for a published story."),
    corrections: z.array(correctionSchema).default([]).describe("Corrections, shown prominently with the story."),
    canonical: z
      .url({ protocol: /^https?$/, error: "must be a full http(s) URL" })
      .optional()
      .describe("Only for a syndicated story: the URL of the original, which search engines should index instead."),
    redirectFrom: z
      .array(slug("old slug"))
      .default([])
      .describe("Old slugs of this story after a rename: /articles/<old> redirects here permanently."),
    liveUntil: dateTime
      .optional()
      .describe("Live coverage only: when the coverage ended. From then on the page reads \"This coverage has ended\" and stops checking for updates."),
    summary: z
      .array(text())
      .default([])
      .describe("Live coverage only: a few bullet points under the standfirst that sum up the story so far."),
  })
  .strict();

/** The header of one update of live coverage (between its `+++ update` and `+++` lines). */
export const liveUpdateSchema = z
  .object({
    id: slug("update id").describe("The update's own id, unique in the story: its permalink is #update-<id>, e.g. bridge-reopens."),
    time: dateTime.describe("When the update was posted: ISO 8601 with an offset, e.g. 2026-11-25T14:05:00+00:00. Not in the future."),
    authors: z
      .array(slug("author id"), required("a list of author ids"))
      .min(1, "must name at least one author")
      .describe("Who wrote the update: one or more author ids, e.g. [mara-okafor]."),
    title: text().optional().describe("A short headline for the update; a key event needs one."),
    keyEvent: z.boolean(required("true or false")).default(false).describe("true for a turning point: listed in the key events, linking to the update."),
    pinned: z.boolean(required("true or false")).default(false).describe("true to show the update first, above the newest ones; one pinned update at most."),
    correction: text().optional().describe("A correction to this update: what was wrong and what is right, shown with the update."),
  })
  .strict()
  .superRefine((u, ctx) => {
    if (u.keyEvent && !u.title) ctx.addIssue({ code: "custom", path: ["title"], message: "is required for a key event (the key events list shows it)" });
  });

export const AUTHOR_LINKS = ["x", "bluesky", "mastodon", "linkedin", "website", "email"] as const;
export type AuthorLinkKind = (typeof AUTHOR_LINKS)[number];

export const authorFrontmatterSchema = z
  .object({
    name: text().describe("The author's name as it appears in bylines."),
    role: text().describe('The author\'s job, e.g. "Defence correspondent".'),
    avatar: publicPath.optional().describe("A square photo under public/, e.g. /images/authors/mara-okafor.jpg."),
    links: z
      .object({
        x: z.url().optional(),
        bluesky: z.url().optional(),
        mastodon: z.url().optional(),
        linkedin: z.url().optional(),
        website: z.url().optional(),
        email: z.email().optional(),
      })
      .strict()
      .default({})
      .describe(`Profiles: ${AUTHOR_LINKS.join(", ")} (full URLs; email is an address).`),
  })
  .strict();

export const SOCIAL_NETWORKS = [
  "x",
  "bluesky",
  "mastodon",
  "facebook",
  "instagram",
  "threads",
  "youtube",
  "linkedin",
  "whatsapp",
] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export const siteSchema = z
  .object({
    name: text().describe("The site's name."),
    tagline: text().describe("One line that says what the site is."),
    language: text().describe("The language of the site, e.g. en-GB."),
    timeZone: text().describe("The newsroom's IANA time zone, e.g. Europe/London."),
    social: z
      .array(z.object({ network: z.enum(SOCIAL_NETWORKS), handle: text(), url: z.url() }).strict())
      .default([])
      .describe("The site's own social accounts, shown in the Follow us widget."),
  })
  .strict();

export const sectionsSchema = z
  .array(
    z
      .object({
        id: slug("section id").describe("Used in URLs (/sections/<id>) and in stories' `section`."),
        name: text().describe("The section's name, shown on the site."),
        description: text().describe("One sentence about the section."),
      })
      .strict(),
  )
  .min(1, "must declare at least one section");

export const tagsSchema = z.record(slug("tag slug"), text()).default({});

export const trendingSchema = z
  .array(
    z
      .object({
        label: text().describe("One or two words."),
        href: z
          .string()
          .regex(/^\/[^\s]*$/, "must be a path on this site, starting with /")
          .describe("A path on this site, e.g. /tags/harlow-pass."),
      })
      .strict(),
  )
  .default([]);

export type StoryFrontmatter = z.infer<typeof storyFrontmatterSchema>;
export type LiveUpdateHeader = z.infer<typeof liveUpdateSchema>;
export type AuthorFrontmatter = z.infer<typeof authorFrontmatterSchema>;
export type SiteConfig = z.infer<typeof siteSchema>;
export type Section = z.infer<typeof sectionsSchema>[number];
export type TrendingLink = z.infer<typeof trendingSchema>[number];
