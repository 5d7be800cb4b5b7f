import { defineConfig, mergeConfig } from "vitest/config";
import { integrationConfig, TEMP_DIR_SETUP } from "../../vitest.shared.ts";

// These tests need only the Python eval venv (found by evalPython()), not Argilla, OpenSearch or Redis: leave out the
// shared peers global setup so they run in seconds, and offline.
const { globalSetup: _peers, ...test } = integrationConfig.test ?? {};

export default mergeConfig(
  { ...integrationConfig, test: { ...test, globalSetup: [TEMP_DIR_SETUP] } },
  defineConfig({}),
);
