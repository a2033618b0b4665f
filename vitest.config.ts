import path from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { defineConfig, type Plugin } from "vitest/config";

/** Author bios are MDX modules, as next.config.ts compiles them, so component tests render the real ones. */
const mdx: Plugin = {
  name: "mdx",
  async transform(source, id) {
    if (!id.endsWith(".mdx")) return null;
    const compiled = await compile(source, { remarkPlugins: [[remarkFrontmatter, ["yaml"]], remarkGfm], jsx: false });
    return { code: String(compiled), map: null };
  },
};

/** The sample news, indexed afresh for each run (vitest.setup-index.ts); tests read it as the site does. */
const UNIT_INDEX = path.resolve(__dirname, ".e2e-tmp", "unit-index.sqlite");
process.env.LEDGER_INDEX = UNIT_INDEX;

export default defineConfig({
  plugins: [mdx],
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.tsx", "ops/**/*.test.ts"],
    exclude: ["**/node_modules/**", ".e2e-tmp/**", "bench/.tmp/**"],
    environment: "node",
    globalSetup: ["vitest.setup-index.ts"],
    env: { LEDGER_INDEX: UNIT_INDEX },
  },
});
