import { fileURLToPath } from "node:url";

/**
 * Absolute path of the sample documents shipped with this package (a fictional hospital guideline and teaching
 * vignettes), for demos and tests: `domain-eval generate --domain medical --docs <medicalSamplesDir>`.
 *
 * @example
 * import { readdir } from "node:fs/promises";
 * const files = await readdir(medicalSamplesDir); // ["anaphylaxis-vignettes.md", ...]
 */
export const medicalSamplesDir: string = fileURLToPath(new URL("../samples/", import.meta.url));
