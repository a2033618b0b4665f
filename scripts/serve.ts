/**
 * `npm start` (after the build) and `npm run dev`: runs the Next server and publishes every
 * change saved under the content folder to it, so an editor on one machine sees a story seconds
 * after saving it, through the same path as `npm run publish` (validation, index, cache tags).
 * Records the server in .ledger/servers.json for `npm run publish`.
 *   tsx scripts/serve.ts start|dev   (PORT, default 3000)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { formatIssue } from "../lib/content/issues";
import { contentDirOf } from "../lib/content/load";
import { publishFolder } from "../lib/publish/client";
import { ensurePublishSecret, publishSecret } from "../lib/publish/secret";
import { forgetServers, writeServers } from "../lib/publish/servers";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT || "3000";
const root = process.cwd();
const url = `http://localhost:${port}`;
const contentDir = contentDirOf(root);

ensurePublishSecret(root);
const server = spawn("node_modules/.bin/next", [mode, "-p", port], { stdio: "inherit" });
writeServers([url], root);
const stop = () => {
  forgetServers(root);
  server.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => {
  forgetServers(root);
  process.exit(code ?? 0);
});

let timer: NodeJS.Timeout | undefined;
let running = false;
let again = false;

async function publish() {
  if (running) return void (again = true);
  running = true;
  try {
    const result = await publishFolder({ target: url, secret: publishSecret(root)!, contentDir });
    for (const issue of result.issues) console.log(formatIssue(issue) + "\n");
    if (!result.ok) console.log(`[publish] ${result.error}`);
    else if (result.sent.length)
      console.log(
        `[publish] ${result.sent.map((s) => `${s.removed ? "removed" : "updated"} content/${s.path}`).join(", ")} (${result.ms} ms)`,
      );
  } catch {
    again = true; // the server is not up yet: try again shortly
  } finally {
    running = false;
    if (again) {
      again = false;
      timer = setTimeout(publish, 1_000);
    }
  }
}

// Saving a file fires several events: publish once things settle. Publish once at start too, for
// changes saved while the server was down.
fs.watch(contentDir, { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(publish, 300);
});
timer = setTimeout(publish, 2_000);
