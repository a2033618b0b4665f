import { listNames } from "@/lib/format";

/** The agency credit that closes the body: "(Wire services contributed to this report.)" */
export function ContributorsLine({ contributors }: { contributors: string[] }) {
  if (!contributors.length) return null;
  return <p className="contributors mt-6 italic">({listNames(contributors)} contributed to this report.)</p>;
}
