#!/usr/bin/env node
// `npx --no domain-eval-build-llama [--force]`: compiles llama.cpp for this machine (CPU, OpenMP) once and caches it
// outside the clone; local models then use it. See buildLlama in llama-build.ts.
import { parseArgs } from "node:util";
import { buildLlama, llamaBuildLocation } from "./llama-build.js";
import { LocalModelError } from "./local-model-error.js";

const USAGE = `usage: domain-eval-build-llama [--force] [--where]

Compiles llama.cpp for this machine's CPU with OpenMP (needs cmake, a C++ compiler and git; several minutes) from the
source node-llama-cpp ships, and caches it in \${DOMAIN_EVAL_CACHE:-~/.cache/domain-eval}/llama-cpp-build-<hash>.
@domain-eval/local-model then runs on it (llamaBinary "auto", the default). Run again after npm ci: it only
restores the cached build then.

  --force  compile again even when a build is cached
  --where  print the cache folder and whether a build is there, and exit`;

try {
  const { values } = parseArgs({
    options: { force: { type: "boolean" }, where: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
  } else if (values.where) {
    const { dir, ready } = llamaBuildLocation({});
    console.log(`${dir} ${ready ? "(built)" : "(no build yet)"}`);
  } else {
    const result = await buildLlama({ force: values.force, log: (line) => console.error(line) });
    console.log(
      `${result.built ? "built" : "restored"} llama.cpp${result.openmp ? " with OpenMP" : " (no OpenMP)"} in ${result.seconds.toFixed(0)} s: ${result.dir}`,
    );
  }
} catch (error) {
  if (error instanceof LocalModelError || error instanceof TypeError) {
    console.error(`domain-eval-build-llama: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
