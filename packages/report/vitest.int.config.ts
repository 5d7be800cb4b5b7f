import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEMP_DIR_SETUP } from "../../vitest.shared.ts";

// The browser tests need Chromium only, not the shared peers (Argilla, OpenSearch, the eval venv) that
// vitest.shared.ts's integrationConfig brings up: this config ensures nothing but the browser
// (tools/browser/ensure-chromium.sh: apt-get install when missing and root).
export default defineConfig({
  test: {
    include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    globalSetup: [fileURLToPath(new URL("./test/chromium-global-setup.ts", import.meta.url)), TEMP_DIR_SETUP],
  },
});
