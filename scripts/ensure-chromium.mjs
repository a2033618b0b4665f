#!/usr/bin/env node
// Before the end-to-end tests: make sure a Chromium binary is there, install Debian's when we
// can (root with apt-get), and otherwise say exactly how to get one. Never downloads a browser
// build of Playwright's own (that fails on closed networks).
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (fs.existsSync(path)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
  console.log("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium) ...");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } catch {
    // fall through to the message below
  }
  if (fs.existsSync(path)) process.exit(0);
}

console.error(`
The end-to-end tests need Chromium, and there is none at ${path}.
  On Debian or Ubuntu:   sudo apt-get install -y chromium     (installs /usr/bin/chromium)
  Elsewhere: point CHROMIUM_PATH at a Chromium or Chrome binary, e.g.
    CHROMIUM_PATH="$HOME/.cache/ms-playwright/chromium-*/chrome-linux/chrome" npm test
`);
process.exit(1);
