import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, cpus, platform } from "node:os";
import { dirname, join } from "node:path";
import { domainEvalCacheDir } from "./embedded-models.js";
import { LocalModelError } from "./local-model-error.js";

/**
 * Which llama.cpp binary a local model runs on.
 * - `"auto"` (default): this machine's own build when {@link buildLlama} made one (restored from the cache after
 *   `npm ci`), otherwise node-llama-cpp's prebuilt binary.
 * - `"prebuilt"`: node-llama-cpp's prebuilt binary (or a build made with node-llama-cpp's own CLI), never ours.
 * - `"built"`: this machine's own build; fails with `NO_LLAMA_BUILD` when there is none.
 */
export type LlamaBinaryChoice = "auto" | "prebuilt" | "built";

/** The environment variable that sets the default {@link LlamaBinaryChoice} (`auto`, `prebuilt` or `built`). */
export const LLAMA_BINARY_ENV = "DOMAIN_EVAL_LLAMA_BINARY";

/**
 * CMake options of our build: tuned for this CPU and with OpenMP, whose threads wait for each other far more
 * cheaply than the thread pool of node-llama-cpp's prebuilt binary. They are llama.cpp's defaults; naming them also
 * gives the build its own folder in node-llama-cpp's `localBuilds`, apart from a build made with its own CLI.
 */
export const LLAMA_BUILD_CMAKE_OPTIONS: Readonly<Record<string, string>> = { GGML_NATIVE: "ON", GGML_OPENMP: "ON" };

/** Which binary a loaded model runs on, and one line saying so. */
export interface LlamaBinaryInfo {
  /** `"built"`: this machine's own build ({@link buildLlama}); `"prebuilt"`: node-llama-cpp's prebuilt binary. */
  kind: "built" | "prebuilt" | "node-llama-cpp-build";
  /** Whether llama.cpp was compiled with OpenMP (its system info says `OPENMP = 1`). */
  openmp: boolean;
  /** One line for logs, e.g. "llama.cpp: this machine's OpenMP build (~/.cache/domain-eval/llama-cpp-build-…)". */
  message: string;
}

/** Where this machine's build is cached and whether it is there. */
export interface LlamaBuildLocation {
  /** Hash of what is built: node-llama-cpp and llama.cpp versions, platform, architecture, CPU, CMake options. */
  key: string;
  /** The cache entry: `${DOMAIN_EVAL_CACHE:-~/.cache/domain-eval}/llama-cpp-build-<key>`. */
  dir: string;
  /** True when the entry holds a finished build. */
  ready: boolean;
}

/** What the cache entry records about its build (`domain-eval-build.json`). */
interface BuildRecord {
  key: string;
  /** The build's folder under node-llama-cpp's `llama/localBuilds`. */
  folderName: string;
  cmakeOptions: Record<string, string>;
  nodeLlamaCpp: string;
  llamaCpp: string;
  openmp: boolean;
}

const RECORD_FILE = "domain-eval-build.json";

/** node-llama-cpp's package folder, version and llama.cpp release, as installed next to this package. */
export function nodeLlamaCppPackage(): { root: string; version: string; llamaCppRelease: string } {
  const main = createRequire(import.meta.url).resolve("node-llama-cpp");
  const root = dirname(dirname(main)); // …/node-llama-cpp/dist/index.js → …/node-llama-cpp
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  let llamaCppRelease = "unknown";
  try {
    const release = JSON.parse(readFileSync(join(root, "llama", "binariesGithubRelease.json"), "utf8"));
    llamaCppRelease = String(release.release);
  } catch {
    // an unusual install: the version of node-llama-cpp still pins the release
  }
  return { root, version, llamaCppRelease };
}

/** The CPU's model and instruction-set flags: a build for this CPU (`GGML_NATIVE`) may not run on another one. */
function cpuIdentity(): string {
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const model = /^model name\s*:\s*(.*)$/mu.exec(info)?.[1] ?? "";
    const flags = /^(?:flags|Features)\s*:\s*(.*)$/mu.exec(info)?.[1] ?? "";
    if (model || flags) return `${model}\n${flags}`;
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? "unknown";
}

/**
 * Where this machine's llama.cpp build is cached, keyed by a hash of what is built, and whether it is there.
 *
 * @example
 * ```ts
 * const { dir, ready } = llamaBuildLocation({});
 * if (!ready) console.log(`no local llama.cpp build yet (would be cached in ${dir})`);
 * ```
 */
export function llamaBuildLocation(params: {
  /** Environment to read `DOMAIN_EVAL_CACHE` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}): LlamaBuildLocation {
  const cache = domainEvalCacheDir({ env: params.env });
  const pkg = nodeLlamaCppPackage();
  const key = createHash("sha256")
    .update(
      JSON.stringify({
        nodeLlamaCpp: pkg.version,
        llamaCpp: pkg.llamaCppRelease,
        platform: platform(),
        arch: arch(),
        cpu: cpuIdentity(),
        cmake: LLAMA_BUILD_CMAKE_OPTIONS,
      }),
    )
    .digest("hex")
    .slice(0, 12);
  const dir = join(cache, `llama-cpp-build-${key}`);
  return { key, dir, ready: existsSync(join(dir, RECORD_FILE)) };
}

async function readRecord(dir: string): Promise<BuildRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, RECORD_FILE), "utf8")) as BuildRecord;
  } catch {
    return undefined;
  }
}

/** The result of {@link restoreLlamaBuild}. */
export type RestoredLlamaBuild =
  | { restored: true; dir: string; cmakeOptions: Record<string, string>; openmp: boolean }
  | {
      restored: false;
      /** True when there is simply no build (never made); false when one exists but could not be made available. */
      missing: boolean;
      reason: string;
    };

/**
 * Makes this machine's cached build (made once by {@link buildLlama}) available to node-llama-cpp, which looks for
 * local builds only inside its own package folder (`llama/localBuilds`, emptied by every `npm ci`): copies the
 * cached build there when it is absent or from another build (about 13 MB, milliseconds). Nothing is compiled.
 *
 * @example
 * ```ts
 * const restored = await restoreLlamaBuild({});
 * if (!restored.restored) console.log(restored.reason);
 * ```
 */
export async function restoreLlamaBuild(params: { env?: NodeJS.ProcessEnv }): Promise<RestoredLlamaBuild> {
  const location = llamaBuildLocation(params);
  const record = location.ready ? await readRecord(location.dir) : undefined;
  if (!record) {
    return {
      restored: false,
      missing: true,
      reason: `there is no llama.cpp build for this machine in ${location.dir}`,
    };
  }
  const localBuilds = join(nodeLlamaCppPackage().root, "llama", "localBuilds");
  const target = join(localBuilds, record.folderName);
  const installed = await readRecord(target);
  if (installed?.key !== record.key || !existsSync(join(target, "buildDone.status"))) {
    const work = join(localBuilds, `.${record.folderName}.restoring-${process.pid}`);
    try {
      await mkdir(localBuilds, { recursive: true });
      await rm(work, { recursive: true, force: true });
      await cp(join(location.dir, record.folderName), work, { recursive: true });
      await writeFile(join(work, RECORD_FILE), JSON.stringify(record));
      await rm(target, { recursive: true, force: true });
      await rename(work, target);
    } catch (error) {
      await rm(work, { recursive: true, force: true }).catch(() => undefined);
      // Another process may have restored it meanwhile.
      if ((await readRecord(target))?.key !== record.key) {
        return {
          restored: false,
          missing: false,
          reason: `the local llama.cpp build in ${location.dir} could not be copied into ${localBuilds} (${(error as Error).message})`,
        };
      }
    }
  }
  return { restored: true, dir: location.dir, cmakeOptions: record.cmakeOptions, openmp: record.openmp };
}

/** The result of {@link buildLlama}. */
export interface LlamaBuildResult {
  /** The cache entry holding the build. */
  dir: string;
  /** False when the build was already cached (and only restored). */
  built: boolean;
  /** Whether llama.cpp was compiled with OpenMP. */
  openmp: boolean;
  /** Seconds spent. */
  seconds: number;
}

/**
 * Compiles llama.cpp for this machine (CPU only, tuned for this CPU, with OpenMP) from the source node-llama-cpp's
 * npm package carries (no network needed when cmake, a C++ compiler and git are installed), and caches the result
 * outside the clone in `${DOMAIN_EVAL_CACHE:-~/.cache/domain-eval}/llama-cpp-build-<hash>`, so `npm ci` does not
 * lose it. Takes minutes; an explicit opt-in (`npx --no domain-eval-build-llama`), never run at install or in tests.
 * When the build is already cached, only restores it. Local models then use it (`llamaBinary: "auto"`).
 *
 * @throws LocalModelError `LLAMA_BUILD_FAILED` naming what is missing.
 * @example
 * ```ts
 * const { dir, built, openmp } = await buildLlama({ log: console.error });
 * ```
 */
export async function buildLlama(params: {
  /** Progress lines (default: none). node-llama-cpp's compiler output goes to standard error. */
  log?: (line: string) => void;
  /** Compile again even when a build is cached. */
  force?: boolean;
  /** Environment to read `DOMAIN_EVAL_CACHE` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}): Promise<LlamaBuildResult> {
  const log = params.log ?? (() => undefined);
  const started = performance.now();
  const location = llamaBuildLocation({ env: params.env });
  if (location.ready && !params.force) {
    const restored = await restoreLlamaBuild({ env: params.env });
    if (restored.restored) {
      log(`llama.cpp build already cached in ${location.dir}`);
      return { dir: location.dir, built: false, openmp: restored.openmp, seconds: elapsed(started) };
    }
  }
  const pkg = nodeLlamaCppPackage();
  log(`compiling llama.cpp ${pkg.llamaCppRelease} (node-llama-cpp ${pkg.version}) for this CPU with OpenMP; minutes`);
  const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
  let systemInfo: string;
  try {
    const llama = await getLlama({
      gpu: false,
      build: "forceRebuild",
      cmakeOptions: { ...LLAMA_BUILD_CMAKE_OPTIONS },
      progressLogs: "stderr",
      logLevel: LlamaLogLevel.error,
    });
    systemInfo = llama.systemInfo;
    const buildType = llama.buildType;
    await llama.dispose();
    if (buildType !== "localBuild") throw new Error(`node-llama-cpp loaded a ${buildType} binary, not the build`);
  } catch (error) {
    throw new LocalModelError({
      code: "LLAMA_BUILD_FAILED",
      modelFile: "",
      message: `compiling llama.cpp failed (${(error as Error).message.split("\n")[0]}): install cmake, a C++ compiler (g++ or clang) and git, then run \`npx --no domain-eval-build-llama\` again; local models keep using the prebuilt binary meanwhile`,
      cause: error,
    });
  }
  const localBuilds = join(pkg.root, "llama", "localBuilds");
  const folderName = await findBuildFolder(localBuilds);
  const record: BuildRecord = {
    key: location.key,
    folderName,
    cmakeOptions: { ...LLAMA_BUILD_CMAKE_OPTIONS },
    nodeLlamaCpp: pkg.version,
    llamaCpp: pkg.llamaCppRelease,
    openmp: /\bOPENMP = 1\b/u.test(systemInfo),
  };
  const work = `${location.dir}.building-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  try {
    await mkdir(join(work, folderName), { recursive: true });
    await cp(join(localBuilds, folderName, "Release"), join(work, folderName, "Release"), { recursive: true });
    await writeFile(join(work, folderName, "buildDone.status"), "");
    await writeFile(join(work, RECORD_FILE), JSON.stringify(record, null, 2));
    await writeFile(join(localBuilds, folderName, RECORD_FILE), JSON.stringify(record));
    await rm(location.dir, { recursive: true, force: true });
    await rename(work, location.dir);
  } catch (error) {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
    throw new LocalModelError({
      code: "LLAMA_BUILD_FAILED",
      modelFile: "",
      message: `llama.cpp compiled, but caching it in ${location.dir} failed (${(error as Error).message}): make that folder writable or set DOMAIN_EVAL_CACHE, then run \`npx --no domain-eval-build-llama\` again`,
      cause: error,
    });
  }
  log(`llama.cpp build cached in ${location.dir}${record.openmp ? "" : " (without OpenMP: the compiler has none)"}`);
  return { dir: location.dir, built: true, openmp: record.openmp, seconds: elapsed(started) };
}

/** The newest CPU build in `localBuilds` made with our CMake options. */
async function findBuildFolder(localBuilds: string): Promise<string> {
  let best: { name: string; time: number } | undefined;
  for (const name of await readdir(localBuilds)) {
    try {
      const metadata = JSON.parse(await readFile(join(localBuilds, name, "Release", "_nlcBuildMetadata.json"), "utf8"));
      const options = metadata?.buildOptions;
      if (options?.gpu !== false || options?.arch !== arch()) continue;
      if (!sameOptions(options.customCmakeOptions ?? {}, LLAMA_BUILD_CMAKE_OPTIONS)) continue;
      const time = (await stat(join(localBuilds, name, "buildDone.status"))).mtimeMs;
      if (!best || time > best.time) best = { name, time };
    } catch {
      // not a finished build
    }
  }
  if (!best) throw new Error(`the finished build was not found in ${localBuilds}`);
  return best.name;
}

function sameOptions(a: Record<string, string>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((key) => a[key] === b[key]);
}

function elapsed(started: number): number {
  return (performance.now() - started) / 1000;
}

/**
 * The binary choice from `llamaBinary` or, when not given, `DOMAIN_EVAL_LLAMA_BINARY`; default `"auto"`.
 *
 * @throws TypeError naming the accepted values.
 * @example
 * ```ts
 * llamaBinaryChoice({ env: { DOMAIN_EVAL_LLAMA_BINARY: "prebuilt" } }); // "prebuilt"
 * ```
 */
export function llamaBinaryChoice(params: { choice?: string; env?: NodeJS.ProcessEnv }): LlamaBinaryChoice {
  const fromEnv = (params.env ?? process.env)[LLAMA_BINARY_ENV];
  const value = params.choice ?? (fromEnv === "" ? undefined : fromEnv) ?? "auto";
  if (value === "auto" || value === "prebuilt" || value === "built") return value;
  const source = params.choice === undefined ? `${LLAMA_BINARY_ENV}=${value}` : `llamaBinary "${value}"`;
  throw new TypeError(`${source} is not a llama.cpp binary choice: use auto, prebuilt or built`);
}
