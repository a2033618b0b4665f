import type { ComponentPropsWithoutRef } from "react";

/** Wide tables scroll inside their own box instead of widening the page on a phone. */
export function TableScroll(props: ComponentPropsWithoutRef<"table">) {
  return (
    <div className="table-scroll my-6 overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  );
}
