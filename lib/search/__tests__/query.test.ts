import { describe, expect, it } from "vitest";
import { isEmptyQuery, MAX_QUERY_CHARS, MAX_TERMS, parseQuery, toFts5 } from "../query";

describe("parseQuery", () => {
  it("reads words, phrases and excluded words", () => {
    const q = parseQuery('ferry  "Port Alder" -strike -"night bus"');
    expect(q.include).toEqual([
      { kind: "word", text: "ferry" },
      { kind: "phrase", text: "Port Alder" },
    ]);
    expect(q.exclude).toEqual([
      { kind: "word", text: "strike" },
      { kind: "phrase", text: "night bus" },
    ]);
    expect(q.text).toBe('ferry "Port Alder" -strike -"night bus"');
    expect(q.truncated).toBe(false);
  });

  it("runs an unclosed quote to the end, and drops stray quotes inside words", () => {
    expect(parseQuery('otters "safe crossings').include).toEqual([
      { kind: "word", text: "otters" },
      { kind: "phrase", text: "safe crossings" },
    ]);
    expect(parseQuery('fer"ry').include).toEqual([{ kind: "word", text: "ferry" }]);
  });

  it("keeps hyphens inside words and a lone minus is nothing", () => {
    expect(parseQuery("all-night - debate").include).toEqual([
      { kind: "word", text: "all-night" },
      { kind: "word", text: "debate" },
    ]);
  });

  it("treats operators and SQL as words to look for", () => {
    const q = parseQuery("a OR b NEAR(c) * ^d '; DROP TABLE search_docs; --");
    expect(q.include.map((t) => t.text)).toEqual(["a", "OR", "b", "NEAR(c)", "^d", "DROP", "TABLE", "search_docs;"]);
    expect(toFts5(q).match).toBe('("a" AND "OR" AND "b" AND "NEAR(c)" AND "^d" AND "DROP" AND "TABLE" AND "search_docs;")');
  });

  it("removes control characters and NUL, and ignores terms with nothing searchable", () => {
    const q = parseQuery("\u0000ferry\u0007 \u0001\u0002 ... --- !!");
    expect(q.include).toEqual([{ kind: "word", text: "ferry" }]);
    expect(isEmptyQuery(parseQuery('   "" - -- ?! '))).toBe(true);
    expect(isEmptyQuery(parseQuery(undefined))).toBe(true);
  });

  it("cuts huge queries and too many terms, and says so", () => {
    const huge = parseQuery("otter ".repeat(2000));
    expect(huge.truncated).toBe(true);
    expect(huge.include.length).toBeLessThanOrEqual(MAX_TERMS);
    const long = parseQuery("x".repeat(10_000));
    expect(long.truncated).toBe(true);
    expect([...long.include[0].text].length).toBe(MAX_QUERY_CHARS);
  });

  it("keeps every script, and survives lone surrogates", () => {
    for (const text of ["東京", "Москва", "القاهرة", "नई दिल्ली", "ᓄᓇᕗᑦ", "🙂 emoji", "Tomáš"]) {
      expect(parseQuery(text).include.length).toBeGreaterThan(0);
    }
    expect(() => parseQuery("\ud800ferry\udfff")).not.toThrow();
  });

  it("escapes quotes as FTS5 string literals", () => {
    const q = parseQuery('-x "a b');
    expect(toFts5(q)).toEqual({ match: '("a b") NOT ("x")', exclude: '"x"' });
    expect(toFts5(parseQuery("-x -y"))).toEqual({ match: undefined, exclude: '"x" OR "y"' });
  });
});
