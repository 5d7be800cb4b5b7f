// Local generation, why node-llama-cpp lags llama-cpp-python: the same GGUF (embedded SmolLM2-135M-Instruct), the same
// chat-formatted prompt tokens, greedy decoding, 160 new tokens, context 2048, batch 512, no flash attention, on
// both sides at the given thread counts, rounds interleaved. Measures node-llama-cpp's own token loop
// (`LlamaContextSequence.evaluate`, no chat layer, no LangChain), our LocalChatModel (only with the installed
// node-llama-cpp) and llama-cpp-python (`Llama.generate` on the same tokens, and `create_chat_completion`).
//
//   node apps/bench/scripts/compare-llama-threads.mjs [--threads 1,2] [--rounds 3] [--node-llama-cpp DIR]
//
// --node-llama-cpp: a node-llama-cpp package folder to use instead of the installed one (e.g. a copy with a local
// source build: `node DIR/dist/cli/cli.js source build --gpu false`). The bench's local-generation workload now
// measures this machine's own build (domain-eval-build-llama) beside the prebuilt binary directly. Needs the llama-cpp-python venv the bench
// builds (apps/bench/src/llama-cpp-python-venv.ts). Prints one JSON line.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createLocalChatModel, fetchEmbeddedModel } from "@domain-eval/local-model";
import { HumanMessage } from "@langchain/core/messages";
import { llamaCppPythonVenv } from "../dist/llama-cpp-python-venv.js";

const { values } = parseArgs({
  options: {
    threads: { type: "string", default: "1,2" },
    rounds: { type: "string", default: "3" },
    "node-llama-cpp": { type: "string" },
  },
});
const threadCounts = values.threads.split(",").map(Number);
const rounds = Number(values.rounds);
const N = 160;
const PROMPT = "Write a detailed paragraph about how lighthouses guided ships before satellite navigation.";
// SmolLM2's chat template, written out so both sides evaluate exactly the same tokens.
const TEMPLATED = `<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\n${PROMPT}<|im_end|>\n<|im_start|>assistant\n`;

const nlcDir = values["node-llama-cpp"];
const nlc = await import(nlcDir ? pathToFileURL(join(nlcDir, "dist", "index.js")).href : "node-llama-cpp");
const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
const venv = await llamaCppPythonVenv({ build: false, log: () => {} });
if (!("python" in venv))
  throw new Error(`llama-cpp-python venv missing: ${venv.missing}; run the bench's local-generation workload once`);

const llama = await nlc.getLlama({
  gpu: false,
  build: "never",
  skipDownload: true,
  progressLogs: false,
  logLevel: nlc.LlamaLogLevel.error,
});
const model = await llama.loadModel({ modelPath: path });

const PY = `
import json, sys, time, llama_cpp
j = json.load(sys.stdin)
llm = llama_cpp.Llama(model_path=j["m"], n_ctx=2048, n_batch=512, n_threads=j["t"], n_threads_batch=j["t"], flash_attn=False, seed=1, verbose=False)
toks = llm.tokenize(j["tp"].encode(), add_bos=False, special=True)
def raw():
    t = time.perf_counter(); c = 0
    for _ in llm.generate(toks, temp=0.0, top_k=1, reset=True):
        c += 1
        if c >= j["n"]: break
    return c / (time.perf_counter() - t)
def chat():
    t = time.perf_counter()
    r = llm.create_chat_completion(messages=[{"role": "user", "content": j["p"]}], max_tokens=j["n"], temperature=0)
    return r["usage"]["completion_tokens"] / (time.perf_counter() - t)
raw()
print(json.dumps({"raw": raw(), "chat": chat(), "system": llama_cpp.llama_print_system_info().decode().strip()}))`;

const results = {};
for (const threads of threadCounts) {
  const context = await model.createContext({ contextSize: 2048, batchSize: 512, threads, flashAttention: false });
  const sequence = context.getSequence();
  const tokens = model.tokenize(TEMPLATED, true);
  const raw = async () => {
    await sequence.clearHistory();
    const started = performance.now();
    let n = 0;
    for await (const _ of sequence.evaluate(tokens, { temperature: 0 })) if (++n >= N) break;
    return n / ((performance.now() - started) / 1000);
  };
  const chat = nlcDir
    ? undefined
    : // the binary this process already loaded: two llama.cpp binaries cannot share a process
      await createLocalChatModel({
        modelFile: path,
        threads,
        temperature: 0,
        maxTokens: N,
        contextSize: 2048,
        llamaBinary: "prebuilt",
      });
  await raw();
  await chat?.invoke([new HumanMessage(PROMPT)], { maxTokens: 8 });
  const r = { nodeRaw: [], oursChat: [], pythonRaw: [], pythonChat: [], load: [] };
  let pythonSystem = "";
  for (let round = 0; round < rounds; round++) {
    r.nodeRaw.push(await raw());
    if (chat) {
      const started = performance.now();
      const reply = await chat.invoke([new HumanMessage(PROMPT)]);
      r.oursChat.push((reply.usage_metadata?.output_tokens ?? 0) / ((performance.now() - started) / 1000));
    }
    const py = spawnSync(venv.python, ["-c", PY], {
      input: JSON.stringify({ m: path, t: threads, p: PROMPT, tp: TEMPLATED, n: N }),
      encoding: "utf8",
    });
    if (py.status !== 0) throw new Error(`llama-cpp-python failed: ${py.stderr.slice(-500)}`);
    const out = JSON.parse(py.stdout.trim().split("\n").at(-1));
    r.pythonRaw.push(out.raw);
    r.pythonChat.push(out.chat);
    pythonSystem = out.system;
    r.load.push(loadavg()[0]);
  }
  await chat?.dispose();
  await context.dispose();
  results[threads] = { ...r, pythonSystem };
}
const round1 = (a) => a.map((x) => Math.round(x * 10) / 10);
for (const r of Object.values(results))
  for (const k of ["nodeRaw", "oursChat", "pythonRaw", "pythonChat", "load"]) r[k] = round1(r[k]);
console.log(JSON.stringify({ nodeLlamaCpp: { buildType: llama.buildType, system: llama.systemInfo.trim() }, results }));
await model.dispose();
