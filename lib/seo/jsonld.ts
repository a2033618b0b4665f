/**
 * Structured data (schema.org, typed with schema-dts) for Google News/Top Stories and other
 * crawlers. Built from the content layer's typed objects; rendered by components/JsonLd.
 */
import type {
  Article,
  BreadcrumbList,
  LiveBlogPosting,
  NewsMediaOrganization,
  Person,
  ProfilePage,
  SearchAction,
  WebSite,
  WithContext,
} from "schema-dts";
import type { Author, Section, SiteConfig, Story, StoryType } from "@/lib/content";
import type { BodyTree } from "@/lib/content/body/parse";
import { treeToPlainText } from "@/lib/content/body/plain-text";
import { liveEnded } from "@/lib/content/live";
import { absoluteUrl, articlePath, cropPath, FRONT_PATH, listPath, SEARCH_PATH, updatePermalink } from "@/lib/routes";
import { PUBLISHER_POLICIES } from "@/lib/trust-pages";

/** schema.org's own subtype for each kind of story readers are told apart. */
const ARTICLE_TYPES: Record<
  StoryType,
  "NewsArticle" | "AnalysisNewsArticle" | "OpinionNewsArticle" | "BackgroundNewsArticle" | "AdvertiserContentArticle" | "LiveBlogPosting"
> = {
  news: "NewsArticle",
  analysis: "AnalysisNewsArticle",
  opinion: "OpinionNewsArticle",
  explainer: "BackgroundNewsArticle",
  sponsored: "AdvertiserContentArticle",
  live: "LiveBlogPosting",
};

export function publisher(site: SiteConfig): NewsMediaOrganization {
  return {
    "@type": "NewsMediaOrganization",
    "@id": absoluteUrl("/#organization"),
    name: site.name,
    url: absoluteUrl(FRONT_PATH),
    logo: { "@type": "ImageObject", url: absoluteUrl("/images/brand/logo.png"), width: "600", height: "60" },
    sameAs: site.social.map((s) => s.url),
    // The trust pages, as Google's and the Trust Project's guidance for news publishers asks.
    ...Object.fromEntries(Object.entries(PUBLISHER_POLICIES).map(([property, path]) => [property, absoluteUrl(path)])),
  };
}

export function personOf(author: Author): Person {
  return {
    "@type": "Person",
    name: author.name,
    url: absoluteUrl(listPath("author", author.id)),
    jobTitle: author.role,
    ...(author.avatar && { image: absoluteUrl(author.avatar.src) }),
    sameAs: (["x", "bluesky", "mastodon", "linkedin", "website"] as const).flatMap((k) => author.links[k] ?? []),
  };
}

export function articleJsonLd(args: {
  story: Story;
  section: Section;
  authors: Author[];
  site: SiteConfig;
  tagLabels: string[];
}): WithContext<Article> {
  const { story, section, authors, site, tagLabels } = args;
  const url = absoluteUrl(articlePath(story.slug));
  const people = authors.map(personOf);
  return {
    "@context": "https://schema.org",
    "@type": ARTICLE_TYPES[story.type],
    "@id": `${url}#article`,
    headline: story.title,
    description: story.dek,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": story.canonical ?? url },
    image: story.image ? (["16x9", "4x3", "1x1"] as const).map((crop) => absoluteUrl(cropPath(story.slug, crop))) : undefined,
    datePublished: story.publishedAt.toISOString(),
    dateModified: (story.updatedAt ?? story.publishedAt).toISOString(),
    author: people.length === 1 ? people[0] : people,
    publisher: publisher(site),
    articleSection: section.name,
    keywords: tagLabels,
    inLanguage: site.language,
    isAccessibleForFree: true,
    ...(story.contributors.length && { contributor: story.contributors.map((name) => ({ "@type": "Organization" as const, name })) }),
  } as WithContext<Article>;
}

export function breadcrumbJsonLd(items: { name: string; path: string }[]): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({ "@type": "ListItem", position: i + 1, name: item.name, item: absoluteUrl(item.path) })),
  };
}

export function profilePageJsonLd(author: Author): WithContext<ProfilePage> {
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absoluteUrl(listPath("author", author.id)),
    mainEntity: personOf(author),
  };
}

/**
 * The site's search as an action on its WebSite: search engines may send a query straight to the
 * search page. schema-dts has no "query-input" (a schema.org extension Google documents), hence the type.
 */
function searchAction(): SearchAction & { "query-input": string } {
  return {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(SEARCH_PATH)}?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  };
}

export function homeJsonLd(site: SiteConfig): [WithContext<WebSite>, WithContext<NewsMediaOrganization>] {
  return [
    {
      "@context": "https://schema.org",
      "@type": "WebSite",
      "@id": absoluteUrl("/#website"),
      name: site.name,
      url: absoluteUrl(FRONT_PATH),
      description: site.tagline,
      inLanguage: site.language,
      publisher: { "@id": absoluteUrl("/#organization") },
      potentialAction: searchAction(),
    },
    { "@context": "https://schema.org", ...(publisher(site) as Exclude<NewsMediaOrganization, string>) },
  ];
}

/**
 * JSON for a <script> element: `<` is escaped so no text (a headline containing "</script>",
 * say) can close the element early, and U+2028/2029 so it stays valid JavaScript too.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** One update of live coverage, as the live page resolved it. */
export interface LiveBlogUpdateInput {
  id: string;
  title?: string;
  time: Date;
  /** Where it is shown (lib/routes.ts updatePermalink): the story's URL, ?page=n for older updates, #update-<id>. */
  permalink: string;
  authors: Author[];
  text: BodyTree;
}

/** Google's limit on a headline; an untitled update's headline is the start of its text. */
const HEADLINE_MAX = 110;

function headlineOf(u: LiveBlogUpdateInput): string {
  if (u.title) return u.title;
  const plain = treeToPlainText(u.text).replace(/\s+/g, " ").trim();
  return plain.length <= HEADLINE_MAX ? plain : `${plain.slice(0, HEADLINE_MAX - 1).replace(/\s+\S*$/, "")}…`;
}

/**
 * Live coverage for crawlers: the story as a LiveBlogPosting (its start, its end once ended) with
 * every update as a BlogPosting whose @id is the story's canonical URL with #update-<id>, on every
 * page, so an update never has an identity of its own apart from the story. Its `url` is where a
 * reader finds it: the same, or ?page=n#update-<id> for an older update (a noindex page whose
 * canonical is the story).
 */
export function liveBlogJsonLd(args: {
  story: Story;
  section: Section;
  authors: Author[];
  site: SiteConfig;
  tagLabels: string[];
  updates: LiveBlogUpdateInput[];
  now: Date;
}): WithContext<LiveBlogPosting> {
  const { story, updates, now } = args;
  const base = articleJsonLd(args) as unknown as Record<string, unknown>;
  return {
    ...base,
    "@type": "LiveBlogPosting",
    coverageStartTime: story.publishedAt.toISOString(),
    ...(liveEnded(story, now) && { coverageEndTime: new Date(story.liveUntil!).toISOString() }),
    liveBlogUpdate: updates.map((u) => {
      const people = u.authors.map(personOf);
      return {
        "@type": "BlogPosting",
        "@id": absoluteUrl(updatePermalink(story.slug, u.id)),
        url: absoluteUrl(u.permalink),
        headline: headlineOf(u),
        datePublished: u.time.toISOString(),
        author: people.length === 1 ? people[0] : people,
      };
    }),
  } as unknown as WithContext<LiveBlogPosting>;
}
