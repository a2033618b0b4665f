/**
 * The specs that build their own copy of the site (scheduled publishing, bodies as data) take
 * turns: two builds at once on a small machine take so long that a story scheduled "a little
 * after the server is up" would already be public. A directory is the lock (mkdir is atomic);
 * a lock left by a crashed run is taken over after STALE_MS.
 */
import fs from "node:fs";
import path from "node:path";

const LOCK = path.resolve(__dirname, "..", ".e2e-tmp", "build.lock");
const STALE_MS = 10 * 60_000;

export async function withBuildLock<T>(work: () => Promise<T> | T): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
