/**
 * `npm run publish`: sends what changed in the content folder to the site, which validates it,
 * updates its index and expires exactly the pages that show it. Run it in the checkout: it finds
 * the servers started from here (.ledger/servers.json) and uses the checkout's secret. For a
 * remote site: `npm run publish -- --to https://news.example` with LEDGER_PUBLISH_SECRET set.
 * Exits 1, naming file, line and field, when a changed file has an error (nothing is published).
 */
import { parseArgs } from "node:util";
import { diffContent } from "../lib/content/changes";
import { formatIssue, type ContentIssue } from "../lib/content/issues";
import { contentDirOf } from "../lib/content/load";
import { publishSecret } from "../lib/publish/secret";
import { readServers } from "../lib/publish/servers";

interface PublishReply {
  ok?: boolean;
  error?: string;
  issues?: ContentIssue[];
  changed?: string[];
  tags?: string[];
}

async function main() {
  const { values } = parseArgs({ options: { to: { type: "string" } } });
  const root = process.cwd();
  const target = values.to ?? readServers(root)[0];
  if (!target) {
    console.error("No running site found for this checkout. Start one (npm start), or name it: npm run publish -- --to <url>");
    process.exitCode = 1;
    return;
  }
  const secret = publishSecret(root);
  if (!secret) {
    console.error("No publish secret: set LEDGER_PUBLISH_SECRET (the same as the server's).");
    process.exitCode = 1;
    return;
  }
  const endpoint = new URL("/api/publish", target).href;
  const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" };
  const started = performance.now();

  const manifestReply = await fetch(endpoint, { headers });
  if (!manifestReply.ok) throw new Error(`${endpoint} answered ${manifestReply.status}: ${await manifestReply.text()}`);
  const { manifest } = (await manifestReply.json()) as { manifest: Record<string, string> };
  const changes = diffContent(contentDirOf(root), new Map(Object.entries(manifest)));
  if (!changes.length) {
    console.log(`Nothing to publish: ${target} already has every change.`);
    return;
  }

  const reply = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ changes }) });
  const result = (await reply.json()) as PublishReply;
  for (const issue of result.issues ?? []) console.log(formatIssue(issue) + "\n");
  if (!reply.ok) {
    console.error(result.error ?? `Not published: fix the error(s) above and run npm run publish again.`);
    process.exitCode = 1;
    return;
  }
  const ms = Math.round(performance.now() - started);
  console.log(`Published to ${target} in ${ms} ms:`);
  for (const p of result.changed ?? [])
    console.log(`  ${changes.find((c) => c.path === p)?.source === null ? "removed " : "updated "} content/${p}`);
  console.log(`Expired: ${(result.tags ?? []).join(", ")}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
