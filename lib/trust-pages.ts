import type { NewsMediaOrganizationLeaf } from "schema-dts";
import { TRUST_PATHS } from "@/lib/routes";

/**
 * The newsroom's pages about itself (app/(trust)/): who we are, our standards, how we correct.
 * Readers, Google and the Trust Project look for them; the footer, the publisher's JSON-LD and the
 * sitemap all link to them from here.
 */
export const TRUST_PAGES = [
  { path: TRUST_PATHS.about, label: "About us" },
  { path: TRUST_PATHS.standards, label: "Standards and ethics" },
  { path: TRUST_PATHS.correctionsPolicy, label: "Corrections policy" },
] as const;

/**
 * Where schema.org's policy properties of a NewsMediaOrganization point. A fragment is the id of an
 * h2 on that page (the end-to-end tests check that each one exists).
 */
export const PUBLISHER_POLICIES = {
  publishingPrinciples: TRUST_PATHS.standards,
  ethicsPolicy: TRUST_PATHS.standards,
  correctionsPolicy: TRUST_PATHS.correctionsPolicy,
  masthead: `${TRUST_PATHS.about}#masthead`,
  ownershipFundingInfo: `${TRUST_PATHS.about}#ownership-and-funding`,
  actionableFeedbackPolicy: `${TRUST_PATHS.correctionsPolicy}#report-an-error`,
  unnamedSourcesPolicy: `${TRUST_PATHS.standards}#anonymous-sources`,
  verificationFactCheckingPolicy: `${TRUST_PATHS.standards}#accuracy`,
} as const satisfies Partial<Record<keyof NewsMediaOrganizationLeaf, string>>;
