/**
 * `npm run prod:up`: builds this checkout for production (output: standalone, Redis cache handler)
 * and starts the topology on loopback: nginx :8080 -> Next :3601 and :3602 -> Redis :6390 and
 * PostgreSQL :5440, the servers reading the content index in that Redis and searching in that
 * PostgreSQL (both filled from content/ first). It records the
 * nginx URL (then the servers') in .ledger/servers.json, so `npm run publish` with no arguments
 * publishes through nginx. Pids go to the run directory (default .e2e-tmp/prod-run, or
 * LEDGER_RUN_DIR); `npm run prod:down` stops exactly those and forgets the URLs. Installs nginx and
 * redis-server and postgresql from Debian when run as root and they are missing.
 *
 *   --no-build               serve the existing .next/standalone build
 *   LEDGER_NGINX_PORT, LEDGER_NEXT_PORTS (e.g. "3601,3602"), LEDGER_REDIS_PORT, LEDGER_POSTGRES_PORT   other ports
 *   SITE_URL                 public origin (default the nginx URL); PREVIEW_SECRET turns previews on
 */
import path from "node:path";
import { forgetServers, writeServers } from "../lib/publish/servers";
import {
  assembleStandalone,
  build,
  DEFAULT_PORTS,
  ensureSystemPackages,
  ROOT,
  runningIn,
  startTopology,
  stopTopology,
} from "../ops/topology";

const runDir = path.resolve(process.env.LEDGER_RUN_DIR ?? path.join(ROOT, ".e2e-tmp", "prod-run"));
const nginxPort = Number(process.env.LEDGER_NGINX_PORT ?? DEFAULT_PORTS.nginxPort);
const nextPorts = process.env.LEDGER_NEXT_PORTS ? process.env.LEDGER_NEXT_PORTS.split(",").map(Number) : DEFAULT_PORTS.nextPorts;
const redisPort = Number(process.env.LEDGER_REDIS_PORT ?? DEFAULT_PORTS.redisPort);
const postgresPort = Number(process.env.LEDGER_POSTGRES_PORT ?? DEFAULT_PORTS.postgresPort);
const siteUrl = process.env.SITE_URL ?? `http://127.0.0.1:${nginxPort}`;

async function main(): Promise<void> {
  const live = runningIn(runDir);
  if (live.length > 0) {
    console.error(`Already running from ${runDir}: ${live.join(", ")}. Run npm run prod:down first.`);
    process.exit(1);
  }
  try {
    ensureSystemPackages();
    if (!process.argv.includes("--no-build")) build(ROOT, { siteUrl });
    const serverDir = assembleStandalone(ROOT);
    const env: Record<string, string> = { SITE_URL: siteUrl };
    if (process.env.PREVIEW_SECRET) env.PREVIEW_SECRET = process.env.PREVIEW_SECRET;
    const url = await startTopology({
      runDir,
      serverDir,
      appDir: ROOT,
      nginxPort,
      nextPorts,
      redisPort,
      postgresPort,
      env,
      publicHost: new URL(siteUrl).host,
    });
    // Publishes go through nginx (the first entry), like a CMS's would.
    writeServers([url, ...nextPorts.map((p) => `http://127.0.0.1:${p}`)], ROOT);
    console.log(`\nThe Meridian Ledger is up at ${url}/  (logs in ${runDir}; stop with npm run prod:down)`);
    console.log(`Publish edits to content/ with: npm run publish`);
  } catch (error) {
    console.error(`prod:up failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopTopology(runDir, { log: () => {} });
    forgetServers(ROOT);
    process.exit(1);
  }
}

void main();
