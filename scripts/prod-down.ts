/**
 * `npm run prod:down`: stops exactly the processes `npm run prod:up` recorded (LEDGER_RUN_DIR or
 * .e2e-tmp/prod-run), and removes .ledger/servers.json when it names this topology's nginx (not
 * when `npm start` has since recorded its own server there), so `npm run publish` no longer aims at it.
 */
import path from "node:path";
import { forgetServers, readServers } from "../lib/publish/servers";
import { DEFAULT_PORTS, ROOT, stopTopology } from "../ops/topology";

const runDir = path.resolve(process.env.LEDGER_RUN_DIR ?? path.join(ROOT, ".e2e-tmp", "prod-run"));
const nginxUrl = `http://127.0.0.1:${Number(process.env.LEDGER_NGINX_PORT ?? DEFAULT_PORTS.nginxPort)}`;
void stopTopology(runDir).then((n) => {
  if (readServers(ROOT)[0] === nginxUrl) forgetServers(ROOT);
  console.log(n ? `Stopped ${n} processes from ${runDir}.` : `Nothing recorded as running in ${runDir}.`);
});
