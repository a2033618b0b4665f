/**
 * `npm run prod:down`: stops exactly the processes `npm run prod:up` recorded (LEDGER_RUN_DIR or
 * .e2e-tmp/prod-run), and removes .ledger/servers.json, so `npm run publish` no longer aims at them.
 */
import path from "node:path";
import { forgetServers } from "../lib/publish/servers";
import { ROOT, stopTopology } from "../ops/topology";

const runDir = path.resolve(process.env.LEDGER_RUN_DIR ?? path.join(ROOT, ".e2e-tmp", "prod-run"));
void stopTopology(runDir).then((n) => {
  forgetServers(ROOT);
  console.log(n ? `Stopped ${n} processes from ${runDir}.` : `Nothing recorded as running in ${runDir}.`);
});
