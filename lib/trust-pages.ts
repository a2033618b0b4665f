import type { NewsMediaOrganizationLeaf } from "schema-dts";

/**
 * The newsroom's pages about itself (app/(trust)/): who we are, our standards, how we correct.
 * Readers, Google and the Trust Project look for them; the footer, the publisher's JSON-LD and the
 * sitemap all link to them from here.
 */
export const TRUST_PAGES = [
  { path: "/about", label: "About us" },
  { path: "/standards", label: "Standards and ethics" },
  { path: "/corrections-policy", label: "Corrections policy" },
] as const;

/**
 * Where schema.org's policy properties of a NewsMediaOrganization point. A fragment is the id of an
 * h2 on that page (the end-to-end tests check that each one exists).
 */
export const PUBLISHER_POLICIES = {
  publishingPrinciples: "/standards",
  ethicsPolicy: "/standards",
  correctionsPolicy: "/corrections-policy",
  masthead: "/about#masthead",
  ownershipFundingInfo: "/about#ownership-and-funding",
  actionableFeedbackPolicy: "/corrections-policy#report-an-error",
  unnamedSourcesPolicy: "/standards#anonymous-sources",
  verificationFactCheckingPolicy: "/standards#accuracy",
} as const satisfies Partial<Record<keyof NewsMediaOrganizationLeaf, string>>;
