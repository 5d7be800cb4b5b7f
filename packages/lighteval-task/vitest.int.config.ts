import { defineConfig, mergeConfig } from "vitest/config";
// src/generated/package-version.ts comes from package.json; written here too so `npx vitest run` works on a fresh clone.
import "./scripts/write-package-version.mjs";
import { integrationConfig } from "../../vitest.shared.ts";

export default mergeConfig(integrationConfig, defineConfig({}));
