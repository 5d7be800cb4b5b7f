import { defineConfig } from "vitest/config";

/**
 * The one vitest setup every workspace package extends (`mergeConfig(shared, {...})`).
 * Unit tests: `*.test.ts`. Integration tests against real peers (Argilla, LightEval, `datasets`): `*.int.test.ts`,
 * run by the `test:int` turbo task with `vitest.int.config.ts`.
 */
export const unitConfig = defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/*.int.test.ts"],
    testTimeout: 20_000,
  },
});

export const integrationConfig = defineConfig({
  test: {
    include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
  },
});
