import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/SiteFooter";
import { SiteHeader } from "@/components/site/SiteHeader";
import { content } from "@/lib/content";
import { alternateFeeds } from "@/lib/feed/alternates";
import { FRONT_PATH, siteUrl } from "@/lib/routes";
import "./globals.css";

// One self-hosted family (Source Serif 4, variable weight), preloaded with font-display: swap.
const serif = localFont({
  src: [
    { path: "./fonts/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" },
    { path: "./fonts/source-serif-4-latin-wght-italic.woff2", style: "italic", weight: "200 900" },
  ],
  variable: "--font-body",
  display: "swap",
  fallback: ["Georgia", "Times New Roman", "serif"],
});

export function generateMetadata(): Metadata {
  const { site } = content();
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
    description: site.tagline,
    alternates: { types: alternateFeeds(site.name) },
    robots: { index: true, follow: true, "max-image-preview": "large", googleBot: { index: true, follow: true, "max-image-preview": "large" } },
    openGraph: { type: "website", siteName: site.name, locale: site.language.replace("-", "_"), title: site.name, description: site.tagline, url: FRONT_PATH },
    twitter: { card: "summary_large_image", site: site.social.find((s) => s.network === "x")?.handle },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fdfcf8" },
    { media: "(prefers-color-scheme: dark)", color: "#121211" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const { site, sections, trending } = content();
  return (
    <html lang={site.language} className={serif.variable}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 bg-ink px-4 py-3 font-sans text-paper focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <SiteHeader site={site} sections={sections} trending={trending} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 focus:outline-none">
          {children}
        </main>
        <SiteFooter site={site} sections={sections} />
      </body>
    </html>
  );
}
