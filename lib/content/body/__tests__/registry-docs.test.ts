/** The editors' guide and the component registry say the same thing (docs/authoring.md, "Components"). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BODY_COMPONENTS, BODY_COMPONENT_NAMES, BODY_HTML } from "../components";
import { parseBody } from "../parse";

const guide = fs.readFileSync(path.join(process.cwd(), "docs/authoring.md"), "utf8");
const section = (heading: string) => {
  const start = guide.indexOf(`### ${heading}\n`);
  expect(start, `docs/authoring.md has a "### ${heading}" section`).toBeGreaterThan(-1);
  const end = guide.indexOf("\n#", start + 4);
  return guide.slice(start, end);
};

describe("docs/authoring.md and the component registry", () => {
  const components = section("Components");

  it.each(BODY_COMPONENT_NAMES)("documents <%s>: summary, every attribute and the example", (name) => {
    const spec = BODY_COMPONENTS[name];
    expect(components).toContain(`**\`<${name}>\`**: ${spec.summary}`);
    for (const attr of Object.keys(spec.props.shape)) expect(components).toContain(`\`${attr}\``);
    if (spec.notes) expect(components).toContain(spec.notes);
    expect(components).toContain("```mdx\n" + spec.example + "\n```");
  });

  it("documents no component the registry does not have", () => {
    const documented = [...components.matchAll(/\*\*`<([A-Za-z]+)>`\*\*/g)].map((m) => m[1]).sort();
    expect(documented).toEqual([...BODY_COMPONENT_NAMES].sort());
    expect(components).toContain(`${["Three", "Four", "Five"][BODY_COMPONENT_NAMES.length - 3]} components are available`);
  });

  it.each(BODY_COMPONENT_NAMES)("the documented example of <%s> passes the check", async (name) => {
    const { issues } = await parseBody(`Intro.\n\n${BODY_COMPONENTS[name].example}\n`, { file: "example.mdx" });
    expect(issues).toEqual([]);
  });

  it("lists exactly the inline HTML the check allows", () => {
    const html = section("Inline HTML");
    const documented = new Set([...html.matchAll(/`<([a-z]+)[ />`]/g)].map((m) => m[1]));
    expect([...documented].sort()).toEqual(Object.keys(BODY_HTML).sort());
  });
});
