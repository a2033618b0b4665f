import Link from "@/components/ui/Link";
import type { ReactNode } from "react";
import type { Author } from "@/lib/content";
import { listPath } from "@/lib/routes";

/** Someone in the newsroom's leadership who does not write under a byline, so has no author page. */
export interface MastheadEditor {
  role: string;
  name: string;
}

/**
 * The masthead on the about page: the editors by role, then everyone who writes under a byline,
 * taken from content/authors so the list never goes stale. Bylined editors ("Political editor")
 * come before the reporters.
 */
export function Masthead({ editors, staff }: { editors: MastheadEditor[]; staff: Author[] }) {
  const isEditor = (a: Author) => /\beditor\b/i.test(a.role);
  const bylined = [...staff.filter(isEditor), ...staff.filter((a) => !isEditor(a))];
  return (
    <dl className="masthead my-6 border-t border-rule font-sans text-base">
      {editors.map((e) => (
        <MastheadRow key={e.role} role={e.role}>
          {e.name}
        </MastheadRow>
      ))}
      {bylined.map((a) => (
        <MastheadRow key={a.id} role={a.role}>
          <Link href={listPath("author", a.id)}>{a.name}</Link>
        </MastheadRow>
      ))}
    </dl>
  );
}

function MastheadRow({ role, children }: { role: string; children: ReactNode }) {
  return (
    <div className="border-b border-rule py-2 sm:grid sm:grid-cols-[16rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted sm:text-base">{role}</dt>
      <dd className="font-semibold">{children}</dd>
    </div>
  );
}
