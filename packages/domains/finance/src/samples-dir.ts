import { fileURLToPath } from "node:url";

/**
 * Absolute path of the sample documents shipped with this package (fictional results announcements), for demos and
 * tests: `domain-eval generate --domain finance --docs <financeSamplesDir>`.
 *
 * @example
 * import { readdir } from "node:fs/promises";
 * const files = await readdir(financeSamplesDir); // ["harbourline-annual-results-2024.md", ...]
 */
export const financeSamplesDir: string = fileURLToPath(new URL("../samples/", import.meta.url));
