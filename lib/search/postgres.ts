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
 *
 * A query's cost is bounded whatever the archive's size. Testing and ranking a match means reading
 * its whole tsvector (kilobytes, stored compressed out of line), so a common word over 100,000
 * stories would read them all. Instead: the count stops at MAX_COUNTED (the page says "more than"),
 * and relevance ranks a candidate set: the newest RANKED matches, plus the newest RANKED whose
 * headline, standfirst, authors or tags match (head_tsv, a small vector with its own index), so an
 * old story named in its headline is not lost behind a thousand newer mentions in passing.
 */
import pg from "pg";
import { isVisible, storyState, type View } from "../content/visibility";
import type { ParsedQuery } from "./query";
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

/** Same shape as the SQLite engine's boost: a story published now scores up to 25 % higher, half that after 30 days. */
const RECENCY_BOOST = 0.25;
const RECENCY_DAYS = 30;
/** ts_rank weights of {D, C, B, A}: body, (unused), standfirst/authors/tags, headline. */
const WEIGHTS = "{0.1, 0.2, 0.5, 1.0}";
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter="…"`;
/** Matches ranked by relevance, from each of the two candidate sets (see the header). */
const RANKED = 1000;
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
            body         text COMPRESSION lz4 NOT NULL,
            authors      text NOT NULL,
            tags         text NOT NULL,
            tsv          tsvector COMPRESSION lz4 NOT NULL
          )`);
        // Headline, standfirst, authors and tags alone: small enough to sit in the row (see the header).
        await client.query(
          `ALTER TABLE ${s}.search_docs ADD COLUMN IF NOT EXISTS head_tsv tsvector GENERATED ALWAYS AS (${headVector((n) => ["title", "dek", "", "authors", "tags"][n])}) STORED`,
        );
        await client.query(`CREATE INDEX IF NOT EXISTS search_docs_tsv ON ${s}.search_docs USING gin (tsv)`);
        await client.query(`CREATE INDEX IF NOT EXISTS search_docs_head_tsv ON ${s}.search_docs USING gin (head_tsv)`);
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

  /** Columns 0 to 4: title, dek, body, authors, tags. */
  function headVector(p: (n: number) => string) {
    return (
      `setweight(to_tsvector(${cfg}, ${p(0)}), 'A') || setweight(to_tsvector(${cfg}, ${p(1)}), 'B') || ` +
      `setweight(to_tsvector(${cfg}, ${p(3)}), 'B') || setweight(to_tsvector(${cfg}, ${p(4)}), 'B')`
    );
  }
  const tsvector = (p: (n: number) => string) => `${headVector(p)} || setweight(to_tsvector(${cfg}, ${p(2)}), 'D')`;

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
    // The time as a literal (an ISO string from a Date, never a reader's text): the count, the
    // candidates and the page use different parameter lists.
    const now = () => `'${view.now.toISOString()}'::timestamptz`;

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
    if (exclude.length) where.push(`NOT (d.tsv @@ (${tsquery(exclude, params, "||")}))`);
    const match = include.length ? `(${tsquery(include, params, "&&")})` : undefined;
    const whereOf = (column?: "tsv" | "head_tsv") => {
      const all = column && match ? [`d.${column} @@ ${match}`, ...where] : where;
      return all.length ? `WHERE ${all.join(" AND ")}` : "";
    };
    const matching = whereOf("tsv");

    // The count reads at most MAX_COUNTED + 1 matches: past that the page says "more than". It
    // runs beside the page's query, on another connection of the pool.
    const counting = pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${s}.search_docs d ${matching} LIMIT ${MAX_COUNTED + 1}) m`,
      params,
    );

    const byScore = !!match && request.sort === "relevance";
    const offset = (page - 1) * perPage;
    const pageParams = [...params, perPage, offset];
    const limit = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    let candidates: string;
    if (byScore) {
      // Ranked: the two candidate sets of the header, each newest first and bounded.
      const age = `greatest(0, extract(epoch FROM (${now()} - d.published_at)) / 86400.0)`;
      const score = `ts_rank('${WEIGHTS}', d.tsv, ${match}) * (1.0 + ${RECENCY_BOOST} / (1.0 + ${age} / ${RECENCY_DAYS}.0))`;
      // The headline matches come from head_tsv's index, then are sorted: walking the date index
      // instead (the planner's choice under a LIMIT) reads one random heap page per story.
      candidates = `WITH head AS MATERIALIZED (
           SELECT d.slug, d.published_at FROM ${s}.search_docs d ${whereOf("head_tsv")}
         ), candidate AS (
           (SELECT slug FROM head ORDER BY published_at DESC LIMIT ${RANKED})
           UNION
           (SELECT d.slug FROM ${s}.search_docs d ${matching} ORDER BY d.published_at DESC LIMIT ${RANKED})
         ), page AS (
           SELECT d.slug, d.published_at, ${score} AS score
           FROM candidate c JOIN ${s}.search_docs d ON d.slug = c.slug
           ORDER BY score DESC, d.published_at DESC, d.slug ${limit}
         )`;
    } else {
      candidates = `WITH page AS (
           SELECT d.slug, d.published_at, 0 AS score FROM ${s}.search_docs d ${matching}
           ORDER BY d.published_at DESC, d.slug ${limit}
         )`;
    }
    // Snippets for the page's rows only (ts_headline re-parses the text).
    const snippets = match
      ? `, ts_headline(${cfg}, d.body, ${match}, '${HEADLINE_OPTIONS}') AS snippet,
           ts_headline(${cfg}, concat_ws(' — ', d.title, d.dek, d.authors, d.tags), ${match}, '${HEADLINE_OPTIONS}') AS best`
      : ", NULL AS snippet, NULL AS best";
    const [{ rows }, count] = await Promise.all([
      offset < MAX_COUNTED
        ? pool.query<Row>(
            `${candidates}
             SELECT d.slug, d.status, d.published_at${snippets}
             FROM page p JOIN ${s}.search_docs d ON d.slug = p.slug
             ORDER BY p.score DESC, p.published_at DESC, p.slug`,
            pageParams,
          )
        : { rows: [] as Row[] },
      counting,
    ]);
    const counted = Number(count.rows[0].n);
    const more = counted > MAX_COUNTED;
    const total = Math.min(counted, MAX_COUNTED);
    const pageCount = Math.max(1, Math.ceil(total / perPage));

    const hits: SearchHit[] = [];
    for (const row of rows) {
      const story = { slug: row.slug, status: row.status, publishedAt: row.published_at };
      if (!isVisible(story, view)) continue;
      const marked = row.snippet?.includes(MARK_START) ? row.snippet : row.best?.includes(MARK_START) ? row.best : (row.snippet ?? "");
      hits.push({ slug: row.slug, snippet: markedToHtml(restoreAngles(marked)), state: storyState(story, view.now) });
    }
    return { hits, total, more, page, pageCount };
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
