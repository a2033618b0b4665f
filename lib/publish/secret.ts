/**
 * The publish secret: what a CMS, CI or `npm run publish` sends in the Authorization header of
 * POST /api/publish. LEDGER_PUBLISH_SECRET (at least 16 characters) on servers that others
 * publish to; on one machine, a random secret in .ledger/publish-secret that `npm run build`
 * creates (readable by the checkout's owner only), shared by the server and the command.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const secretFile = (root: string) => path.join(root, ".ledger", "publish-secret");

export function publishSecret(root = process.cwd()): string | undefined {
  const fromEnv = process.env.LEDGER_PUBLISH_SECRET;
  if (fromEnv) return fromEnv.length >= 16 ? fromEnv : undefined;
  try {
    const fromFile = fs.readFileSync(secretFile(root), "utf8").trim();
    return fromFile.length >= 16 ? fromFile : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the checkout's own secret once. */
export function ensurePublishSecret(root = process.cwd()): void {
  const file = secretFile(root);
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, randomBytes(24).toString("base64url") + "\n", { mode: 0o600 });
}
