/**
 * The shared search engine: PostgreSQL full-text search (Debian's `postgresql`), for several servers
 * and an archive past one machine. Selected by LEDGER_SEARCH=postgres://... (lib/search/index.ts).
 *
 * One table, <schema>.search_docs: what filters, sorting and visibility need, the text (for
 * snippets) and a weighted tsvector with a GIN index. The text search configuration
 * <schema>.ledger_english is Postgres's `english` (Snowball stemming: "ferries" finds "ferry") with
 * the `unaccent` dictionary in front, so "Tomas" finds "Tomáš" (unaccent ships in Debian's
 * postgresql-15 package, as part of its contrib modules).
 *
 * Queries are built from a ParsedQuery only (lib/search/query.ts), every term a bound parameter
 * through phraseto_tsquery: no reader's character is ever tsquery syntax or SQL. Ranking is
 * ts_rank over the weights (headline A; standfirst, authors and tags B; body D), scaled up a little
 * for recent stories, as the SQLite engine does; snippets are ts_headline over the body (or the
 * other columns when the body has none of the terms), for the page's rows only.
 */
import pg from "pg";
import { isVisible, storyState, type View } from "../content/visibility";
import type { ParsedQuery } from "./query";
import { markedToHtml, MARK_END, MARK_START, stripMarkers } from "./snippet";
import { SEARCH_PAGE_SIZE, type SearchDocument, type SearchEngine, type SearchHit, type SearchRequest, type SearchResults } from "./types";

/** Same shape as the SQLite engine's boost: a story published now scores up to 25 % higher, half that after 30 days. */
const RECENCY_BOOST = 0.25;
const RECENCY_DAYS = 30;
/** ts_rank weights of {D, C, B, A}: body, (unused), standfirst/authors/tags, headline. */
const WEIGHTS = "{0.1, 0.2, 0.5, 1.0}";
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter="…"`;
/** Rows written per INSERT. */
const WRITE_BATCH = 100;

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** Removes the password from a postgres:// URL, for logs. */
export function redactUrl(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return location.replace(/\/\/[^@/]*@/, "//***@");
  }
}

/** The schema named by ?schema= in the URL (default ledger_search), checked to be a plain identifier. */
export function parsePostgresLocation(location: string): { connectionString: string; schema: string } {
  const url = new URL(location);
  const schema = url.searchParams.get("schema") ?? "ledger_search";
  url.searchParams.delete("schema");
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`LEDGER_SEARCH: schema must be a lowercase identifier, got ${JSON.stringify(schema)}`);
  return { connectionString: url.toString(), schema };
}

/**
 * Postgres text holds no NUL; the markers are ours. Postgres's parser reads "<script>" as an HTML
 * tag, which ts_headline leaves out of a snippet: the text is stored with < and > as two
 * private-use characters (separators to the parser, as < and > are between words), and snippets
 * get them back (restoreAngles) before escaping.
 */
const LT = "\ue000";
const GT = "\ue001";
const cleanText = (text: string) =>
  stripMarkers(text.replace(/\u0000/g, " "))
    .toWellFormed()
    .replace(/</g, LT)
    .replace(/>/g, GT);
const restoreAngles = (text: string) => text.replace(/\ue000/g, "<").replace(/\ue001/g, ">");

interface Row {
  slug: string;
  status: "published" | "draft";
  published_at: Date;
  snippet: string | null;
  best: string | null;
}

export function openPostgresSearch(location: string, { poolSize = 4 }: { poolSize?: number } = {}): SearchEngine {
  const { connectionString, schema } = parsePostgresLocation(location);
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000, application_name: "ledger-search" });
  // A dropped connection must not crash the server: the next query opens another one.
  pool.on("error", () => {});
  const s = `"${schema}"`;
  const cfg = `'${schema}.ledger_english'::regconfig`;

  let ready: Promise<void> | undefined;
  /** Creates the schema once per database; servers starting together serialise on an advisory lock. */
  const setup = () =>
    (ready ??= (async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ledger-search:${schema}`]);
        await client.query("CREATE EXTENSION IF NOT EXISTS unaccent");
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
        const { rowCount } = await client.query(
          "SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = $1 AND c.cfgname = 'ledger_english'",
          [schema],
        );
        if (!rowCount) {
          await client.query(`CREATE TEXT SEARCH CONFIGURATION ${s}.ledger_english (COPY = pg_catalog.english)`);
          await client.query(
            `ALTER TEXT SEARCH CONFIGURATION ${s}.ledger_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`,
          );
        }
        await client.query(`
          CREATE TABLE IF NOT EXISTS ${s}.search_docs (
            slug         text PRIMARY KEY,
            version      text NOT NULL,
            section      text NOT NULL,
            status       text NOT NULL,
            published_at timestamptz NOT NULL,
            title        text NOT NULL,
            dek          text NOT NULL,
            body         text NOT NULL,
            authors      text NOT NULL,
            tags         text NOT NULL,
            tsv          tsvector NOT NULL
          )`);
        await client.query(`CREATE INDEX IF NOT EXISTS search_docs_tsv ON ${s}.search_docs USING gin (tsv)`);
        await client.query(`CREATE INDEX IF NOT EXISTS search_docs_by_date ON ${s}.search_docs (published_at DESC)`);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        ready = undefined;
        throw e;
      } finally {
        client.release();
      }
    })());

  const tsvector = (p: (n: number) => string) =>
    `setweight(to_tsvector(${cfg}, ${p(0)}), 'A') || setweight(to_tsvector(${cfg}, ${p(1)}), 'B') || ` +
    `setweight(to_tsvector(${cfg}, ${p(3)}), 'B') || setweight(to_tsvector(${cfg}, ${p(4)}), 'B') || setweight(to_tsvector(${cfg}, ${p(2)}), 'D')`;

  async function index(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    await setup();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (let i = 0; i < docs.length; i += WRITE_BATCH) {
        const batch = docs.slice(i, i + WRITE_BATCH);
        const params: unknown[] = [];
        const rows = batch.map((d) => {
          const base = params.length;
          params.push(
            d.slug,
            d.version,
            d.section,
            d.status,
            d.publishedAt,
            ...[d.title, d.dek, d.body, d.authors.join(", "), d.tags.join(", ")].map(cleanText),
          );
          const p = (n: number) => `$${base + 6 + n}::text`;
          return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, ${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${tsvector(p)})`;
        });
        await client.query(
          `INSERT INTO ${s}.search_docs (slug, version, section, status, published_at, title, dek, body, authors, tags, tsv)
           VALUES ${rows.join(", ")}
           ON CONFLICT (slug) DO UPDATE SET version = excluded.version, section = excluded.section, status = excluded.status,
             published_at = excluded.published_at, title = excluded.title, dek = excluded.dek, body = excluded.body,
             authors = excluded.authors, tags = excluded.tags, tsv = excluded.tsv`,
          params,
        );
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /** The terms as one tsquery expression over bound parameters: each term a phrase (a word is a phrase of one). */
  function tsquery(terms: ParsedQuery["include"], params: unknown[], join: "&&" | "||"): string {
    return terms
      .map((t) => {
        params.push(t.text);
        return `phraseto_tsquery(${cfg}, $${params.length})`;
      })
      .join(` ${join} `);
  }

  async function search(request: SearchRequest, view: View): Promise<SearchResults> {
    await setup();
    const perPage = request.perPage ?? SEARCH_PAGE_SIZE;
    const page = Number.isInteger(request.page) && request.page >= 1 ? request.page : 1;
    const params: unknown[] = [];
    const where: string[] = [];
    let nowParam = "";
    const now = () => (nowParam ||= `$${params.push(view.now)}::timestamptz`);

    // The one visibility rule, as SQL; every row is checked again with isVisible below.
    const scope = view.preview?.scope;
    if (scope !== "*") {
      const isPublicSql = `(d.status = 'published' AND d.published_at <= ${now()})`;
      if (scope) {
        params.push(scope);
        where.push(`(${isPublicSql} OR d.slug = $${params.length})`);
      } else where.push(isPublicSql);
    }
    if (request.section) {
      params.push(request.section);
      where.push(`d.section = $${params.length}`);
    }
    if (request.since) {
      params.push(request.since);
      where.push(`d.published_at >= $${params.length}`);
    }
    const { include, exclude } = request.query;
    const match = include.length ? `(${tsquery(include, params, "&&")})` : undefined;
    if (match) where.push(`d.tsv @@ ${match}`);
    if (exclude.length) where.push(`NOT (d.tsv @@ (${tsquery(exclude, params, "||")}))`);
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const whereParams = [...params];

    const age = () => `greatest(0, extract(epoch FROM (${now()} - d.published_at)) / 86400.0)`;
    const score = match ? `ts_rank('${WEIGHTS}', d.tsv, ${match}) * (1.0 + ${RECENCY_BOOST} / (1.0 + ${age()} / ${RECENCY_DAYS}.0))` : "0";
    const byScore = match && request.sort === "relevance";
    const order = byScore ? "score DESC, d.published_at DESC, d.slug" : "d.published_at DESC, d.slug";
    params.push(perPage, (page - 1) * perPage);
    const limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
    // One pass over the matches ranks them and counts them (the window runs before the LIMIT); the
    // page's rows are then read again for their text, and snippets are made for them only
    // (ts_headline re-parses the text).
    const snippets = match
      ? `, ts_headline(${cfg}, d.body, ${match}, '${HEADLINE_OPTIONS}') AS snippet,
           ts_headline(${cfg}, concat_ws(' — ', d.title, d.dek, d.authors, d.tags), ${match}, '${HEADLINE_OPTIONS}') AS best`
      : ", NULL AS snippet, NULL AS best";
    const { rows } = await pool.query<Row & { total: string }>(
      `WITH page AS (
         SELECT d.slug, d.published_at, ${score} AS score, count(*) OVER () AS total
         FROM ${s}.search_docs d ${whereSql} ORDER BY ${order} ${limit}
       )
       SELECT p.total, d.slug, d.status, d.published_at${snippets}
       FROM page p JOIN ${s}.search_docs d ON d.slug = p.slug
       ORDER BY ${byScore ? "p.score DESC, " : ""}p.published_at DESC, p.slug`,
      params,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && page > 1) {
      // Past the last page (or nothing at all): the total alone, for the reader's message.
      const { rows: counted } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${s}.search_docs d ${whereSql}`, whereParams);
      total = Number(counted[0].n);
    }
    const pageCount = Math.max(1, Math.ceil(total / perPage));

    const hits: SearchHit[] = [];
    for (const row of rows) {
      const story = { slug: row.slug, status: row.status, publishedAt: row.published_at };
      if (!isVisible(story, view)) continue;
      const marked = row.snippet?.includes(MARK_START) ? row.snippet : row.best?.includes(MARK_START) ? row.best : (row.snippet ?? "");
      hits.push({ slug: row.slug, snippet: markedToHtml(restoreAngles(marked)), state: storyState(story, view.now) });
    }
    return { hits, total, page, pageCount };
  }

  return {
    engine: "postgres",
    index,
    async remove(slugs) {
      if (!slugs.length) return;
      await setup();
      await pool.query(`DELETE FROM ${s}.search_docs WHERE slug = ANY($1::text[])`, [slugs]);
    },
    async versions() {
      await setup();
      const { rows } = await pool.query<{ slug: string; version: string }>(`SELECT slug, version FROM ${s}.search_docs`);
      return new Map(rows.map((r) => [r.slug, r.version]));
    },
    search,
    async close() {
      await pool.end();
    },
  };
}
