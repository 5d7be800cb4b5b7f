import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { failureReason } from "./lighteval-process.js";
import { modelDisplayName, parseModelSpec } from "./model-spec.js";

describe("parseModelSpec", () => {
  const dir = mkdtempSync(join(tmpdir(), "model-spec-"));
  const folder = join(dir, "my-model");
  mkdirSync(folder);
  writeFileSync(join(folder, "config.json"), "{}");
  const bare = join(dir, "not-a-model");
  mkdirSync(bare);
  const gguf = join(dir, "tiny.gguf");
  writeFileSync(gguf, "GGUF");

  test.each([
    ["smollm2-135m-instruct", { kind: "embedded", name: "smollm2-135m-instruct" }, "smollm2-135m-instruct"],
    ["gemma-3-270m", { kind: "embedded", name: "gemma-3-270m" }, "gemma-3-270m"],
    [gguf, { kind: "gguf", path: gguf }, "tiny"],
    [folder, { kind: "folder", path: folder }, "my-model"],
    ["HuggingFaceTB/SmolLM2-360M", { kind: "hub", id: "HuggingFaceTB/SmolLM2-360M" }, "HuggingFaceTB/SmolLM2-360M"],
    [
      "endpoint:qwen2.5-7b@http://127.0.0.1:8000/v1/",
      { kind: "endpoint", model: "qwen2.5-7b", baseUrl: "http://127.0.0.1:8000/v1" },
      "qwen2.5-7b",
    ],
  ])("%s", (spec, want, name) => {
    const parsed = parseModelSpec({ spec });
    expect(parsed).toMatchObject({ spec: { ...want, spec } });
    if ("spec" in parsed) expect(modelDisplayName(parsed.spec)).toBe(name);
  });

  test.each([
    [join(dir, "missing.gguf"), "does not exist"],
    [bare, "no config.json"],
    [join(dir, "tiny.gguf,x"), 'contains "," or "="'],
    ["endpoint:qwen", "endpoint:MODEL@BASE_URL"],
    ["endpoint:qwen@ftp://host", "endpoint:MODEL@BASE_URL"],
    ["just-a-word", "is none of"],
  ])("%s is a problem, not an exception", (spec, message) => {
    const parsed = parseModelSpec({ spec });
    expect("problem" in parsed && parsed.problem).toContain(message);
  });
});

describe("failureReason", () => {
  test("the last exception line, past progress bars and colour codes", () => {
    const tail = [
      "[2026-11-30 09:14:58] INFO: --- LOADING MODEL ---",
      " 50%|█████     | 3/6 [00:00<00:00]",
      "OSError: nope/model is not a local folder and is not a valid model identifier",
      "╰────╯",
      "",
    ].join("\n");
    expect(failureReason(tail)).toBe("OSError: nope/model is not a local folder and is not a valid model identifier");
  });
  test("without an exception, the last line", () => {
    expect(failureReason("starting\nKilled\n")).toBe("Killed");
    expect(failureReason("")).toBe("no output");
  });
});
