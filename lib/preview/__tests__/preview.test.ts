import { describe, expect, it } from "vitest";
import { safeLocalPath } from "../safe-path";
import { createToken, parseDuration, safeEqual, verifyToken } from "../token";

const SECRET = "unit-test-secret-0123456789";
const now = new Date("2026-11-25T12:00:00Z");
const later = new Date("2026-11-27T12:00:00Z");

describe("preview tokens", () => {
  it("verifies its own token for the story and until the expiry", () => {
    const token = createToken("my-story", later, SECRET);
    expect(verifyToken(token, now, SECRET)).toEqual({ scope: "my-story", expiresAt: later });
    expect(verifyToken(token, new Date(later.getTime() - 1), SECRET)).not.toBeNull();
    expect(verifyToken(token, later, SECRET)).toBeNull();
  });

  it("rejects tampering with any part, another key, and junk", () => {
    const [slug, exp, sig] = createToken("my-story", later, SECRET).split(".");
    expect(verifyToken(`other-story.${exp}.${sig}`, now, SECRET)).toBeNull();
    expect(verifyToken(`${slug}.${Number(exp) + 1}.${sig}`, now, SECRET)).toBeNull();
    expect(verifyToken(`${slug}.${exp}.${sig.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`, now, SECRET)).toBeNull();
    expect(verifyToken(createToken("my-story", later, "another-secret-0123456789"), now, SECRET)).toBeNull();
    for (const junk of ["", "a.b", "a.b.c.d", "../x.1.y", `*.${"9".repeat(40)}.x`, "x".repeat(1000)]) {
      expect(verifyToken(junk, now, SECRET)).toBeNull();
    }
    expect(verifyToken(createToken("my-story", later, SECRET), now, undefined)).toBeNull();
  });

  it("compares in constant time without throwing on different lengths", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });

  it("parses durations", () => {
    expect(parseDuration("48h")).toBe(48 * 3_600_000);
    expect(parseDuration("90m")).toBe(90 * 60_000);
    expect(parseDuration("7d")).toBe(7 * 86_400_000);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration("-1h")).toBeUndefined();
  });
});

describe("safeLocalPath", () => {
  it("keeps paths on this site", () => {
    expect(safeLocalPath("/sections/world")).toBe("/sections/world");
    expect(safeLocalPath("/articles/x?y=1")).toBe("/articles/x?y=1");
  });
  it("turns anything that could leave the site into /", () => {
    for (const bad of [
      null,
      "",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "evil",
      "/a b",
      "/\u0000x",
    ]) {
      expect(safeLocalPath(bad)).toBe("/");
    }
  });
});
