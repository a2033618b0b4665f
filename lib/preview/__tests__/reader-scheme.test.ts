import { describe, expect, it } from "vitest";
import { readerSchemeConfig, readerUsesHttps } from "../reader-scheme";
import { secretFormPage } from "../secret-form";

describe("the reader's scheme (the preview cookie's Secure flag)", () => {
  const behindNginx = { trustProxy: true, siteUrl: "http://127.0.0.1:8080" };
  const onItsOwn = { trustProxy: false, siteUrl: "http://127.0.0.1:3100" };

  it("trusts X-Forwarded-Proto only when configured to sit behind the proxy that sets it", () => {
    expect(readerUsesHttps("https", behindNginx)).toBe(true);
    expect(readerUsesHttps("http", behindNginx)).toBe(false);
    expect(readerUsesHttps(null, behindNginx)).toBe(false);
    // Anyone can send the header to a server that is not behind the proxy: it counts for nothing.
    expect(readerUsesHttps("https", onItsOwn)).toBe(false);
  });

  it("takes only the one value a single proxy sets", () => {
    expect(readerUsesHttps("https, http", behindNginx)).toBe(false);
    expect(readerUsesHttps("HTTPS", behindNginx)).toBe(true);
  });

  it("an https public origin is always read over https", () => {
    expect(readerUsesHttps(null, { trustProxy: false, siteUrl: "https://www.meridianledger.example" })).toBe(true);
    expect(readerUsesHttps("http", { trustProxy: true, siteUrl: "https://www.meridianledger.example" })).toBe(true);
  });

  it("reads its configuration from the environment", () => {
    expect(readerSchemeConfig({ LEDGER_TRUST_PROXY: "1", SITE_URL: "https://x.example" })).toEqual({
      trustProxy: true,
      siteUrl: "https://x.example",
    });
    expect(readerSchemeConfig({ LEDGER_TRUST_PROXY: "yes" })).toEqual({ trustProxy: false, siteUrl: "" });
  });
});

describe("the editors' secret form", () => {
  it("posts the secret in the body, to the same origin, with the slug filled in", () => {
    const html = secretFormPage("old-orlen-bridge-reopens");
    expect(html).toContain('<form method="post" action="/api/preview">');
    expect(html).toMatch(/<input id="secret" name="secret" type="password"/);
    expect(html).toContain('value="old-orlen-bridge-reopens"');
    expect(html).toMatch(/<label for="secret">/);
    expect(html).not.toMatch(/<script/i);
  });

  it("escapes what it is given", () => {
    expect(secretFormPage('"><script>x</script>')).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});
