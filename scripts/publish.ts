/**
 * `npm run publish`: sends what changed in the content folder to the site, which validates it,
 * updates its index and expires exactly the pages that show it. Run it in the checkout: it finds
 * the servers started from here (.ledger/servers.json) and uses the checkout's secret. For a
 * remote site: `npm run publish -- --to https://news.example` with LEDGER_PUBLISH_SECRET set.
 * Exits 1, naming file, line and field, when a changed file has an error (nothing is published).
 */
import { parseArgs } from "node:util";
import { formatIssue } from "../lib/content/issues";
import { contentDirOf } from "../lib/content/load";
import { publishFolder } from "../lib/publish/client";
import { publishSecret } from "../lib/publish/secret";
import { readServers } from "../lib/publish/servers";

async function main() {
  const { values } = parseArgs({ options: { to: { type: "string" } } });
  const root = process.cwd();
  const target = values.to ?? readServers(root)[0];
  if (!target) throw new Error("No running site found for this checkout. Start one (npm start), or name it: npm run publish -- --to <url>");
  const secret = publishSecret(root);
  if (!secret) throw new Error("No publish secret: set LEDGER_PUBLISH_SECRET (the same as the server's).");

  const result = await publishFolder({ target, secret, contentDir: contentDirOf(root) });
  for (const issue of result.issues) console.log(formatIssue(issue) + "\n");
  if (!result.ok) throw new Error(result.error);
  if (!result.sent.length) {
    console.log(`Nothing to publish: ${target} already has every change.`);
    return;
  }
  console.log(`Published to ${target} in ${result.ms} ms:`);
  for (const { path, removed } of result.sent) console.log(`  ${removed ? "removed" : "updated"}  content/${path}`);
  console.log(`Expired: ${result.tags.join(", ")}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
