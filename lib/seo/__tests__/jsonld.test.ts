import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "../jsonld";

describe("serializeJsonLd", () => {
  it("cannot be broken out of by text inside it", () => {
    const out = serializeJsonLd({ headline: "Bad </script><script>alert(1)</script> \u2028 line" });
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain("\u2028");
    expect(JSON.parse(out).headline).toBe("Bad </script><script>alert(1)</script> \u2028 line");
  });
});
