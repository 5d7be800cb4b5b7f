import { fileURLToPath } from "node:url";

/**
 * Absolute path of the sample documents shipped with this package (fictional statutes), for demos and tests:
 * `domain-eval generate --domain legal --docs <legalSamplesDir>`.
 *
 * @example
 * import { readdir } from "node:fs/promises";
 * const files = await readdir(legalSamplesDir); // ["varnia-residential-tenancies-act-2022.md", ...]
 */
export const legalSamplesDir: string = fileURLToPath(new URL("../samples/", import.meta.url));
