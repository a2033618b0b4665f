/**
 * The embedded search engine: SQLite FTS5 through better-sqlite3, in its own file beside the
 * content index (no server to run). The porter stemmer over unicode61 with remove_diacritics 2:
 * "ferries" finds "ferry", "Tomas" finds "Tomáš", and every script is tokenized without error.
 *
 * Three tables, sharing one id: search_docs (what filters, sorting and visibility need),
 * search_text (FTS5: all the text) and search_head (FTS5: headline, standfirst, authors and tags
 * only, a small index). The id is the publication time (ms) times 1,000 plus a tie-breaker, so
 * FTS5's rowid order is date order: "the newest N matches" is a walk that stops after N.
 *
 * Ranking, scaled up a little for recent stories so that among equally good matches the newer one
 * comes first:
 * - up to MAX_COUNTED matches: BM25 over the columns (headline and standfirst weigh most);
 * - more (a common word): BM25 would read every match (its IDF alone is a pass over them: 55 ms for
 *   a phrase of common words at 100,000 stories), so, as the PostgreSQL engine does, it ranks a
 *   candidate set: the newest RANKED stories whose headline, standfirst, authors or tags match
 *   (from search_head, by BM25 over those columns) lead, then the newest RANKED matches, newest
 *   first. An old story named in its headline still leads the newer ones that mention it.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isVisible, storyState, type View } from "../content/visibility";
import { toFts5 } from "./query";
import { markedToHtml, MARK_END, MARK_START, stripMarkers } from "./snippet";
import {
  MAX_COUNTED,
  SEARCH_PAGE_SIZE,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchRequest,
  type SearchResults,
} from "./types";

/** search_text's columns, and search_head's (the small index of what names a story). */
const TEXT_COLUMNS = ["title", "dek", "body", "authors", "tags"];
const HEAD_COLUMNS = ["title", "dek", "authors", "tags"];
type FtsTable = "search_text" | "search_head";
/** BM25 weights of TEXT_COLUMNS (search_head's columns weigh the same). */
const WEIGHTS = [8, 4, 1, 4, 4];
/** Candidates ranked when a query has more than MAX_COUNTED matches: the newest this many of each kind. */
const RANKED = 1000;
/** The schema's version (PRAGMA user_version): an older file is rebuilt, and the next sync fills it. */
const SCHEMA_VERSION = 2;
/** Ids per millisecond of publication time: id = ms * IDS_PER_MS + tie-breaker. */
const IDS_PER_MS = 1000;
/** A story published now scores up to this much higher; the boost halves after RECENCY_DAYS. */
const RECENCY_BOOST = 0.25;
const RECENCY_DAYS = 30;
/** Tokens of context in a snippet. */
const SNIPPET_TOKENS = 28;
const DAY_MS = 86_400_000;

interface DocRow {
  id: number;
  slug: string;
  status: "published" | "draft";
  published_at: number;
  snippet?: string;
  best?: string;
}

/** The id of a story published at `ms`, given the largest id already taken in that millisecond. */
export function idFor(ms: number, taken: number | null): number {
  const id = taken === null ? ms * IDS_PER_MS : taken + 1;
  if (id >= (ms + 1) * IDS_PER_MS)
    throw new Error(`more than ${IDS_PER_MS} stories published in the same millisecond (${new Date(ms).toISOString()})`);
  return id;
}
const msOfId = (id: number) => Math.floor(id / IDS_PER_MS);

/**
 * A seek to one row of a full-text match. The CAST matters: better-sqlite3 binds a JS number as a
 * REAL, and FTS5 then ignores `rowid = ?` and returns every match (SQLite 3.53).
 */
const ROWID_IS_ID = "rowid = CAST(@id AS INTEGER)";

export function openSqliteSearch(file: string): SearchEngine {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  if ((db.pragma("user_version", { simple: true }) as number) < SCHEMA_VERSION)
    db.exec("DROP TABLE IF EXISTS search_text; DROP TABLE IF EXISTS search_head; DROP TABLE IF EXISTS search_docs;");
  db.exec(`
    CREATE TABLE IF NOT EXISTS search_docs (
      id           INTEGER PRIMARY KEY,
      slug         TEXT NOT NULL UNIQUE,
      version      TEXT NOT NULL,
      section      TEXT NOT NULL,
      status       TEXT NOT NULL,
      published_at INTEGER NOT NULL  -- ms since the epoch
    );
    CREATE INDEX IF NOT EXISTS search_docs_by_date ON search_docs (published_at);
    CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(
      ${TEXT_COLUMNS.join(", ")},
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS search_head USING fts5(
      ${HEAD_COLUMNS.join(", ")},
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);

  const idOf = db.prepare<[string], { id: number }>("SELECT id FROM search_docs WHERE slug = ?");
  const lastIdIn = db.prepare<[number, number], { id: number | null }>("SELECT max(id) AS id FROM search_docs WHERE id BETWEEN ? AND ?");
  const insertDoc = db.prepare("INSERT INTO search_docs (id, slug, version, section, status, published_at) VALUES (?, ?, ?, ?, ?, ?)");
  const updateDoc = db.prepare("UPDATE search_docs SET version = ?, section = ?, status = ?, published_at = ? WHERE id = ?");
  const deleteDoc = db.prepare("DELETE FROM search_docs WHERE id = ?");
  const deleteText = db.prepare("DELETE FROM search_text WHERE rowid = ?");
  const deleteHead = db.prepare("DELETE FROM search_head WHERE rowid = ?");
  const insertText = db.prepare("INSERT INTO search_text (rowid, title, dek, body, authors, tags) VALUES (?, ?, ?, ?, ?, ?)");
  const insertHead = db.prepare("INSERT INTO search_head (rowid, title, dek, authors, tags) VALUES (?, ?, ?, ?, ?)");
  const allVersions = db.prepare<[], { slug: string; version: string }>("SELECT slug, version FROM search_docs");

  const removeById = (id: number) => {
    deleteText.run(id);
    deleteHead.run(id);
    deleteDoc.run(id);
  };
  // FTS5 flushes its pending writes whenever a rowid is not above the last one written in the
  // transaction, so the full-text rows go in id order: old rows out first, then the new ones in.
  const writeDocs = db.transaction((docs: SearchDocument[]) => {
    const gone: number[] = [];
    const rows: { id: number; d: SearchDocument }[] = [];
    for (const d of new Map(docs.map((doc) => [doc.slug, doc])).values()) {
      const ms = d.publishedAt.getTime();
      const existing = idOf.get(d.slug);
      let id: number;
      if (existing && msOfId(existing.id) === ms) {
        id = existing.id;
        updateDoc.run(d.version, d.section, d.status, ms, id);
      } else {
        // New, or its publication time moved: its id (its place in date order) moves with it.
        if (existing) deleteDoc.run(existing.id);
        id = idFor(ms, lastIdIn.get(ms * IDS_PER_MS, (ms + 1) * IDS_PER_MS - 1)!.id);
        insertDoc.run(id, d.slug, d.version, d.section, d.status, ms);
      }
      if (existing) gone.push(existing.id);
      rows.push({ id, d });
    }
    for (const id of gone.sort((a, b) => a - b)) {
      deleteText.run(id);
      deleteHead.run(id);
    }
    for (const { id, d } of rows.sort((a, b) => a.id - b.id)) {
      const [title, dek, body, authors, tags] = [d.title, d.dek, d.body, d.authors.join(", "), d.tags.join(", ")].map(stripMarkers);
      insertText.run(id, title, dek, body, authors, tags);
      insertHead.run(id, title, dek, authors, tags);
    }
  });
  const removeDocs = db.transaction((slugs: string[]) => {
    for (const slug of slugs) {
      const existing = idOf.get(slug);
      if (existing) removeById(existing.id);
    }
  });

  // Statements are prepared once per shape of request (a handful of combinations).
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };

  /**
   * Relevance past MAX_COUNTED matches, without a pass over every match: the stories whose
   * headline, standfirst, authors or tags match (the newest RANKED, from the small search_head)
   * lead, ranked by BM25 over those columns and by recency; then the newest RANKED matches, newest
   * first. In the order the page shows them.
   */
  function rankCandidates(fromTable: (table: FtsTable) => string, params: Record<string, string | number>, exclude?: string): DocRow[] {
    const newest = prepared(
      `SELECT d.id, d.slug, d.status, d.published_at FROM ${fromTable("search_text")} ORDER BY search_text.rowid DESC LIMIT ${RANKED}`,
    ).all(params) as DocRow[];
    let named = prepared(
      `SELECT d.id, d.slug, d.status, d.published_at, bm25(search_head, ${HEAD_COLUMNS.map((c) => WEIGHTS[TEXT_COLUMNS.indexOf(c)].toFixed(1)).join(", ")}) AS bm25 ` +
        `FROM ${fromTable("search_head")} ORDER BY search_head.rowid DESC LIMIT ${RANKED}`,
    ).all(params) as (DocRow & { bm25: number })[];
    // search_head's NOT sees only the head: a head match that is not among the newest matches may
    // have an excluded word in its body. One range read of the excluded words' rows rules those out.
    const inNewest = new Set(newest.map((r) => r.id));
    const unconfirmed = named.filter((r) => !inNewest.has(r.id));
    if (exclude && unconfirmed.length) {
      const out = new Set(
        (
          prepared("SELECT rowid AS id FROM search_text WHERE search_text MATCH @exclude AND rowid >= @low AND rowid <= @high").all({
            exclude,
            low: unconfirmed[unconfirmed.length - 1].id,
            high: unconfirmed[0].id,
          }) as { id: number }[]
        ).map((r) => r.id),
      );
      named = named.filter((r) => !out.has(r.id));
    }
    const now = params.now as number;
    const recency = (r: DocRow) => 1 + RECENCY_BOOST / (1 + Math.max(0, now - r.published_at) / (RECENCY_DAYS * DAY_MS));
    const leading = named
      .map((r) => ({ r, score: r.bm25 * recency(r) })) // BM25 is negative: lower is better
      .sort((x, y) => x.score - y.score || y.r.published_at - x.r.published_at || (x.r.slug < y.r.slug ? -1 : 1))
      .map(({ r }) => r);
    const led = new Set(leading.map((r) => r.id));
    return [...leading, ...newest.filter((r) => !led.has(r.id))].slice(0, MAX_COUNTED);
  }

  async function search(request: SearchRequest, view: View): Promise<SearchResults> {
    const perPage = request.perPage ?? SEARCH_PAGE_SIZE;
    const page = Number.isInteger(request.page) && request.page >= 1 ? request.page : 1;
    const { match, exclude } = toFts5(request.query);
    const params: Record<string, string | number> = { now: view.now.getTime() };

    // The one visibility rule, as SQL: public (published, and not in the future), or in the
    // preview's scope. Every row is checked again with isVisible below.
    const filters: string[] = [];
    const scope = view.preview?.scope;
    if (scope !== "*") {
      const isPublicSql = "(d.status = 'published' AND d.published_at <= @now)";
      if (scope) {
        filters.push(`(${isPublicSql} OR d.slug = @scope)`);
        params.scope = scope;
      } else filters.push(isPublicSql);
    }
    if (request.section) {
      filters.push("d.section = @section");
      params.section = request.section;
    }
    if (request.since) {
      filters.push("d.published_at >= @since");
      params.since = request.since.getTime();
      params.sinceId = request.since.getTime() * IDS_PER_MS;
    }
    if (match) params.match = match;
    else if (exclude) {
      // Only excluded words: every story but those.
      filters.push("d.id NOT IN (SELECT rowid FROM search_text WHERE search_text MATCH @exclude)");
      params.exclude = exclude;
    }
    // A full-text table and its filters (the date range as a rowid range: FTS5 starts there).
    const fromTable = (table: FtsTable) => {
      const where = [`${table} MATCH @match`, ...(request.since ? [`${table}.rowid >= @sinceId`] : []), ...filters];
      return `${table} JOIN search_docs d ON d.id = ${table}.rowid WHERE ${where.join(" AND ")}`;
    };
    const from = match ? fromTable("search_text") : `search_docs d ${filters.length ? `WHERE ${filters.join(" AND ")}` : ""}`;

    // The count stops past MAX_COUNTED, as every engine's does (lib/search/types.ts).
    const counted = (prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${MAX_COUNTED + 1})`).get(params) as { n: number }).n;
    const more = counted > MAX_COUNTED;
    const total = Math.min(counted, MAX_COUNTED);
    const pageCount = Math.max(1, Math.ceil(total / perPage));
    if (page > pageCount) return { hits: [], total, more, page, pageCount };

    const offset = (page - 1) * perPage;
    let rows: DocRow[];
    if (match && request.sort === "relevance" && more) {
      rows = rankCandidates(fromTable, params, exclude).slice(offset, offset + perPage);
    } else {
      const score = `bm25(search_text, ${WEIGHTS.map((w) => w.toFixed(1)).join(", ")}) * (1.0 + ${RECENCY_BOOST} / (1.0 + max(0, @now - d.published_at) / ${RECENCY_DAYS * DAY_MS}.0))`;
      // Newest first is the id order, which FTS5 walks and stops (ids are publication times).
      const order = !match
        ? "d.id DESC"
        : request.sort === "relevance"
          ? `${score}, d.published_at DESC, d.slug`
          : "search_text.rowid DESC";
      rows = prepared(`SELECT d.id, d.slug, d.status, d.published_at FROM ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({
        ...params,
        limit: perPage,
        offset,
      }) as DocRow[];
    }
    // Snippets for this page's rows only, one row at a time (FTS5 seeks to the rowid): SQLite
    // computes a query's result columns before sorting, so snippet() in the query above would run
    // for every match (at 10,000 stories, most of a common word's query time).
    if (match) {
      const snippetOf = prepared(
        `SELECT snippet(search_text, 2, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) AS snippet, ` +
          `snippet(search_text, -1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) AS best ` +
          `FROM search_text WHERE search_text MATCH @match AND ${ROWID_IS_ID}`,
      );
      for (const row of rows) Object.assign(row, snippetOf.get({ match, id: row.id }) as Pick<DocRow, "snippet" | "best">);
    }

    const hits: SearchHit[] = [];
    for (const row of rows) {
      const story = { slug: row.slug, status: row.status, publishedAt: new Date(row.published_at) };
      if (!isVisible(story, view)) continue; // never, if the SQL above says the same as the rule
      // The body's best passage when it has the terms; else the best column's (a headline, a byline).
      const marked = row.snippet?.includes(MARK_START) ? row.snippet : row.best?.includes(MARK_START) ? row.best : (row.snippet ?? "");
      hits.push({ slug: row.slug, snippet: markedToHtml(marked), state: storyState(story, view.now) });
    }
    return { hits, total, more, page, pageCount };
  }

  return {
    engine: "sqlite",
    async index(docs) {
      writeDocs(docs);
    },
    async remove(slugs) {
      removeDocs(slugs);
    },
    async versions() {
      return new Map(allVersions.all().map((r) => [r.slug, r.version]));
    },
    search,
    async close() {
      db.close();
    },
  };
}
