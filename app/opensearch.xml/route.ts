import { tagResponse } from "@/lib/cache";
import { content } from "@/lib/content";
import { absoluteUrl, FRONT_PATH, OPENSEARCH_PATH, SEARCH_PATH } from "@/lib/routes";
import { escapeHtml } from "@/lib/search/snippet";

// Changes only with the site's name: built with the site, expired by a publish of site.yaml.
export const revalidate = 3600;

/**
 * The OpenSearch description, linked from every page (app/layout.tsx), so browsers can add the
 * site's search to their search bar. https://github.com/dewitt/opensearch
 */
export async function GET() {
  await tagResponse([]);
  const { site } = await content();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${escapeHtml(site.name.slice(0, 16))}</ShortName>
  <Description>${escapeHtml(`Search ${site.name}: ${site.tagline}`.slice(0, 1024))}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>${escapeHtml(site.language)}</Language>
  <Image width="16" height="16" type="image/svg+xml">${escapeHtml(absoluteUrl("/icon.svg"))}</Image>
  <Url type="text/html" method="get" template="${escapeHtml(absoluteUrl(SEARCH_PATH))}?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeHtml(absoluteUrl(OPENSEARCH_PATH))}"/>
  <moz:SearchForm>${escapeHtml(absoluteUrl(SEARCH_PATH))}</moz:SearchForm>
  <Developer>${escapeHtml(site.name)}</Developer>
  <Attribution>${escapeHtml(absoluteUrl(FRONT_PATH))}</Attribution>
</OpenSearchDescription>
`;
  return new Response(xml, { headers: { "Content-Type": "application/opensearchdescription+xml; charset=utf-8" } });
}
