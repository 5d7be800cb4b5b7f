import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The one vitest setup every workspace package extends (`mergeConfig(shared, {...})`).
 * Unit tests: `*.test.ts`. Integration tests against real peers (Argilla, LightEval, `datasets`): `*.int.test.ts`,
 * run by the `test:int` turbo task with `vitest.int.config.ts`.
 */
/** Gives the run's temporary files a folder of their own, removed at the end (see the file). */
export const TEMP_DIR_SETUP = fileURLToPath(
  new URL("./packages/testing/src/temp-dir-global-setup.ts", import.meta.url),
);

export const unitConfig = defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: [TEMP_DIR_SETUP],
    exclude: ["**/node_modules/**", "**/dist/**", "**/*.int.test.ts"],
    // many unit tests spawn the CLI (a fresh Node process each): seconds on a quiet machine, 20 s and more on a slow,
    // loaded 2-CPU one
    testTimeout: 60_000,
  },
});

export const integrationConfig = defineConfig({
  test: {
    include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
    fileParallelism: false,
    // Brings up (or reuses) Argilla, OpenSearch, Redis and the Python eval venv once per run, and exports
    // ARGILLA_API_URL, ARGILLA_API_KEY, DOMAIN_EVAL_REVIEWER_API_KEY, DOMAIN_EVAL_PYTHON to the tests.
    globalSetup: [
      fileURLToPath(new URL("./packages/testing/src/peers-global-setup.ts", import.meta.url)),
      TEMP_DIR_SETUP,
    ],
  },
});
