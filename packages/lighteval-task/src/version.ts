/**
 * This package's version as published (from package.json, written at build time by
 * `scripts/write-package-version.mjs`), recorded in the header of every generated file.
 *
 * @example
 * import { PACKAGE_VERSION } from "@domain-eval/lighteval-task";
 * console.log(PACKAGE_VERSION); // "0.1.0"
 */
export { PACKAGE_VERSION } from "./generated/package-version.js";
