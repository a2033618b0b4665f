import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Links are plain <a> from the server (issue 14): no client component, nothing prefetched. One wrapper decides that.
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: 'Import Link from "@/components/ui/Link": a plain <a>, no client JavaScript and no prefetching.',
            },
          ],
        },
      ],
    },
  },
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
