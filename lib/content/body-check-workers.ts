/**
 * The body check's parse, spread over worker threads: each worker takes a share of the bodies and
 * sends back their facts.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  // The check runs under tsx; a worker starts without its loader, so it loads the TypeScript through tsx's API.
  require("tsx/cjs/api").register();
  const { bodyFacts } = require(workerData.module);
  const out = [];
  for (const job of workerData.jobs) out.push(await bodyFacts(job.file, job.source, workerData.withText));
  parentPort.postMessage(out);
})().catch((e) => { throw e; });
`;

/** bodyFacts (lib/content/body-check.ts) of each job, in `workers` threads; `Facts` is its result type. */
export async function runInWorkers<Facts>(jobs: { file: string; source: string }[], workers: number, withText: boolean): Promise<Facts[]> {
  const share = Math.ceil(jobs.length / workers);
  const parts = Array.from({ length: workers }, (_, i) => jobs.slice(i * share, (i + 1) * share)).filter((p) => p.length);
  const modulePath = path.join(__dirname, "body-check.ts");
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<Facts[]>((resolve, reject) => {
          const worker = new Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { module: modulePath, jobs: part, withText },
            // The MDX parser makes many short-lived objects: with V8's default young generation
            // 14 % of a worker's time went to garbage collection. A first index of 10,018 stories:
            // 46.0 to 49.2 s by default, 35.0 to 44.4 s (mean 39.8) with 128 MB.
            resourceLimits: { maxYoungGenerationSizeMb: 128 },
          });
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.once("exit", (code) => code !== 0 && reject(new Error(`body check worker exited with ${code}`)));
        }),
    ),
  );
  return results.flat();
}
