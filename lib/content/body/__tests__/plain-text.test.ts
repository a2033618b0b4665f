import { describe, expect, it } from "vitest";
import { parseBody } from "../parse";
import { treeToPlainText } from "../plain-text";

const plain = async (source: string) => treeToPlainText((await parseBody(source, { file: "x.mdx" })).tree);

describe("treeToPlainText", () => {
  it("gives the text of Markdown, one block to a line, without markup", async () => {
    const text = await plain("---\ntitle: x\n---\n## A heading\n\nSome *emphasis* and a [link](https://example.com), H<sub>2</sub>O.\n\n- one\n- two\n\n> A quote\n");
    expect(text).toBe("A heading\nSome emphasis and a link, H2O.\none\ntwo\nA quote");
  });

  it("takes each registered component's text from the registry's renderer", async () => {
    const text = await plain(
      'Before.\n\n<ImageCaption src="/images/a.jpg" alt="An otter." caption="An otter at dawn." credit="Photo by A. Reis" />\n\n<More slug="other-story" />\n\n<SocialPost author="Elin Maravik" handle="@elin.example" href="https://example.com/p/1">\nTwo mothers, three cubs.\n</SocialPost>\n',
    );
    expect(text).toBe("Before.\nAn otter at dawn. (Photo by A. Reis)\nTwo mothers, three cubs. — Elin Maravik (@elin.example)");
  });

  it("leaves out footnote back-references and keeps footnote text", async () => {
    const text = await plain("A claim.[^1]\n\n[^1]: The source.\n");
    expect(text).toContain("The source.");
    expect(text).not.toContain("↩");
  });
});
