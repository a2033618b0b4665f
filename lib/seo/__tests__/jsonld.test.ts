import { describe, expect, it } from "vitest";
import { absoluteUrl } from "../../routes";
import { homeJsonLd, serializeJsonLd } from "../jsonld";

describe("serializeJsonLd", () => {
  it("cannot be broken out of by text inside it", () => {
    const out = serializeJsonLd({ headline: "Bad </script><script>alert(1)</script> \u2028 line" });
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain("\u2028");
    expect(JSON.parse(out).headline).toBe("Bad </script><script>alert(1)</script> \u2028 line");
  });
});

describe("homeJsonLd", () => {
  it("gives the WebSite a SearchAction into the search page", () => {
    const [website] = homeJsonLd({ name: "The Ledger", tagline: "News", language: "en-GB", timeZone: "Europe/London", social: [] });
    const action = (website as unknown as { potentialAction: { target: { urlTemplate: string }; "query-input": string } }).potentialAction;
    expect(action.target.urlTemplate).toBe(`${absoluteUrl("/search")}?q={search_term_string}`);
    expect(action["query-input"]).toBe("required name=search_term_string");
  });
});
