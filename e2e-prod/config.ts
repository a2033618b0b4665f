/**
 * Settings of `npm run test:prod` (e2e-prod/prod.test.ts). Ports are chosen so that nothing clashes
 * with `npm test` (3100, 3199), `npm run bench` (3107+), `npm run prod:up` (8080, 3601-3602, 6390, 5440) or
 * `npm run bench:serve` (8280+, 3801+, 6392, 5442: not run together with test:prod).
 */
export const PORTS = { nginxPort: 8180, nextPorts: [3701, 3702], redisPort: 6391, postgresPort: 5442 };
export const PREVIEW_SECRET = "e2e-prod-preview-secret-not-for-production";
/**
 * The whole run (build included) must finish within this; a watchdog stops everything after it.
 * PROD_TEST_BUDGET_MS raises it on a machine busy with other work (the build alone can take 8 min).
 */
export const TOTAL_BUDGET_MS = Number(process.env.PROD_TEST_BUDGET_MS) || 10 * 60_000;
/** The scheduled story goes live this long after the servers start (the checks before it take ~30-90 s). */
export const SCHEDULE_LEAD_MS = 120_000;
/** A scheduled story (no publish at its time: Next's 30 s ISR) must reach readers through the cache within this. */
export const VISIBLE_WITHIN_MS = 60_000;
/** A publish (new story, correction, unpublish) must reach both servers and nginx within this (issue 10). */
export const PUBLISH_VISIBLE_WITHIN_MS = 10_000;
export const FUZZ_REQUESTS = 10_000;
export const FUZZ_CONCURRENCY = 48;
export const SATURATION_SECONDS = 30;
export const FAULT_LOAD_SECONDS = 20;
export const LOAD_CONNECTIONS = 64;
