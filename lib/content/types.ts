import type { AuthorFrontmatter, Section, SiteConfig, StoryFrontmatter, TrendingLink } from "./schema";
import type { ContentIssue } from "./issues";
import type { ImageDimensions } from "./images";

export type { Section, SiteConfig, TrendingLink, StoryType, SocialNetwork, AuthorLinkKind } from "./schema";

export interface SizedImage extends ImageDimensions {
  src: string;
}

export interface StoryImage extends SizedImage {
  alt: string;
  caption: string;
  credit: string;
}

export interface Story extends Omit<StoryFrontmatter, "publishedAt" | "updatedAt" | "image"> {
  slug: string;
  /** Repository-relative path of the source file, for error messages. */
  file: string;
  publishedAt: Date;
  updatedAt?: Date;
  image?: StoryImage;
  /** Live coverage: how many updates it has besides the pinned one (for its page count, without reading the body). */
  liveCount?: number;
}

export interface Author extends Omit<AuthorFrontmatter, "avatar"> {
  id: string;
  file: string;
  avatar?: SizedImage;
}

export interface Content {
  site: SiteConfig;
  sections: Section[];
  tagLabels: Record<string, string>;
  trending: TrendingLink[];
  /** Every story, drafts and scheduled ones included, newest first. Filter with isPublic. */
  stories: Story[];
  authors: Author[];
  issues: ContentIssue[];
}
