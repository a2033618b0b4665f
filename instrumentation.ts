/**
 * Runs once when a server starts. It loads the content snapshot in the background, so that neither
 * the first reader nor an editor's first publish waits for it (about 2.5 s at 100,000 stories);
 * a request that comes first waits for the same load. Not during `next build` (its workers load
 * what they prerender) nor in development (each module keeps its own snapshot there).
 */
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production" || process.env.NEXT_PHASE === "phase-production-build")
    return;
  void import("./lib/content")
    .then(({ warmContent }) => warmContent())
    .catch((error: Error) => console.warn(`[content] not loaded at start (${error.message}); the first request loads it`));
}
