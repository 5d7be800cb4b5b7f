// Our side of the local-generation tokens/s comparison: @domain-eval/local-model on a GGUF file, in a fresh process
// like llama-cpp-python's side (python/llama_cpp_tokens.py), so each process loads exactly one llama.cpp binary.
// Loads the model (not timed), answers once to warm up, then times `runs` answers at temperature 0.
import { createLocalChatModel, type LlamaBinaryChoice } from "@domain-eval/local-model";
import { HumanMessage } from "@langchain/core/messages";
import { readWorkerJob, reportWorkerResult, timeAnswers } from "../worker-io.js";

interface Job {
  model: string;
  /** Undefined: the model's default (defaultGenerationThreads). */
  threads?: number;
  max_tokens: number;
  runs: number;
  prompt: string;
  llamaBinary: LlamaBinaryChoice;
}

const job = await readWorkerJob<Job>();
const model = await createLocalChatModel({
  modelFile: job.model,
  threads: job.threads,
  temperature: 0,
  maxTokens: job.max_tokens,
  contextSize: 2048,
  llamaBinary: job.llamaBinary,
});
try {
  await model.invoke([new HumanMessage(job.prompt)], { maxTokens: 8 }); // warm-up
  const results = await timeAnswers({
    runs: job.runs,
    answer: async () => (await model.invoke([new HumanMessage(job.prompt)])).usage_metadata?.output_tokens ?? 0,
  });
  reportWorkerResult({
    result: { results, binary: await model.loadedLlamaBinary(), threads: await model.loadedThreads() },
  });
} finally {
  await model.dispose();
}
