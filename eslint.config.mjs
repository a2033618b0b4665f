import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Links must not prefetch because they scrolled into view (issue 14): one wrapper decides that.
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: 'Import Link from "@/components/ui/Link": it turns off prefetching of in-view links.' }] },
      ],
    },
  },
  { files: ["components/ui/Link.tsx"], rules: { "no-restricted-imports": "off" } },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "bench/.tmp/**",
    ".e2e-tmp/**",
    "next-env.d.ts",
  ]),
]);
