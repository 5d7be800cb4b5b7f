import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { EMBEDDED_MODELS, type EmbeddedModelName } from "@domain-eval/local-model/embedded-models";

/** A model to evaluate, as understood from its spec string. */
export type ModelSpec =
  /** One of the real models `@domain-eval/local-model` fetches from PyPI (`smollm2-135m-instruct`, `gemma-3-270m`). */
  | { kind: "embedded"; spec: string; name: EmbeddedModelName }
  /** A local GGUF file: converted once to a transformers folder in the cache, keyed by its sha256. */
  | { kind: "gguf"; spec: string; path: string }
  /** A local transformers model folder (config.json, weights, tokenizer). */
  | { kind: "folder"; spec: string; path: string }
  /** A Hugging Face model id, loaded by transformers. */
  | { kind: "hub"; spec: string; id: string }
  /** An OpenAI-compatible endpoint: `endpoint:MODEL@BASE_URL`, scored from the letter the model writes. */
  | { kind: "endpoint"; spec: string; model: string; baseUrl: string };

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/u;

/**
 * Reads a model spec: an embedded model name, a `.gguf` file, a model folder, `endpoint:MODEL@BASE_URL`, or a
 * Hugging Face model id `owner/name`. Returns a problem (one line with the fix) instead of throwing, because one bad
 * spec fails that model only.
 *
 * @example
 * parseModelSpec({ spec: "endpoint:qwen2.5-7b@http://127.0.0.1:8000/v1" });
 * // { spec: { kind: "endpoint", model: "qwen2.5-7b", baseUrl: "http://127.0.0.1:8000/v1", … } }
 */
export function parseModelSpec(params: { spec: string }): { spec: ModelSpec } | { problem: string } {
  const spec = params.spec.trim();
  if (spec in EMBEDDED_MODELS) return { spec: { kind: "embedded", spec, name: spec as EmbeddedModelName } };
  if (spec.startsWith("endpoint:")) {
    const rest = spec.slice("endpoint:".length);
    const at = rest.indexOf("@");
    const model = rest.slice(0, at);
    const baseUrl = rest.slice(at + 1);
    if (at <= 0 || !/^https?:\/\/[^\s,]+$/u.test(baseUrl) || /[\s,=]/u.test(model)) {
      return {
        problem: `model spec "${spec}" is not an endpoint spec: use endpoint:MODEL@BASE_URL, e.g. endpoint:qwen2.5-7b@http://127.0.0.1:8000/v1`,
      };
    }
    return { spec: { kind: "endpoint", spec, model, baseUrl: baseUrl.replace(/\/+$/u, "") } };
  }
  if (/[,=]/u.test(spec)) {
    return {
      problem: `model spec "${spec}" contains "," or "=", which LightEval's model arguments cannot carry: rename or move it`,
    };
  }
  if (spec.toLowerCase().endsWith(".gguf")) {
    const path = resolve(spec);
    if (!existsSync(path)) return { problem: `GGUF file ${spec} does not exist: check the path` };
    return { spec: { kind: "gguf", spec, path } };
  }
  if (existsSync(spec)) {
    const path = resolve(spec);
    if (!statSync(path).isDirectory()) {
      return { problem: `${spec} is a file but not a .gguf file: pass a GGUF file or a transformers model folder` };
    }
    if (!existsSync(join(path, "config.json"))) {
      return {
        problem: `${spec} is not a transformers model folder (no config.json): pass a folder save_pretrained wrote`,
      };
    }
    return { spec: { kind: "folder", spec, path } };
  }
  if (HUB_ID.test(spec)) return { spec: { kind: "hub", spec, id: spec } };
  return {
    problem: `model spec "${spec}" is none of: ${Object.keys(EMBEDDED_MODELS).join(", ")}, a .gguf file, a model folder, endpoint:MODEL@BASE_URL, or a Hub id owner/name`,
  };
}

/** The short name shown in tables and results. */
export function modelDisplayName(spec: ModelSpec): string {
  switch (spec.kind) {
    case "embedded":
      return spec.name;
    case "gguf":
      return basename(spec.path).replace(/\.gguf$/iu, "");
    case "folder":
      return basename(spec.path);
    case "hub":
      return spec.id;
    case "endpoint":
      return spec.model;
  }
}

/** sha256 (hex) of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

/** What identifies a model folder's weights cheaply: file names, sizes and modification times. */
export async function folderFingerprint(path: string): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(path)).sort()) {
    const info = await stat(join(path, name));
    if (info.isFile()) hash.update(`${name}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest("hex");
}
