import { fileURLToPath } from "node:url";

/**
 * Absolute path of the sample documents shipped with this package, for demos and tests:
 * `domain-eval generate --domain __DOMAIN_ID__ --docs <__DOMAIN_CAMEL__SamplesDir>`.
 *
 * @example
 * import { readdir } from "node:fs/promises";
 * const files = await readdir(__DOMAIN_CAMEL__SamplesDir);
 */
export const __DOMAIN_CAMEL__SamplesDir: string = fileURLToPath(new URL("../samples/", import.meta.url));
