#!/usr/bin/env node
// Measures how many of the question chain's model calls yield questions that pass the checks, on the demo documents
// (examples/documents), with a real embedded GGUF model or the scripted OpenAI-compatible server. Used for the figures
// in BENCHMARKS.md and the README. Run after `npx turbo run build --filter=@domain-eval/bench...`:
//   node apps/bench/scripts/measure-grounding.mjs --model smollm2-135m-instruct [--grounding quote-first] [--max-chunks 8]
//   node apps/bench/scripts/measure-grounding.mjs --model scripted
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createQuestionChain, loadDocuments, splitDocuments } from "@domain-eval/question-chain";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "smollm2-135m-instruct" },
    grounding: { type: "string" },
    citations: { type: "string" },
    chunks: { type: "string" },
    threads: { type: "string" },
    docs: { type: "string", default: resolve(import.meta.dirname, "../../../examples/documents") },
    "chunk-size": { type: "string", default: "600" },
    "questions-per-chunk": { type: "string", default: "2" },
    "max-tokens": { type: "string", default: "1024" },
    "max-chunks": { type: "string" },
    label: { type: "string", default: "" },
  },
});

const { documents } = await loadDocuments({ dir: values.docs });
let chunks = await splitDocuments({ documents, chunkSize: Number(values["chunk-size"]), chunkOverlap: 60 });
if (values["max-chunks"]) chunks = chunks.slice(0, Number(values["max-chunks"]));
if (values.chunks) chunks = values.chunks.split(",").map((i) => chunks[Number(i)]);

let model;
let close = async () => {};
if (values.model === "scripted") {
  const { examWriterHandler, startScriptedOpenAIServer } = await import("@domain-eval/testing");
  const { ChatOpenAI } = await import("@langchain/openai");
  const server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  model = new ChatOpenAI({ model: "scripted", apiKey: "x", maxRetries: 0, configuration: { baseURL: server.url } });
  close = () => server.close();
} else {
  const { createLocalChatModel, fetchEmbeddedModel } = await import("@domain-eval/local-model");
  const { path } = await fetchEmbeddedModel({ model: values.model });
  model = await createLocalChatModel({
    modelFile: path,
    maxTokens: Number(values["max-tokens"]),
    seed: 1,
    ...(values.threads ? { threads: Number(values.threads) } : {}),
  });
  close = () => model.dispose();
}

const chain = createQuestionChain({
  model,
  questionsPerChunk: Number(values["questions-per-chunk"]),
  ...(values.grounding ? { grounding: values.grounding } : {}),
  ...(values.citations ? { citationStyle: values.citations } : {}),
});
const totals = {
  chunks: 0,
  calls: 0,
  callsPassing: 0,
  failed: 0,
  generated: 0,
  kept: 0,
  flagged: 0,
  dropped: 0,
  ungrounded: 0,
  ms: 0,
};
const reasons = {};
for (const chunk of chunks) {
  const started = Date.now();
  const out = await chain.invoke(chunk);
  const ms = Date.now() - started;
  totals.chunks++;
  totals.ms += ms;
  totals.calls += out.usage.calls;
  if (out.failure) totals.failed++;
  // Only the last call of a chunk can yield questions; earlier ones were unusable answers.
  if (out.questions.length > 0) totals.callsPassing++;
  totals.generated += out.questions.length + out.dropped.length;
  totals.kept += out.questions.length;
  totals.flagged += out.questions.filter((q) => (q.findings?.length ?? 0) > 0).length;
  totals.dropped += out.dropped.length;
  for (const q of [...out.questions, ...out.dropped.map((d) => ({ ...d.question, findings: d.findings }))]) {
    if ((q.findings ?? []).some((f) => f.code === "UNGROUNDED_QUOTE")) totals.ungrounded++;
  }
  for (const d of out.dropped) {
    for (const code of new Set(d.findings.filter((f) => f.severity === "error").map((f) => f.code))) {
      reasons[code] = (reasons[code] ?? 0) + 1;
    }
  }
  process.stderr.write(
    `${chunk.metadata.chunk_id}: ${out.usage.calls} call(s), ${out.questions.length} kept, ${out.dropped.length} dropped${out.failure ? ` FAILED ${out.failure.message.slice(0, 160)}` : ""} ${(ms / 1000).toFixed(1)} s\n`,
  );
  if (out.questions[0])
    process.stderr.write(
      `  e.g. ${JSON.stringify(out.questions[0].question)} → ${JSON.stringify(out.questions[0].answer)}\n`,
    );
}
await close();
const summary = {
  label: values.label,
  model: values.model,
  grounding: chain.grounding ?? "(before: one unbounded schema)",
  citations: chain.citationStyle ?? "(before: free text)",
  ...totals,
  share_calls_passing: totals.calls ? +(totals.callsPassing / totals.calls).toFixed(3) : 0,
  seconds_per_chunk: +(totals.ms / 1000 / Math.max(1, totals.chunks)).toFixed(1),
  drop_reasons: reasons,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
