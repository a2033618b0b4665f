/**
 * Debian's Chromium, as every browser test and benchmark starts it (Playwright, Lighthouse).
 * Plain data, no Playwright: bench/ imports it too.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Root needs --no-sandbox; the rest keeps Chromium from calling home on a closed network. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
