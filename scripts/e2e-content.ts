/**
 * Prepares the content the end-to-end tests run on: a fresh copy of content/ at .e2e-tmp/content
 * (e2e/server-env.ts) in which every scheduled sample story is re-dated to SCHEDULE_AHEAD_MS after
 * now, so that it is still scheduled whatever the calendar says (the sample's own date passes one
 * day). Only the `publishedAt` line of those stories changes (and `updatedAt`, by the same shift,
 * if a story has one); every other byte of the sample is copied as is. It also removes the e2e
 * index, so the build indexes the copy from scratch.
 *
 * `npm run test:build` runs it with `--build`: then it runs `npm run build` with the e2e site's
 * environment (SITE_URL on E2E_PORT, the copy, the e2e index, LEDGER_PRERENDER_STORIES).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { E2E_CONTENT_DIR, E2E_INDEX, e2eEnv } from "../e2e/server-env";
import { SCHEDULED_STORIES } from "../e2e/hidden-stories";

const ROOT = path.resolve(__dirname, "..");
export const SCHEDULE_AHEAD_MS = 30 * 24 * 3_600_000;

const DATE_LINE = (field: string) => new RegExp(`^(${field}:[ \\t]*)(["']?)([^"'\\s#]+)\\2([ \\t]*(?:#.*)?)$`, "m");

/** 2027-03-01T08:00:00+00:00: the sample's own style (seconds, UTC offset). */
const isoWithOffset = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "+00:00");
const toMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

/**
 * The story's text with `publishedAt` set to `at` (to the minute) and `updatedAt`, if any, moved by
 * the same amount. Throws when the frontmatter has no `publishedAt` line to change.
 */
export function redate(source: string, at: Date): string {
  const end = source.indexOf("\n---", 3);
  if (!source.startsWith("---") || end < 0) throw new Error("no frontmatter");
  let front = source.slice(0, end);
  const published = DATE_LINE("publishedAt").exec(front);
  if (!published) throw new Error("no publishedAt line");
  const target = toMinute(at);
  const shift = target.getTime() - new Date(published[3]).getTime();
  front = front.replace(DATE_LINE("publishedAt"), (_, key, q, _v, rest) => `${key}${q}${isoWithOffset(target)}${q}${rest}`);
  front = front.replace(
    DATE_LINE("updatedAt"),
    (_, key, q, v, rest) => `${key}${q}${isoWithOffset(new Date(new Date(v).getTime() + shift))}${q}${rest}`,
  );
  return front + source.slice(end);
}

export function prepareE2eContent(now = new Date()): { redated: string[] } {
  fs.rmSync(E2E_CONTENT_DIR, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, "content"), E2E_CONTENT_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(E2E_INDEX + suffix, { force: true });

  const at = toMinute(new Date(now.getTime() + SCHEDULE_AHEAD_MS));
  const redated: string[] = [];
  for (const slug of SCHEDULED_STORIES) {
    const file = path.join(E2E_CONTENT_DIR, "articles", `${slug}.mdx`);
    if (!fs.existsSync(file)) throw new Error(`The scheduled sample story ${slug} (e2e/hidden-stories.ts) is not in content/articles/.`);
    const source = fs.readFileSync(file, "utf8");
    if (/^status:[ \t]*["']?draft/m.test(source.slice(0, source.indexOf("\n---", 3))))
      throw new Error(`${slug} is a draft, not a scheduled story: fix e2e/hidden-stories.ts.`);
    try {
      fs.writeFileSync(file, redate(source, at));
    } catch (e) {
      throw new Error(`content/articles/${slug}.mdx: cannot re-date it: ${(e as Error).message}`);
    }
    redated.push(`${slug} -> ${isoWithOffset(at)}`);
  }
  return { redated };
}

function main() {
  const { values } = parseArgs({ options: { build: { type: "boolean", default: false } } });
  const { redated } = prepareE2eContent();
  console.log(`e2e content: ${path.relative(ROOT, E2E_CONTENT_DIR)} (scheduled stories re-dated: ${redated.join(", ")})`);
  if (!values.build) return;
  const env = e2eEnv();
  console.log(
    `e2e build: SITE_URL=${env.SITE_URL} LEDGER_INDEX=${path.relative(ROOT, E2E_INDEX)} LEDGER_PRERENDER_STORIES=${env.LEDGER_PRERENDER_STORIES}`,
  );
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  process.exitCode = build.status ?? 1;
}

if (require.main === module) main();
