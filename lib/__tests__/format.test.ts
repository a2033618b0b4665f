import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatUpdateTime } from "../format";

describe("date formatting (formatters kept per style, locale and time zone)", () => {
  const late = new Date("2026-03-01T23:30:00Z");
  it("formats each call in its own time zone and locale, however many came before", () => {
    expect(formatDate(late, "UTC")).toBe("1 Mar 2026");
    expect(formatDate(late, "Asia/Tokyo")).toBe("2 Mar 2026");
    expect(formatDate(late, "UTC")).toBe("1 Mar 2026");
    expect(formatDate(late, "UTC", "en-US")).toBe("Mar 1, 2026");
    expect(formatDateTime(late, "UTC")).toBe("1 March 2026 at 23:30 UTC");
    expect(formatDateTime(late, "Asia/Tokyo")).toBe("2 March 2026 at 08:30 GMT+9");
  });
  it("gives a live update's time alone on the same newsroom day, with the date otherwise", () => {
    expect(formatUpdateTime(late, new Date("2026-03-01T23:59:00Z"), "UTC")).toBe("23:30 UTC");
    expect(formatUpdateTime(late, new Date("2026-03-01T23:59:00Z"), "Asia/Tokyo")).toBe("08:30 GMT+9");
    expect(formatUpdateTime(late, new Date("2026-03-02T10:00:00Z"), "UTC")).toBe("1 Mar 2026, 23:30 UTC");
  });
});
