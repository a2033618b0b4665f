/**
 * The servers started from this checkout (`npm start`, `npm run dev`, `npm run prod:up`), listed
 * in .ledger/servers.json, so `npm run publish` with no arguments knows where to publish.
 */
import fs from "node:fs";
import path from "node:path";

const file = (root: string) => path.join(root, ".ledger", "servers.json");

export function readServers(root = process.cwd()): string[] {
  try {
    return (JSON.parse(fs.readFileSync(file(root), "utf8")) as { servers: string[] }).servers;
  } catch {
    return [];
  }
}

/** Records the URL a server of this checkout answers on (the first is the one publishes go to). */
export function writeServers(servers: string[], root = process.cwd()): void {
  fs.mkdirSync(path.dirname(file(root)), { recursive: true });
  fs.writeFileSync(file(root), JSON.stringify({ servers }, null, 2) + "\n");
}

export function forgetServers(root = process.cwd()): void {
  fs.rmSync(file(root), { force: true });
}
