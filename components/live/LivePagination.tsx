import Link from "@/components/ui/Link";

/** Newer and older pages of a live story's updates (page 1 holds the newest). */
export function LivePagination({ page, pageCount, pathOf }: { page: number; pageCount: number; pathOf: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Older and newer updates" className="live-pagination my-8 flex justify-between font-sans text-sm">
      {page > 1 ? (
        <Link href={pathOf(page - 1)} className="underline">
          Newer updates
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pathOf(page + 1)} className="underline">
          Older updates
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
