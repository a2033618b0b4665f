import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: { include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.tsx"], exclude: ["**/node_modules/**", ".e2e-tmp/**", "bench/.tmp/**"], environment: "node" },
});
