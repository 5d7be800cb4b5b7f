import { defineConfig, mergeConfig } from "vitest/config";
import { integrationConfig } from "../../vitest.shared.ts";

export default mergeConfig(integrationConfig, defineConfig({}));
