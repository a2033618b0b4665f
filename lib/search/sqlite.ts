/**
 * The embedded search engine: SQLite FTS5 through better-sqlite3, in its own file beside the
 * content index (no server to run). The porter stemmer over unicode61 with remove_diacritics 2:
 * "ferries" finds "ferry", "Tomas" finds "Tomáš", and every script is tokenized without error.
 *
 * Two tables: search_docs (what filters, sorting and visibility need) and search_text (FTS5: the
 * text, rowid shared with search_docs). Ranking is BM25 over the columns (headline and standfirst
 * weigh most), scaled up a little for recent stories so that among equally good matches the newer
 * one comes first.
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

/** BM25 weights of title, dek, body, authors, tags. */
const WEIGHTS = [8, 4, 1, 4, 4];
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

export function openSqliteSearch(file: string): SearchEngine {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
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
      title, dek, body, authors, tags,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
  `);

  const idOf = db.prepare<[string], { id: number }>("SELECT id FROM search_docs WHERE slug = ?");
  const insertDoc = db.prepare("INSERT INTO search_docs (slug, version, section, status, published_at) VALUES (?, ?, ?, ?, ?)");
  const updateDoc = db.prepare("UPDATE search_docs SET version = ?, section = ?, status = ?, published_at = ? WHERE id = ?");
  const deleteDoc = db.prepare("DELETE FROM search_docs WHERE id = ?");
  const deleteText = db.prepare("DELETE FROM search_text WHERE rowid = ?");
  const insertText = db.prepare("INSERT INTO search_text (rowid, title, dek, body, authors, tags) VALUES (?, ?, ?, ?, ?, ?)");
  const allVersions = db.prepare<[], { slug: string; version: string }>("SELECT slug, version FROM search_docs");

  const writeDocs = db.transaction((docs: SearchDocument[]) => {
    for (const d of docs) {
      const existing = idOf.get(d.slug);
      let id: number;
      if (existing) {
        id = existing.id;
        updateDoc.run(d.version, d.section, d.status, d.publishedAt.getTime(), id);
        deleteText.run(id);
      } else {
        id = Number(insertDoc.run(d.slug, d.version, d.section, d.status, d.publishedAt.getTime()).lastInsertRowid);
      }
      insertText.run(id, ...[d.title, d.dek, d.body, d.authors.join(", "), d.tags.join(", ")].map(stripMarkers));
    }
  });
  const removeDocs = db.transaction((slugs: string[]) => {
    for (const slug of slugs) {
      const existing = idOf.get(slug);
      if (!existing) continue;
      deleteText.run(existing.id);
      deleteDoc.run(existing.id);
    }
  });

  // Statements are prepared once per shape of request (a handful of combinations).
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };

  async function search(request: SearchRequest, view: View): Promise<SearchResults> {
    const perPage = request.perPage ?? SEARCH_PAGE_SIZE;
    const page = Number.isInteger(request.page) && request.page >= 1 ? request.page : 1;
    const { match, exclude } = toFts5(request.query);
    const params: Record<string, string | number> = { now: view.now.getTime() };

    // The one visibility rule, as SQL: public (published, and not in the future), or in the
    // preview's scope. Every row is checked again with isVisible below.
    const where: string[] = [];
    const scope = view.preview?.scope;
    if (scope !== "*") {
      const isPublicSql = "(d.status = 'published' AND d.published_at <= @now)";
      if (scope) {
        where.push(`(${isPublicSql} OR d.slug = @scope)`);
        params.scope = scope;
      } else where.push(isPublicSql);
    }
    if (request.section) {
      where.push("d.section = @section");
      params.section = request.section;
    }
    if (request.since) {
      where.push("d.published_at >= @since");
      params.since = request.since.getTime();
    }
    if (match) {
      where.push("search_text MATCH @match");
      params.match = match;
    } else if (exclude) {
      // Only excluded words: every story but those.
      where.push("d.id NOT IN (SELECT rowid FROM search_text WHERE search_text MATCH @exclude)");
      params.exclude = exclude;
    }
    const from = match ? "search_text JOIN search_docs d ON d.id = search_text.rowid" : "search_docs d";
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";

    // The count stops past MAX_COUNTED, as every engine's does (lib/search/types.ts).
    const counted = (
      prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ${MAX_COUNTED + 1})`).get(params) as { n: number }
    ).n;
    const more = counted > MAX_COUNTED;
    const total = Math.min(counted, MAX_COUNTED);
    const pageCount = Math.max(1, Math.ceil(total / perPage));
    if (page > pageCount) return { hits: [], total, more, page, pageCount };

    const score = `bm25(search_text, ${WEIGHTS.map((w) => w.toFixed(1)).join(", ")}) * (1.0 + ${RECENCY_BOOST} / (1.0 + max(0, @now - d.published_at) / ${RECENCY_DAYS * DAY_MS}.0))`;
    const order = match && request.sort === "relevance" ? `${score}, d.published_at DESC, d.slug` : "d.published_at DESC, d.slug";
    params.limit = perPage;
    params.offset = (page - 1) * perPage;
    const rows = prepared(
      `SELECT d.id, d.slug, d.status, d.published_at FROM ${from} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all(params) as DocRow[];
    // Snippets for this page's rows only, one row at a time (FTS5 seeks to the rowid): SQLite
    // computes a query's result columns before sorting, so snippet() in the query above would run
    // for every match (at 10,000 stories, most of a common word's query time).
    if (match) {
      const snippetOf = prepared(
        `SELECT snippet(search_text, 2, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) AS snippet, ` +
          `snippet(search_text, -1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) AS best ` +
          "FROM search_text WHERE search_text MATCH @match AND rowid = @id",
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
