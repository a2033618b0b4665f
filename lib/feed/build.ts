/**
 * RSS 2.0 for the site, a section or an author, built with the `feed` library. Every item carries
 * the full body (content:encoded), the byline, section and tag labels, and the lead image.
 */
import { Feed, type Extension, type Item } from "feed";
import { content, type Story } from "@/lib/content";
import { listNames } from "@/lib/format";
import { absoluteUrl, articlePath, listPath } from "@/lib/routes";
import { storyBodyHtml } from "./body-html";

export const FEED_SIZE = 50;
export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

const DC_NS = "http://purl.org/dc/elements/1.1/";
const MEDIA_NS = "http://search.yahoo.com/mrss/";

const IMAGE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
  svg: "image/svg+xml",
};

export function imageType(src: string): string | undefined {
  return IMAGE_TYPES[src.split(/[?#]/)[0].split(".").pop()?.toLowerCase() ?? ""];
}

export interface BuildFeedOptions {
  title: string;
  description: string;
  /** The feed's own path, from feedPath() (atom:link rel="self"). */
  path: string;
  /** The HTML page the feed mirrors: a path on the site. */
  pageUrl: string;
  /** Public stories, newest first; only the first FEED_SIZE are used. */
  stories: Story[];
  now?: Date;
}

/** The RSS 2.0 document for `stories`. Pass only stories from a public query (`new Date()` view). */
export async function buildFeed({ title, description, path, pageUrl, stories, now = new Date() }: BuildFeedOptions): Promise<string> {
  const site = await content();
  const items = stories.slice(0, FEED_SIZE);
  const newest = items.map((s) => (s.updatedAt ?? s.publishedAt).getTime());

  const feed = new Feed({
    title,
    description,
    id: absoluteUrl(pageUrl),
    link: absoluteUrl(pageUrl),
    language: site.site.language,
    copyright: `© ${site.site.name}`,
    // The newest change, not the time of the request: unchanged content gives an unchanged feed.
    updated: newest.length ? new Date(Math.max(...newest)) : now,
    feedLinks: { rss: absoluteUrl(path) },
  });

  for (const story of items) {
    const url = absoluteUrl(articlePath(story.slug));
    const authors = story.authors.map((id) => {
      const author = site.author(id);
      return { id, name: author?.name ?? id, email: author?.links.email };
    });
    const body = await storyBodyHtml(story, now);
    // The library declares the dc namespace on <rss> only for items with content:encoded.
    const dcNamespace = body === undefined ? { _attributes: { "xmlns:dc": DC_NS } } : {};
    const extensions: Extension[] = [
      // RSS's <author> is an e-mail address; Dublin Core's creator is the byline readers show.
      { name: "dc:creator", objects: { ...dcNamespace, _text: listNames(authors.map((a) => a.name)) } },
    ];
    // No file size is known to the content layer, and an <enclosure> must give one: the lead
    // image goes out as Media RSS with its measured width and height instead.
    if (story.image) {
      const type = imageType(story.image.src);
      extensions.push({
        name: "media:content",
        objects: {
          _attributes: {
            "xmlns:media": MEDIA_NS,
            url: absoluteUrl(story.image.src),
            medium: "image",
            ...(type && { type }),
            width: story.image.width,
            height: story.image.height,
          },
          "media:description": { _attributes: { type: "plain" }, _text: story.image.alt },
          "media:credit": { _text: story.image.credit },
        },
      });
    }
    const item: Item = {
      title: story.title,
      // No id or guid: the library then makes the link the guid, with isPermaLink="true".
      link: url,
      description: story.dek,
      content: body,
      date: story.updatedAt ?? story.publishedAt,
      published: story.publishedAt,
      author: authors.map((a) => ({ name: a.name, email: a.email, link: absoluteUrl(listPath("author", a.id)) })),
      category: [
        { name: site.section(story.section)?.name ?? story.section, domain: absoluteUrl(listPath("section", story.section)) },
        ...story.tags.map((t) => ({ name: site.tagLabel(t), domain: absoluteUrl(listPath("tag", t)) })),
      ],
      extensions,
    };
    feed.addItem(item);
  }
  return feed.rss2();
}

export function feedResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}

/** Unknown section or author: a short plain-text 404, never an error page or a 500. */
export function feedNotFound(what: string): Response {
  return new Response(`No such ${what}.\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
