import { defineConfig, mergeConfig } from "vitest/config";
import { unitConfig } from "../../vitest.shared.ts";

export default mergeConfig(unitConfig, defineConfig({}));
