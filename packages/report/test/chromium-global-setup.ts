import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

/** Finds (or, as root, installs with apt-get) Chromium once per test run and hands its path to the tests. */
export default function setup(project: TestProject): void {
  const script = fileURLToPath(new URL("../../../tools/browser/ensure-chromium.sh", import.meta.url));
  const path = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  project.provide("chromiumPath", path);
}
