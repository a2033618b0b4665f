import {
  siBluesky,
  siFacebook,
  siInstagram,
  siMastodon,
  siRss,
  siThreads,
  siWhatsapp,
  siX,
  siYoutube,
  type SimpleIcon,
} from "simple-icons";
import type { AuthorLinkKind, SocialNetwork } from "@/lib/content";

export type LinkKind = SocialNetwork | AuthorLinkKind | "rss";

export const NETWORK_NAMES: Record<LinkKind, string> = {
  x: "X",
  bluesky: "Bluesky",
  mastodon: "Mastodon",
  facebook: "Facebook",
  instagram: "Instagram",
  threads: "Threads",
  youtube: "YouTube",
  linkedin: "LinkedIn",
  whatsapp: "WhatsApp",
  website: "Website",
  email: "Email",
  rss: "RSS feed",
};

/**
 * The networks' own marks, as single SVG paths from Simple Icons (named imports, so only these are
 * bundled; server-rendered, so no client JavaScript). Simple Icons has no LinkedIn mark (the brand
 * asked for its removal), so LinkedIn gets the generic profile-link glyph below.
 */
const BRAND_ICONS: Partial<Record<LinkKind, SimpleIcon>> = {
  x: siX,
  bluesky: siBluesky,
  mastodon: siMastodon,
  facebook: siFacebook,
  instagram: siInstagram,
  threads: siThreads,
  youtube: siYoutube,
  whatsapp: siWhatsapp,
  rss: siRss,
};

/**
 * Decorative and drawn as paths only: no SVG <text>, which screen readers and axe count as visible
 * text. The link around it always carries the accessible name, starting with its visible label.
 */
export function SocialIcon({ kind }: { kind: LinkKind }) {
  const common = { width: 18, height: 18, viewBox: "0 0 24 24", "aria-hidden": true, focusable: false } as const;
  const brand = BRAND_ICONS[kind];
  if (brand) {
    return (
      <svg {...common} fill="currentColor">
        <path d={brand.path} />
      </svg>
    );
  }
  switch (kind) {
    case "email":
      return (
        <svg {...common} fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="m3 7 9 6 9-6" />
        </svg>
      );
    case "website":
      return (
        <svg {...common} fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
        </svg>
      );
    default:
      // A profile card: a person beside lines of text.
      return (
        <svg {...common} fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="2.5" y="4.5" width="19" height="15" rx="2.5" />
          <circle cx="8.5" cy="10.5" r="2" />
          <path d="M5.5 16a3 3 0 0 1 6 0M14 10h4.5M14 14h4.5" />
        </svg>
      );
  }
}
