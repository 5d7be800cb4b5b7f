// Investigation: node-llama-cpp's raw token loop vs our chat model vs llama-cpp-python, same GGUF/prompt/threads.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { createLocalChatModel, fetchEmbeddedModel } from "@domain-eval/local-model";
import { HumanMessage } from "@langchain/core/messages";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
const threads = Number(process.argv[2] ?? 2),
  N = 160;
const PROMPT = "Write a detailed paragraph about how lighthouses guided ships before satellite navigation.";
const TEMPLATED = `<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\n${PROMPT}<|im_end|>\n<|im_start|>assistant\n`;
const llama = await getLlama({
  gpu: false,
  build: "never",
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.error,
});
console.log("node-llama-cpp system info:", llama.systemInfo);
console.log("cpuMathCores", llama.cpuMathCores, "buildType", llama.buildType);
const model = await llama.loadModel({ modelPath: path });
const ctx = await model.createContext({ contextSize: 2048, threads, batchSize: 512, flashAttention: false });
const seq = ctx.getSequence();
async function raw() {
  await seq.clearHistory();
  const tokens = model.tokenize(TEMPLATED, true);
  const t = performance.now();
  let n = 0;
  for await (const tok of seq.evaluate(tokens, { temperature: 0 })) {
    if (++n >= N) break;
  }
  return n / ((performance.now() - t) / 1000);
}
const chat = await createLocalChatModel({ modelFile: path, threads, temperature: 0, maxTokens: N, contextSize: 2048 });
await chat.invoke([new HumanMessage(PROMPT)], { maxTokens: 8 });
async function ours() {
  const t = performance.now();
  const r = await chat.invoke([new HumanMessage(PROMPT)]);
  return (r.usage_metadata?.output_tokens ?? 0) / ((performance.now() - t) / 1000);
}
const PY = "/root/.cache/domain-eval/venv-llama-cpp-python-459e8261f05e/bin/python";
const pyCode = `
import json,sys,time,llama_cpp
j=json.load(sys.stdin)
llm=llama_cpp.Llama(model_path=j["m"],n_ctx=2048,n_threads=j["t"],n_threads_batch=j["t"],n_batch=512,seed=1,verbose=False)
print(llama_cpp.llama_print_system_info().decode(), file=sys.stderr)
llm.create_completion(j["p"],max_tokens=8,temperature=0)
out=[]
for i in range(3):
  toks=llm.tokenize(j["tp"].encode(),add_bos=False,special=True); llm.reset()
  t=time.perf_counter(); c=0
  for tok in llm.generate(toks,temp=0.0,top_k=1,reset=True):
    c+=1
    if c>=j["n"]: break
  s=time.perf_counter()-t
  t=time.perf_counter(); r2=llm.create_chat_completion(messages=[{"role":"user","content":j["p"]}],max_tokens=j["n"],temperature=0); s2=time.perf_counter()-t
  out.append([c/s, r2["usage"]["completion_tokens"]/s2])
print(json.dumps(out))`;
await raw();
const res = { raw: [], ours: [] };
for (let i = 0; i < 3; i++) {
  res.raw.push(await raw());
  res.ours.push(await ours());
}
const py = spawnSync(PY, ["-c", pyCode], {
  input: JSON.stringify({ m: path, t: threads, p: PROMPT, tp: TEMPLATED, n: N }),
  encoding: "utf8",
});
console.log("python system info:", py.stderr.trim().split("\n").at(-1));
const pyRes = JSON.parse(py.stdout.trim());
const res2 = { raw: [], ours: [] };
for (let i = 0; i < 3; i++) {
  res2.raw.push(await raw());
  res2.ours.push(await ours());
}
const f = (a) => a.map((x) => x.toFixed(0)).join(" ");
console.log(`threads ${threads}, load ${loadavg()[0].toFixed(1)}`);
console.log("node-llama-cpp raw evaluate (before/after python):", f(res.raw), "|", f(res2.raw));
console.log("ours LocalChatModel.invoke (before/after python):  ", f(res.ours), "|", f(res2.ours));
console.log("llama-cpp-python raw generate (templated tokens):  ", f(pyRes.map((r) => r[0])));
console.log("llama-cpp-python create_chat_completion:          ", f(pyRes.map((r) => r[1])));
await chat.dispose();
await ctx.dispose();
await model.dispose();
