import { describe, expect, it } from "vitest";
import { isPublic } from "../visibility";

const now = new Date("2026-11-25T12:00:00.000Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("isPublic", () => {
  it("is true for a published story from the past", () => {
    expect(isPublic({ status: "published", publishedAt: at(-86_400_000) }, now)).toBe(true);
  });

  it("is true at exactly its publishing time", () => {
    expect(isPublic({ status: "published", publishedAt: new Date(now) }, now)).toBe(true);
  });

  it("is false one millisecond before its publishing time", () => {
    expect(isPublic({ status: "published", publishedAt: at(1) }, now)).toBe(false);
    expect(isPublic({ status: "published", publishedAt: at(1) }, at(1))).toBe(true);
  });

  it("is false for a scheduled story", () => {
    expect(isPublic({ status: "published", publishedAt: at(3_600_000) }, now)).toBe(false);
  });

  it("is never true for a draft, whatever its date", () => {
    expect(isPublic({ status: "draft", publishedAt: at(-86_400_000) }, now)).toBe(false);
    expect(isPublic({ status: "draft", publishedAt: new Date(now) }, now)).toBe(false);
    expect(isPublic({ status: "draft", publishedAt: at(86_400_000) }, now)).toBe(false);
  });

  it("compares instants, not wall-clock text in different offsets", () => {
    const publishedAt = new Date("2026-11-25T14:00:00+02:00"); // 12:00 UTC
    expect(isPublic({ status: "published", publishedAt }, now)).toBe(true);
    expect(isPublic({ status: "published", publishedAt }, at(-1))).toBe(false);
  });
});
