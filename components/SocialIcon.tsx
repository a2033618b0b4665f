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
 * Simple, recognisable glyphs drawn here (no icon font, no third-party script). Decorative:
 * the link around it always carries the accessible name.
 */
export function SocialIcon({ kind }: { kind: LinkKind }) {
  const common = { width: 18, height: 18, viewBox: "0 0 24 24", "aria-hidden": true, focusable: false } as const;
  switch (kind) {
    case "rss":
      return (
        <svg {...common} fill="currentColor">
          <circle cx="5" cy="19" r="2.5" />
          <path d="M3 10.5v3a7.5 7.5 0 0 1 7.5 7.5h3A10.5 10.5 0 0 0 3 10.5Zm0-6v3A13.5 13.5 0 0 1 16.5 21h3A16.5 16.5 0 0 0 3 4.5Z" />
        </svg>
      );
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
    default: {
      // A monogram in a rounded square keeps every network legible without its trademarked logo.
      const letter = { x: "X", bluesky: "B", mastodon: "M", facebook: "f", instagram: "I", threads: "@", youtube: "▶", linkedin: "in", whatsapp: "W" }[kind];
      return (
        <svg {...common}>
          <rect x="1.5" y="1.5" width="21" height="21" rx="6" fill="currentColor" />
          <text x="12" y="16.5" textAnchor="middle" fontSize={letter.length > 1 ? 10 : 13} fontWeight="700" fontFamily="system-ui, sans-serif" className="fill-paper">
            {letter}
          </text>
        </svg>
      );
    }
  }
}
