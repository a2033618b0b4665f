/**
 * A PostgreSQL cluster of our own, for the shared search engine (lib/search/postgres.ts): the
 * production topology runs one in its run directory (ops/topology.ts), and the engine's unit test
 * runs a throwaway one. Debian's `postgresql` package (PostgreSQL 15 on bookworm) provides the
 * binaries under /usr/lib/postgresql/<version>/bin, and the `unaccent` extension with them; the
 * RUM index extension the engine needs comes from postgresql-<version>-rum (missingRumPackage).
 *
 * The cluster listens on 127.0.0.1 only, with no Unix socket, and trusts loopback connections (as
 * the topology's Redis does): it holds a search index made from public content files. As root,
 * initdb and postgres run as the `postgres` user (postgres refuses to run as root).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The superuser and database of our clusters. */
export const PG_USER = "ledger";
export const PG_DATABASE = "postgres";

/** The bin directory of the newest PostgreSQL installed from Debian, or undefined. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "postgres")) && fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : undefined;
}

/**
 * The Debian package of the RUM index extension for the installed PostgreSQL, when it is missing
 * (lib/search/postgres.ts indexes with it); undefined when it is installed or PostgreSQL is not.
 */
export function missingRumPackage(): string | undefined {
  const binDir = postgresBinDir();
  if (!binDir) return undefined;
  const version = path.basename(path.dirname(binDir));
  return fs.existsSync(`/usr/share/postgresql/${version}/extension/rum.control`) ? undefined : `postgresql-${version}-rum`;
}

/** uid/gid to run postgres as: the postgres user when we are root, else ourselves (undefined). */
export function postgresIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export const postgresUrl = (port: number, schema?: string) =>
  `postgres://${PG_USER}@127.0.0.1:${port}/${PG_DATABASE}${schema ? `?schema=${schema}` : ""}`;

/**
 * Creates a cluster in `dataDir` unless one is there. UTF-8 with a UTF-8 character type, so the
 * text search parser knows every script's letters.
 */
export function initPostgresCluster(dataDir: string, { log = console.log }: { log?: (...a: unknown[]) => void } = {}): void {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error("PostgreSQL is not installed. Install it first: sudo apt-get install -y postgresql");
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) return;
  // Parents readable as usual (the postgres user must reach the data dir), the data dir 0700.
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const ids = postgresIds();
  if (ids) fs.chownSync(dataDir, ids.uid, ids.gid);
  log(`initdb ${dataDir}`);
  execFileSync(
    path.join(binDir, "initdb"),
    ["-D", dataDir, "-U", PG_USER, "--auth=trust", "-E", "UTF8", "--lc-ctype=C.UTF-8", "--lc-collate=C", "--no-sync"],
    { stdio: "pipe", cwd: "/", ...ids },
  );
}

/** The command that runs the cluster in the foreground, on 127.0.0.1:<port> only. */
export function postgresCommand(dataDir: string, port: number): { cmd: string; args: string[]; uid?: number; gid?: number } {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error("PostgreSQL is not installed. Install it first: sudo apt-get install -y postgresql");
  return {
    cmd: path.join(binDir, "postgres"),
    args: [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=60",
      "-c",
      "shared_buffers=64MB",
      // A search index can be rebuilt from the content index: no need to wait for the disk.
      "-c",
      "synchronous_commit=off",
    ],
    ...postgresIds(),
  };
}

/** Does the cluster at `port` answer a query? */
export async function postgresReady(port: number): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: postgresUrl(port), connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
