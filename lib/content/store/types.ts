/**
 * The content index: every content file's validated data (frontmatter, site files), its body
 * source and a hash, keyed by its path under content/ ("articles/x.mdx", "site.yaml").
 * Servers read content only from here; publishing writes here. Every write bumps a sequence
 * number, so a server catches up by reading only the entries changed since the last one it saw.
 *
 * Two engines behind one interface: SQLite (embedded default, one machine) and Redis (shared by
 * several servers, the production topology). lib/content/store/store.test.ts runs both.
 */
export interface IndexEntry {
  /** Path under the content folder, with forward slashes. */
  path: string;
  /** sha256 of the file's text: what `npm run publish` compares to find what changed. */
  hash: string;
  /** The validated data (a Story, an Author, a site file's contents), JSON-serialisable. */
  data: unknown;
  /** The file's text, for files with a body (stories, authors). */
  body?: string;
}

export interface IndexChanges {
  /** The sequence number these changes bring the reader up to. */
  seq: number;
  /** Entries added or changed (without bodies: those are read when a page needs them). */
  entries: Omit<IndexEntry, "body">[];
  /** Paths removed. */
  deleted: string[];
}

export interface ContentStore {
  readonly engine: "sqlite" | "redis";
  /** The latest sequence number (0 for an empty index). Cheap: called on every request. */
  seq(): Promise<number>;
  /** Everything that changed after `seq` (everything, for 0). */
  changesSince(seq: number): Promise<IndexChanges>;
  /** path -> hash of every file in the index. */
  manifest(): Promise<Map<string, string>>;
  /** One atomic write: readers see all of it or none of it. Returns the new sequence number. */
  apply(upserts: IndexEntry[], deletes: string[]): Promise<number>;
  /** The text of one file, if it is in the index. */
  body(path: string): Promise<string | undefined>;
  close(): Promise<void>;
}
