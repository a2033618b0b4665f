/**
 * The shared search engine: PostgreSQL full-text search (Debian's `postgresql`), for several servers
 * and an archive past one machine. Selected by LEDGER_SEARCH=postgres://... (lib/search/index.ts).
 *
 * One table, <schema>.search_docs: what filters, sorting and visibility need, the text (for
 * snippets) and a weighted tsvector. The text search configuration <schema>.ledger_english is
 * Postgres's `english` (Snowball stemming: "ferries" finds "ferry") with the `unaccent` dictionary in
 * front, so "Tomas" finds "Tomáš" (unaccent ships in Debian's postgresql-15 package, as part of its
 * contrib modules).
 *
 * The vector's index is RUM (the `rum` extension, Debian's postgresql-15-rum), not GIN, because a
 * GIN index holds no word positions: with it, testing a phrase, excluding a word and ranking a
 * match all read the story's whole tsvector (kilobytes, stored compressed out of line), about 14 µs
 * a story from shared buffers and up to 190 µs past them, and a common word over 100,000 stories
 * has 60,000 of them. RUM keeps the
 * positions in the index, so phrases and exclusions are decided there, and it returns matches in
 * rank order (`tsv <=> query`, weights A headline; B standfirst, authors, tags; D body): a page of
 * results reads about 20 rows. Among equally ranked stories the newer comes first (a tie-break, not
 * the SQLite engine's recency factor, which would need every match's vector again).
 *
 * Queries are built from a ParsedQuery only (lib/search/query.ts), every term a bound parameter
 * through phraseto_tsquery: no reader's character is ever tsquery syntax or SQL. Snippets are
 * ts_headline over the body (or the other columns when the body has none of the terms), for the
 * page's rows only. The count stops at MAX_COUNTED (the page says "more than").
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

const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter="…"`;
/** Rows read in rank order past the page's end, so that equally ranked stories at its edge are put newest first. */
const TIE_MARGIN = 20;
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
  // Every query here has an index that bounds its cost; the planner's estimate for a phrase can be
  // off by thousands of rows, and a sequential scan would read every story's vector. JIT compiling
  // costs more than these queries take.
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    application_name: "ledger-search",
    options: "-c enable_seqscan=off -c jit=off",
  });
  // A dropped connection must not crash the server: the next query opens another one.
  pool.on("error", () => {});

  const s = `"${schema}"`;
  const cfg = `'${schema}.ledger_english'::regconfig`;

  /** The schema holding RUM's operator and operator class: where the extension was created (public, unless an administrator chose another). */
  let rum = "";
  async function createRum(client: pg.PoolClient) {
    try {
      await client.query("CREATE EXTENSION IF NOT EXISTS rum");
    } catch (e) {
      throw new Error(
        `PostgreSQL search needs the RUM index extension: install it on the database server (Debian: sudo apt-get install -y postgresql-<major version>-rum) and run CREATE EXTENSION rum as a superuser. (${(e as Error).message})`,
      );
    }
    const { rows } = await client.query<{ nspname: string }>(
      "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'rum'",
    );
    rum = `"${rows[0].nspname.replace(/"/g, '""')}"`;
  }

  const rumIndex = () => `CREATE INDEX IF NOT EXISTS search_docs_rum ON ${s}.search_docs USING rum (tsv ${rum}.rum_tsvector_ops)`;
  let ready: Promise<void> | undefined;
  /** Creates the schema once per database; servers starting together serialise on an advisory lock. */
  const setup = () =>
    (ready ??= (async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ledger-search:${schema}`]);
        await client.query("CREATE EXTENSION IF NOT EXISTS unaccent");
        await createRum(client);
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
        // Earlier versions indexed the vector with GIN and kept a headline vector beside it.
        await client.query(`DROP INDEX IF EXISTS ${s}.search_docs_tsv`);
        await client.query(`DROP INDEX IF EXISTS ${s}.search_docs_head_tsv`);
        await client.query(`ALTER TABLE ${s}.search_docs DROP COLUMN IF EXISTS head_tsv`);
        await client.query(rumIndex());
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
  const tsvector = (p: (n: number) => string) =>
    `setweight(to_tsvector(${cfg}, ${p(0)}), 'A') || setweight(to_tsvector(${cfg}, ${p(1)}), 'B') || ` +
    `setweight(to_tsvector(${cfg}, ${p(3)}), 'B') || setweight(to_tsvector(${cfg}, ${p(4)}), 'B') || ` +
    `setweight(to_tsvector(${cfg}, ${p(2)}), 'D')`;

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

  /** The query without its terms that have no lexemes (stop words only), asked of the text search configuration itself. */
  async function withLexemes(query: ParsedQuery): Promise<Pick<ParsedQuery, "include" | "exclude">> {
    const terms = [...query.include, ...query.exclude];
    if (!terms.length) return query;
    const { rows } = await pool.query<{ i: string }>(
      `SELECT i FROM unnest($1::text[]) WITH ORDINALITY AS t(text, i) WHERE numnode(phraseto_tsquery(${cfg}, t.text)) = 0`,
      [terms.map((t) => t.text)],
    );
    if (!rows.length) return query;
    const empty = new Set(rows.map((r) => Number(r.i) - 1));
    const n = query.include.length;
    return { include: query.include.filter((_, i) => !empty.has(i)), exclude: query.exclude.filter((_, i) => !empty.has(n + i)) };
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
    // A term of stop words only ("what", "the by") has no lexemes and PostgreSQL ignores it; left
    // in, it would turn "what -skarve" into a bare NOT, which no index can answer.
    const { include, exclude } = await withLexemes(request.query);
    if (!include.length && !exclude.length && request.query.include.length) return { hits: [], total: 0, more: false, page, pageCount: 1 };
    // Excluded terms join the query (`a && !!b`), so the index decides them without reading a
    // story's vector; with nothing to include they are a filter.
    let match: string | undefined;
    if (include.length) {
      match = `(${tsquery(include, params, "&&")})`;
      if (exclude.length) match = `(${match} && !!(${tsquery(exclude, params, "||")}))`;
    } else if (exclude.length) where.push(`NOT (d.tsv @@ (${tsquery(exclude, params, "||")}))`);
    const conditions = match ? [`d.tsv @@ ${match}`, ...where] : where;
    const matching = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";

    // The count reads at most MAX_COUNTED + 1 matches: past that the page says "more than". It
    // runs beside the page's query, on another connection of the pool.
    const counting = pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${s}.search_docs d ${matching} LIMIT ${MAX_COUNTED + 1}) m`,
      params,
    );

    const offset = (page - 1) * perPage;
    const pageParams = [...params, perPage, offset];
    const limit = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    let pageOf: string;
    if (match && request.sort === "relevance") {
      // In rank order from the index, a little past the page, then equal ranks newest first.
      const distance = `d.tsv OPERATOR(${rum}.<=>) ${match}`;
      pageOf = `WITH ranked AS (
           SELECT d.slug, d.published_at, ${distance} AS distance FROM ${s}.search_docs d ${matching}
           ORDER BY ${distance} LIMIT ${offset + perPage + TIE_MARGIN}
         ), page AS (
           SELECT slug, published_at, distance FROM ranked ORDER BY distance, published_at DESC, slug ${limit}
         )`;
    } else if (match) {
      // Newest first: every match from the index, then sorted. Walking the date index instead (the
      // planner's choice under a LIMIT) reads each story's vector, and for a rare phrase all of them.
      pageOf = `WITH matches AS MATERIALIZED (
           SELECT d.slug, d.published_at FROM ${s}.search_docs d ${matching}
         ), page AS (
           SELECT slug, published_at, 0 AS distance FROM matches ORDER BY published_at DESC, slug ${limit}
         )`;
    } else {
      pageOf = `WITH page AS (
           SELECT d.slug, d.published_at, 0 AS distance FROM ${s}.search_docs d ${matching}
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
            `${pageOf}
             SELECT d.slug, d.status, d.published_at${snippets}
             FROM page p JOIN ${s}.search_docs d ON d.slug = p.slug
             ORDER BY p.distance, p.published_at DESC, p.slug`,
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
    /**
     * Writes many stories without the RUM index, then builds it once: RUM has no pending list as
     * GIN has, and adding 100,000 stories to it row by row took 4 times as long as building it.
     * Searches during the load are answered without the index (slowly); the first index of an
     * archive runs before the servers start (content:index).
     */
    async bulkLoad(write) {
      await setup();
      await pool.query(`DROP INDEX IF EXISTS ${s}.search_docs_rum`);
      try {
        return await write();
      } finally {
        await pool.query(rumIndex());
      }
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
