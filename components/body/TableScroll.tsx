import type { ComponentPropsWithoutRef } from "react";

/**
 * Wide tables scroll inside their own box instead of widening the page on a phone. The box is a
 * named region that takes focus, so keyboard users can scroll it too.
 */
export function TableScroll(props: ComponentPropsWithoutRef<"table">) {
  return (
    <section className="table-scroll my-6 overflow-x-auto" tabIndex={0} aria-label="Table">
      <table {...props} />
    </section>
  );
}
