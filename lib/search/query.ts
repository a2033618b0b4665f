/**
 * The reader's query, parsed here and only here: words, "exact phrases" and -excluded words or
 * phrases. Engines never see the raw text: each turns a ParsedQuery into its own syntax (FTS5 string
 * literals in lib/search/sqlite.ts), so quotes, operators, control characters, huge inputs and
 * every script are just text to look for.
 */

/** Longer queries are cut here (a reader's query is a few words; 10 KB is an attack or a paste). */
export const MAX_QUERY_CHARS = 200;
/** At most this many words and phrases are looked for; the rest are ignored (and the reader told). */
export const MAX_TERMS = 12;

export interface QueryTerm {
  /** The words of a phrase must appear together and in order; a word is a phrase of one. */
  kind: "word" | "phrase";
  /** The text as typed, cleaned of control characters and quotes. */
  text: string;
}

export interface ParsedQuery {
  /** The query as looked for, cleaned and cut (for the search box and messages). */
  text: string;
  /** Terms every result must contain. */
  include: QueryTerm[];
  /** Terms no result may contain. */
  exclude: QueryTerm[];
  /** The input was cut to MAX_QUERY_CHARS or MAX_TERMS. */
  truncated: boolean;
}

/** Does `text` hold anything a search engine indexes (a letter, a digit, a mark, a private-use character)? */
export const hasSearchableText = (text: string) => /[\p{L}\p{N}\p{M}\p{Co}]/u.test(text);

/** Control characters, the BOM and quote marks are not text to look for. */
function clean(raw: string): string {
  return raw
    .toWellFormed()
    .replace(/[\p{Cc}\u200b\ufeff\u2028\u2029]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseQuery(raw: string | undefined | null): ParsedQuery {
  let input = clean(typeof raw === "string" ? raw : "");
  let truncated = false;
  if ([...input].length > MAX_QUERY_CHARS) {
    input = [...input].slice(0, MAX_QUERY_CHARS).join("").trim();
    truncated = true;
  }
  const include: QueryTerm[] = [];
  const exclude: QueryTerm[] = [];
  let i = 0;
  while (i < input.length) {
    if (input[i] === " ") {
      i++;
      continue;
    }
    let negate = false;
    if (input[i] === "-" && i + 1 < input.length && input[i + 1] !== " ") {
      negate = true;
      i++;
    }
    let term: QueryTerm;
    if (input[i] === '"') {
      // A phrase runs to the closing quote, or to the end when the quote is never closed.
      const end = input.indexOf('"', i + 1);
      const text = input.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? input.length : end + 1;
      term = { kind: "phrase", text: text.trim() };
    } else {
      let end = input.indexOf(" ", i);
      if (end === -1) end = input.length;
      term = { kind: "word", text: input.slice(i, end).replace(/"/g, "") };
      i = end;
    }
    term.text = term.text.replace(/"/g, "").trim();
    if (!hasSearchableText(term.text)) continue;
    if (include.length + exclude.length >= MAX_TERMS) {
      truncated = true;
      break;
    }
    (negate ? exclude : include).push(term);
  }
  const show = (t: QueryTerm, neg: boolean) => `${neg ? "-" : ""}${t.kind === "phrase" ? `"${t.text}"` : t.text}`;
  return {
    text: [...include.map((t) => show(t, false)), ...exclude.map((t) => show(t, true))].join(" "),
    include,
    exclude,
    truncated,
  };
}

/** True when there is nothing to look for (an empty query, or only punctuation). */
export const isEmptyQuery = (q: ParsedQuery) => q.include.length === 0 && q.exclude.length === 0;

/**
 * The query as an FTS5 expression: every term a string literal (FTS5 tokenizes inside it, so no
 * character is an operator there), included terms ANDed, excluded ones NOTed. Undefined for a side
 * with no terms. Never built from anything but a ParsedQuery.
 */
export function toFts5(q: ParsedQuery): { match?: string; exclude?: string } {
  const literal = (t: QueryTerm) => `"${t.text.replace(/"/g, '""')}"`;
  const exclude = q.exclude.length ? q.exclude.map(literal).join(" OR ") : undefined;
  const include = q.include.length ? `(${q.include.map(literal).join(" AND ")})` : undefined;
  return { match: include && exclude ? `${include} NOT (${exclude})` : include, exclude };
}
