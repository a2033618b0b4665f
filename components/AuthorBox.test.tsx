/** "About the author(s)": a region named by its heading, each author's photo, linked name, role, real bio and accounts. */
import { describe, expect, it } from "vitest";
import { author, renderDomAsync } from "./sample-props";
import { AuthorBox } from "./AuthorBox";

/** The text a screen reader announces: what is not aria-hidden (the network's icon is). */
function accessibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent ?? "";
}

describe("AuthorBox", () => {
  it("is a section labelled 'About the author' with the author's linked name, role and bio", async () => {
    const box = (await renderDomAsync(<AuthorBox authors={[author()]} />)).querySelector("section")!;
    expect(box.querySelector(`#${box.getAttribute("aria-labelledby")}`)?.textContent).toBe("About the author");
    const name = box.querySelector(".author-profile h3 > a");
    expect([name?.textContent, name?.getAttribute("href")]).toEqual(["Mara Okafor", "/authors/mara-okafor"]);
    expect(box.textContent).toContain("Defence correspondent");
    // The bio is the author's own MDX file, frontmatter left out.
    expect(box.querySelector(".author-bio p")?.textContent).toMatch(/^Mara Okafor is the Meridian Ledger's defence correspondent/);
    expect(box.querySelector(".author-bio")?.textContent).not.toContain("role:");
  });

  it("links each account with the network and the author in its accessible name", async () => {
    const box = await renderDomAsync(
      <AuthorBox authors={[author({ links: { bluesky: "https://bsky.app/profile/mara.example", email: "mara@ledger.example" } })]} />,
    );
    const accounts = [...box.querySelectorAll(".author-profile li > a")].map((a) => [
      accessibleText(a),
      a.getAttribute("href"),
      a.getAttribute("rel"),
    ]);
    expect(accounts).toEqual([
      ["Bluesky of Mara Okafor", "https://bsky.app/profile/mara.example", "me noopener"],
      ["Email of Mara Okafor", "mailto:mara@ledger.example", null],
    ]);
  });

  it("says 'About the authors' for two, one profile each", async () => {
    const box = await renderDomAsync(
      <AuthorBox authors={[author(), author({ id: "tomas-brenner", name: "Tomas Brenner", role: "Reporter" })]} />,
    );
    expect(box.querySelector("h2")?.textContent).toBe("About the authors");
    expect([...box.querySelectorAll(".author-profile h3")].map((h) => h.textContent)).toEqual(["Mara Okafor", "Tomas Brenner"]);
  });
});
