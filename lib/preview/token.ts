/**
 * Signed preview tokens: "<scope>.<expiry ms>.<hmac>", the HMAC-SHA256 of scope and expiry keyed
 * by PREVIEW_SECRET. Scope "*" is an editor holding the secret; a slug is a shared review link
 * that opens that story only. Tampering with any part, or waiting past the expiry, voids it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { SLUG_PATTERN } from "@/lib/content/schema";

export const PREVIEW_COOKIE = "ledger_preview";
/** An editor's preview, opened with the secret, lasts a working day. */
export const EDITOR_PREVIEW_MS = 12 * 60 * 60 * 1000;

export function previewSecret(): string | undefined {
  const secret = process.env.PREVIEW_SECRET;
  return secret && secret.length >= 16 ? secret : undefined;
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** Constant-time string comparison (for the secret and for signatures). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  // Compare against itself on length mismatch so the timing does not depend on where they differ.
  return x.length === y.length ? timingSafeEqual(x, y) : (timingSafeEqual(x, x), false);
}

export function createToken(scope: string, expiresAt: Date, secret: string): string {
  const payload = `${scope}.${expiresAt.getTime()}`;
  return `${payload}.${sign(payload, secret)}`;
}

export interface VerifiedToken {
  scope: string;
  expiresAt: Date;
}

export function verifyToken(token: string | undefined, now: Date, secret = previewSecret()): VerifiedToken | null {
  if (!token || !secret || token.length > 512) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [scope, exp, signature] = parts;
  if (scope !== "*" && !SLUG_PATTERN.test(scope)) return null;
  if (!/^\d{1,15}$/.test(exp)) return null;
  if (!safeEqual(signature, sign(`${scope}.${exp}`, secret))) return null;
  const expiresAt = new Date(Number(exp));
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { scope, expiresAt };
}

/** "48h", "90m", "7d" -> milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,4})([mhd])$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "m" | "h" | "d"];
}
