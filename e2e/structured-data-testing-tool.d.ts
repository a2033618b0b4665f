// The package ships no types; these are the parts the tests use.
declare module "structured-data-testing-tool" {
  interface TestResult {
    test: string;
    error?: { message: string };
  }
  interface Result {
    passed: TestResult[];
    failed: TestResult[];
    warnings: TestResult[];
    schemas: string[];
  }
  export function structuredDataTest(input: string | Buffer, options?: { presets?: unknown[]; schemas?: string[] }): Promise<Result>;
}
declare module "structured-data-testing-tool/presets.js" {
  export const Google: unknown;
}
