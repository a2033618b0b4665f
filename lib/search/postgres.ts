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
 * But a ranked scan still weighs every match, about 1 µs each for a word and 10 to 20 for a phrase:
 * "public" (94,000 matches at 100,000 stories) took 77 ms, a phrase of the generator's stock
 * wording 690. So, as the SQLite engine ranks a bounded candidate set, there are three indexes:
 * - one RUM index per calendar month (partial indexes): the search counts matches month by month,
 *   newest first, and a query with more than MAX_COUNTED matches in its newest months is ranked over
 *   those months only;
 * - a small RUM index of what names a story (head_tsv: headline, standfirst, authors, tags), so
 *   that the stories named by a common word lead its results whatever their age;
 * - the whole archive's RUM index, for a rarer query (few matches a month), ranked over every
 *   match.
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
/** Months of publication counted first, newest first: a word in most stories passes MAX_COUNTED matches in them. */
const FIRST_ROUND_MONTHS = 2;
/**
 * Up to this many matches (estimated from the newest months), a query is ranked over the whole
 * archive's index: its cost grows with the matches, about 1 µs each for words and 10 to 20 µs for a
 * phrase, and past these walking the months' small indexes costs less.
 */
const GLOBAL_WORD_MATCHES = 20_000;
const GLOBAL_PHRASE_MATCHES = 3_000;
/** A walk never counts more months than this in one round: each month's query costs about half a millisecond. */
const MAX_WALKED_MONTHS = 24;

/** A calendar month (UTC) of publication: each has its own RUM index, a partial one. */
interface Month {
  key: string;
  start: Date;
  end: Date;
}
function monthOf(date: Date): Month {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return { key: `${start.getUTCFullYear()}_${String(start.getUTCMonth() + 1).padStart(2, "0")}`, start, end };
}
/** The condition of a month's partial index, as its queries must repeat it for the planner to use it (dates from Date objects, never a reader's text). */
const inMonth = (m: Month, column: string) =>
  `${column} >= '${m.start.toISOString()}'::timestamptz AND ${column} < '${m.end.toISOString()}'::timestamptz`;
const MONTH_INDEX_PREFIX = "search_docs_rum_";

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

interface Candidate {
  slug: string;
  status: "published" | "draft";
  published_at: Date;
  distance: number;
}
interface SnippetRow {
  slug: string;
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

  /** The whole archive's RUM index: rare terms, ranked over every match. */
  const rumIndex = () => `CREATE INDEX IF NOT EXISTS search_docs_rum ON ${s}.search_docs USING rum (tsv ${rum}.rum_tsvector_ops)`;
  /** The small index of what names a story (headline, standfirst, authors, tags): the stories that lead a common word's results. */
  const headIndex = () =>
    `CREATE INDEX IF NOT EXISTS search_docs_head_rum ON ${s}.search_docs USING rum (head_tsv ${rum}.rum_tsvector_ops)`;
  /** One month's RUM index: a common word is ranked over its newest months only. */
  const monthIndex = (m: Month) =>
    `CREATE INDEX IF NOT EXISTS ${MONTH_INDEX_PREFIX}${m.key} ON ${s}.search_docs USING rum (tsv ${rum}.rum_tsvector_ops) WHERE ${inMonth(m, "published_at")}`;
  /** Months known to have their index, so that a write checks the catalog only for a new month. */
  const indexedMonths = new Set<string>();
  /** Inside a bulk load, no index is written row by row: they are built at its end. */
  let bulk = false;

  /** Creates the index of each of these months that has none, inside the caller's transaction (servers writing together serialise on a lock). */
  async function ensureMonthIndexes(client: pg.PoolClient, months: Month[]): Promise<string[]> {
    const missing = [...new Map(months.map((m) => [m.key, m])).values()].filter((m) => !indexedMonths.has(m.key));
    if (!missing.length) return [];
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ledger-search:${schema}:months`]);
    const { rows } = await client.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND starts_with(indexname, $2)",
      [schema, MONTH_INDEX_PREFIX],
    );
    const existing = new Set(rows.map((r) => r.indexname.slice(MONTH_INDEX_PREFIX.length)));
    for (const m of missing) if (!existing.has(m.key)) await client.query(monthIndex(m));
    return missing.map((m) => m.key);
  }

  /** The months of every story in the index. */
  async function storedMonths(client: pg.PoolClient): Promise<Month[]> {
    const { rows } = await client.query<{ month: Date }>(
      `SELECT DISTINCT date_trunc('month', published_at, 'UTC') AS month FROM ${s}.search_docs`,
    );
    return rows.map((r) => monthOf(r.month));
  }

  /** Runs `work` in one transaction on one connection: committed, or rolled back and its error thrown. */
  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  let ready: Promise<void> | undefined;
  /** Creates the schema once per database; servers starting together serialise on an advisory lock. */
  const setup = () =>
    (ready ??= inTransaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ledger-search:${schema}`]);
      // The months' lock too, before any DDL locks the table: a write bringing a new month takes
      // it before its INSERT, and the other order could deadlock with it.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ledger-search:${schema}:months`]);
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
            tsv          tsvector COMPRESSION lz4 NOT NULL,
            head_tsv     tsvector
          )`);
      // Earlier versions indexed the vector with GIN, and some kept a headline vector of another
      // definition beside it (a generated column): such an index gets its head vectors now.
      await client.query(`DROP INDEX IF EXISTS ${s}.search_docs_tsv`);
      await client.query(`DROP INDEX IF EXISTS ${s}.search_docs_head_tsv`);
      const { rows: head } = await client.query<{ is_generated: string }>(
        "SELECT is_generated FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'search_docs' AND column_name = 'head_tsv'",
        [schema],
      );
      if (head[0]?.is_generated !== "NEVER") {
        // Without the RUM indexes while every row is rewritten: RUM adds rows one by one slowly.
        await client.query(`DROP INDEX IF EXISTS ${s}.search_docs_rum`);
        await client.query(`DROP INDEX IF EXISTS ${s}.search_docs_head_rum`);
        await client.query(`ALTER TABLE ${s}.search_docs DROP COLUMN IF EXISTS head_tsv`);
        await client.query(`ALTER TABLE ${s}.search_docs ADD COLUMN head_tsv tsvector`);
        await client.query(`UPDATE ${s}.search_docs SET head_tsv = ${headVector((n) => ["title", "dek", "body", "authors", "tags"][n])}`);
      }
      await client.query(rumIndex());
      await client.query(headIndex());
      await client.query(`CREATE INDEX IF NOT EXISTS search_docs_by_date ON ${s}.search_docs (published_at DESC)`);
      return ensureMonthIndexes(client, await storedMonths(client));
    }).then(
      (created) => created.forEach((k) => indexedMonths.add(k)),
      (e) => {
        ready = undefined;
        throw e;
      },
    ));

  /** Columns 0 to 4: title, dek, body, authors, tags. The head vector is the same without the body. */
  const headVector = (p: (n: number) => string) =>
    `setweight(to_tsvector(${cfg}, ${p(0)}), 'A') || setweight(to_tsvector(${cfg}, ${p(1)}), 'B') || ` +
    `setweight(to_tsvector(${cfg}, ${p(3)}), 'B') || setweight(to_tsvector(${cfg}, ${p(4)}), 'B')`;
  const tsvector = (p: (n: number) => string) => `${headVector(p)} || setweight(to_tsvector(${cfg}, ${p(2)}), 'D')`;

  async function index(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    await setup();
    const created = await inTransaction(async (client) => {
      const created = bulk
        ? []
        : await ensureMonthIndexes(
            client,
            docs.map((d) => monthOf(d.publishedAt)),
          );
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
          return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, ${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${tsvector(p)}, ${headVector(p)})`;
        });
        await client.query(
          `INSERT INTO ${s}.search_docs (slug, version, section, status, published_at, title, dek, body, authors, tags, tsv, head_tsv)
           VALUES ${rows.join(", ")}
           ON CONFLICT (slug) DO UPDATE SET version = excluded.version, section = excluded.section, status = excluded.status,
             published_at = excluded.published_at, title = excluded.title, dek = excluded.dek, body = excluded.body,
             authors = excluded.authors, tags = excluded.tags, tsv = excluded.tsv, head_tsv = excluded.head_tsv`,
          params,
        );
      }
      return created;
    });
    created.forEach((k) => indexedMonths.add(k));
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

  /**
   * The query without its terms that have no lexemes (stop words only), asked of the text search
   * configuration itself; and whether a term left is a phrase (more than one lexeme).
   */
  async function withLexemes(query: ParsedQuery): Promise<Pick<ParsedQuery, "include" | "exclude"> & { phrase: boolean }> {
    const terms = [...query.include, ...query.exclude];
    if (!terms.length) return { ...query, phrase: false };
    const { rows } = await pool.query<{ nodes: number }>(
      `SELECT numnode(phraseto_tsquery(${cfg}, t.text)) AS nodes FROM unnest($1::text[]) WITH ORDINALITY AS t(text, i) ORDER BY i`,
      [terms.map((t) => t.text)],
    );
    const n = query.include.length;
    return {
      include: query.include.filter((_, i) => rows[i].nodes > 0),
      exclude: query.exclude.filter((_, i) => rows[n + i].nodes > 0),
      phrase: rows.slice(0, n).some((r) => r.nodes > 1),
    };
  }

  /** Rank order: the smaller distance first, then the newer story, then the slug. */
  const byRank = (a: Candidate, b: Candidate) =>
    a.distance - b.distance || b.published_at.getTime() - a.published_at.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  const byNewest = (a: Candidate, b: Candidate) =>
    b.published_at.getTime() - a.published_at.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

  async function search(request: SearchRequest, view: View): Promise<SearchResults> {
    await setup();
    const perPage = request.perPage ?? SEARCH_PAGE_SIZE;
    const page = Number.isInteger(request.page) && request.page >= 1 ? request.page : 1;
    const params: unknown[] = [];
    const where: string[] = [];
    // The time as a literal (an ISO string from a Date, never a reader's text).
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
    const { include, exclude, phrase } = await withLexemes(request.query);
    if (!include.length && !exclude.length && request.query.include.length) return { hits: [], total: 0, more: false, page, pageCount: 1 };
    // Excluded terms join the query (`a && !!b`), so the index decides them without reading a
    // story's vector; with nothing to include they are a filter.
    const included = include.length ? `(${tsquery(include, params, "&&")})` : undefined;
    const excluded = exclude.length ? `(${tsquery(exclude, params, "||")})` : undefined;
    const match = included && excluded ? `(${included} && !!${excluded})` : included;
    if (!included && excluded) where.push(`NOT (d.tsv @@ ${excluded})`);

    const offset = (page - 1) * perPage;
    /** Rows read in order past the page's end, so that equal ranks at its edge are put newest first. */
    const wanted = offset + perPage + TIE_MARGIN;
    const relevance = request.sort === "relevance";
    const conditions = (extra: string[]) => [...extra, ...where].join(" AND ");
    const distance = (vector: string, query: string) => `d.${vector} OPERATOR(${rum}.<=>) ${query}`;
    const candidateColumns = "d.slug, d.status, d.published_at";

    let counted: number;
    let candidates: Candidate[];
    if (!included || !match) {
      // No word to find (an empty query, or excluded words only): the newest stories.
      const filtered = where.length ? `WHERE ${conditions([])}` : "";
      const [count, { rows }] = await Promise.all([
        pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM (SELECT 1 FROM ${s}.search_docs d ${filtered} LIMIT ${MAX_COUNTED + 1}) m`,
          params,
        ),
        offset < MAX_COUNTED
          ? pool.query<Candidate>(
              `SELECT ${candidateColumns}, 0 AS distance FROM ${s}.search_docs d ${filtered}
               ORDER BY d.published_at DESC, d.slug LIMIT ${offset + perPage}`,
              params,
            )
          : { rows: [] as Candidate[] },
      ]);
      counted = Number(count.rows[0].n);
      candidates = rows;
    } else {
      const matching = `d.tsv @@ ${match}`;
      // Walk the months newest first, counting matches, until more than MAX_COUNTED: a word in
      // most stories is then ranked over its newest months only, through their small indexes
      // (a ranked scan costs about a microsecond a match for words, 10 to 20 for a phrase: 94,000
      // matches of "public" at 100,000 stories took 77 ms, a stock phrase 690 ms).
      const { rows: range } = await pool.query<{ newest: Date | null; oldest: Date | null }>(
        `SELECT max(published_at) AS newest, min(published_at) AS oldest FROM ${s}.search_docs`,
      );
      const walked: { month: Month; n: number }[] = [];
      counted = 0;
      let exhausted = !range[0].newest;
      if (range[0].newest && range[0].oldest) {
        const newest = scope ? range[0].newest : new Date(Math.min(range[0].newest.getTime(), view.now.getTime()));
        const oldest = new Date(Math.max(range[0].oldest.getTime(), request.since?.getTime() ?? -Infinity));
        let month = monthOf(newest);
        const monthNumber = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
        const monthsInRange = monthNumber(newest) - monthNumber(oldest) + 1;
        for (let round = 0, size = FIRST_ROUND_MONTHS; round < 2; round++) {
          const months: Month[] = [];
          for (; months.length < size && month.end > oldest; month = monthOf(new Date(month.start.getTime() - 1))) months.push(month);
          if (months.length) {
            const cap = MAX_COUNTED + 1 - counted;
            const { rows } = await pool.query<Record<string, string>>(
              `SELECT ${months
                .map(
                  (m, i) =>
                    `(SELECT count(*) FROM (SELECT 1 FROM ${s}.search_docs d WHERE ${conditions([inMonth(m, "d.published_at"), matching])} LIMIT ${cap}) x) AS n${i}`,
                )
                .join(", ")}`,
              params,
            );
            months.forEach((m, i) => {
              const n = Number(rows[0][`n${i}`]);
              walked.push({ month: m, n });
              counted += n;
            });
          }
          if (month.end <= oldest) exhausted = true;
          if (counted > MAX_COUNTED || exhausted) break;
          // Matches a month so far, over the months left: few enough for the whole archive's
          // index, or walk on as far as MAX_COUNTED matches should reach.
          const matchesPerMonth = counted / walked.length;
          if (counted + matchesPerMonth * (monthsInRange - walked.length) <= (phrase ? GLOBAL_PHRASE_MATCHES : GLOBAL_WORD_MATCHES)) break;
          size = Math.ceil(((MAX_COUNTED + 1 - counted) / matchesPerMonth) * 1.3);
          if (size > MAX_WALKED_MONTHS) break;
        }
      }
      const withMatches = walked.filter((w) => w.n > 0);
      const matchedMonths = withMatches.map((w) => w.month);
      const perMonth = (order: string, limit: number, months: Month[]) =>
        months
          .map(
            (m) =>
              `(SELECT ${candidateColumns}, ${relevance ? distance("tsv", match) : "0"} AS distance FROM ${s}.search_docs d
                WHERE ${conditions([inMonth(m, "d.published_at"), matching])} ORDER BY ${order} LIMIT ${limit})`,
          )
          .join(" UNION ALL ");

      if (counted > MAX_COUNTED || exhausted) {
        if (offset >= MAX_COUNTED || !withMatches.length) candidates = [];
        else if (!relevance) {
          // Newest first: the newest months that hold the page.
          const months: Month[] = [];
          let rows = 0;
          for (const w of withMatches) {
            if (rows >= offset + perPage) break;
            months.push(w.month);
            rows += w.n;
          }
          candidates = (await pool.query<Candidate>(perMonth("d.published_at DESC, d.slug", offset + perPage, months), params)).rows.sort(
            byNewest,
          );
        } else if (counted <= MAX_COUNTED) {
          // Every match was counted: rank them all.
          candidates = (await pool.query<Candidate>(perMonth(distance("tsv", match), wanted, matchedMonths), params)).rows.sort(byRank);
        } else {
          // More than MAX_COUNTED: the stories named by the words in their headline, standfirst,
          // authors or tags lead, whatever their age (ranked over the small head index); then the
          // matches of the newest months, ranked.
          const head = `(SELECT ${candidateColumns}, ${distance("head_tsv", included)} AS distance FROM ${s}.search_docs d
             WHERE ${conditions([`d.head_tsv @@ ${included}`, ...(excluded ? [`NOT (d.tsv @@ ${excluded})`] : [])])}
             ORDER BY ${distance("head_tsv", included)} LIMIT ${wanted})`;
          const [named, newestMonths] = await Promise.all([
            pool.query<Candidate>(head, params),
            pool.query<Candidate>(perMonth(distance("tsv", match), wanted * 2, matchedMonths), params),
          ]);
          const leading = named.rows.sort(byRank);
          const led = new Set(leading.map((c) => c.slug));
          candidates = [...leading, ...newestMonths.rows.sort(byRank).filter((c) => !led.has(c.slug))];
        }
      } else {
        // Few matches a month (the walk's estimate): a rare term, ranked (or
        // sorted) over the whole archive's index, where it has few matches.
        const [count, { rows }] = await Promise.all([
          pool.query<{ n: string }>(
            `SELECT count(*) AS n FROM (SELECT 1 FROM ${s}.search_docs d WHERE ${conditions([matching])} LIMIT ${MAX_COUNTED + 1}) m`,
            params,
          ),
          offset < MAX_COUNTED
            ? pool.query<Candidate>(
                relevance
                  ? `SELECT ${candidateColumns}, ${distance("tsv", match)} AS distance FROM ${s}.search_docs d WHERE ${conditions([matching])}
                     ORDER BY ${distance("tsv", match)} LIMIT ${wanted}`
                  : // Every match from the index, then sorted: walking the date index instead (the
                    // planner's choice under a LIMIT) would read each story's vector.
                    `WITH matches AS MATERIALIZED (SELECT ${candidateColumns}, 0 AS distance FROM ${s}.search_docs d WHERE ${conditions([matching])})
                     SELECT * FROM matches ORDER BY published_at DESC, slug LIMIT ${offset + perPage}`,
                params,
              )
            : { rows: [] as Candidate[] },
        ]);
        counted = Number(count.rows[0].n);
        candidates = relevance ? rows.sort(byRank) : rows;
      }
    }

    const more = counted > MAX_COUNTED;
    const total = Math.min(counted, MAX_COUNTED);
    const pageCount = Math.max(1, Math.ceil(total / perPage));
    const onPage = candidates.slice(offset, offset + perPage);

    // Snippets for the page's rows only: ts_headline re-parses each story's text (about 0.7 ms a
    // story at 100,000), so the page's rows are split over two connections, two backends.
    const snippets = new Map<string, SnippetRow>();
    if (match && onPage.length) {
      const half = Math.ceil(onPage.length / 2);
      const parts = [onPage.slice(0, half), onPage.slice(half)].filter((part) => part.length);
      const results = await Promise.all(
        parts.map((part) =>
          pool.query<SnippetRow>(
            `SELECT d.slug, ts_headline(${cfg}, d.body, ${match}, '${HEADLINE_OPTIONS}') AS snippet,
               ts_headline(${cfg}, concat_ws(' — ', d.title, d.dek, d.authors, d.tags), ${match}, '${HEADLINE_OPTIONS}') AS best
             FROM ${s}.search_docs d WHERE ${conditions([`d.slug = ANY($${params.length + 1}::text[])`])}`,
            [...params, part.map((c) => c.slug)],
          ),
        ),
      );
      results.forEach(({ rows }) => rows.forEach((r) => snippets.set(r.slug, r)));
    }

    const hits: SearchHit[] = [];
    for (const row of onPage) {
      const story = { slug: row.slug, status: row.status, publishedAt: row.published_at };
      if (!isVisible(story, view)) continue;
      const { snippet = null, best = null } = snippets.get(row.slug) ?? {};
      const marked = snippet?.includes(MARK_START) ? snippet : best?.includes(MARK_START) ? best : (snippet ?? "");
      hits.push({ slug: row.slug, snippet: markedToHtml(restoreAngles(marked)), state: storyState(story, view.now) });
    }
    return { hits, total, more, page, pageCount };
  }

  /** The archive's, the head and every stored month's RUM index, after a bulk load. */
  async function buildIndexes() {
    await pool.query(rumIndex());
    await pool.query(headIndex());
    const created = await inTransaction(async (client) => ensureMonthIndexes(client, await storedMonths(client)));
    created.forEach((k) => indexedMonths.add(k));
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
     * Writes many stories without the RUM indexes, then builds them once: RUM has no pending list
     * as GIN has, and adding 100,000 stories to it row by row took 4 times as long as building it.
     * Searches during the load are answered without the indexes (slowly); the first index of an
     * archive runs before the servers start (content:index).
     */
    async bulkLoad(write) {
      await setup();
      const { rows } = await pool.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND (indexname IN ('search_docs_rum', 'search_docs_head_rum') OR starts_with(indexname, $2))",
        [schema, MONTH_INDEX_PREFIX],
      );
      for (const r of rows) await pool.query(`DROP INDEX IF EXISTS ${s}."${r.indexname}"`);
      indexedMonths.clear();
      bulk = true;
      let result: Awaited<ReturnType<typeof write>>;
      try {
        result = await write();
      } catch (e) {
        // Build the indexes again anyway, and report the write's error, not a rebuild's.
        bulk = false;
        await buildIndexes().catch(() => {});
        throw e;
      }
      bulk = false;
      await buildIndexes();
      return result;
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
