import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { llamaBuildLocation } from "@domain-eval/local-model";

/**
 * This machine's own llama.cpp build (OpenMP, tuned for this CPU) that `@domain-eval/local-model` runs on when it
 * exists: cached outside the clone by `domain-eval-build-llama`. Makes it when absent and `build` is true (several
 * minutes of compiling, in a child process so the bench process loads no llama.cpp binary for it); otherwise says
 * it is missing, so a smoke run never compiles.
 *
 * @example
 * const build = await ensureLlamaBuild({ build: ctx.mode === "full", log: ctx.log });
 */
export async function ensureLlamaBuild(params: {
  build: boolean;
  log: (line: string) => void;
}): Promise<{ dir: string } | { missing: string }> {
  const location = llamaBuildLocation({});
  if (location.ready) return { dir: location.dir };
  if (!params.build) {
    return { missing: `no llama.cpp build for this machine in ${location.dir} (npm run bench makes it once)` };
  }
  const cli = join(dirname(createRequire(import.meta.url).resolve("@domain-eval/local-model")), "build-llama-cli.js");
  const log = `${location.dir}.build.log`;
  params.log(`building llama.cpp for this machine into ${location.dir} (once; several minutes; log ${log})`);
  const code = await new Promise<number>((resolve, reject) => {
    const out = createWriteStream(log, { flags: "a" });
    const child = spawn(process.execPath, [cli], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("error", reject);
    child.on("close", (exit) => resolve(exit ?? 1));
  });
  if (code !== 0) throw new Error(`domain-eval-build-llama failed (needs cmake, g++ and git; see ${log})`);
  return { dir: location.dir };
}
