import { serializeJsonLd } from "@/lib/seo/jsonld";

/** Structured data for crawlers, escaped so nothing inside can break out of the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
