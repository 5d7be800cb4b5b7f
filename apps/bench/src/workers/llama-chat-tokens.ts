// The library floor of the local-generation tokens/s comparison: node-llama-cpp alone (its LlamaChat, no LangChain and
// none of our code on the token path) on the same GGUF, prompt and greedy decoding as ours, in a fresh process like
// the other sides. Loads the binary the way our prebuilt side does (`build: "never"`, nothing downloaded), the model
// (not timed), answers once to warm up, then times `runs` answers at temperature 0.
import { defaultGenerationThreads } from "@domain-eval/local-model";
import { type ChatHistoryItem, getLlama, LlamaChat, LlamaLogLevel } from "node-llama-cpp";
import { readWorkerJob, reportWorkerResult, timeAnswers } from "../worker-io.js";

interface Job {
  model: string;
  /** Undefined: what our model would pick (defaultGenerationThreads), so the two compare at the same count. */
  threads?: number;
  /** The CPUs our side sees (availableCpus), for the default above. */
  cpus: number;
  max_tokens: number;
  runs: number;
  prompt: string;
}

const job = await readWorkerJob<Job>();
const llama = await getLlama({
  gpu: false,
  build: "never",
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.error,
});
try {
  const model = await llama.loadModel({ modelPath: job.model });
  const threads = job.threads ?? defaultGenerationThreads({ cpus: job.cpus, cpuMathCores: llama.cpuMathCores });
  const context = await model.createContext({ contextSize: 2048, sequences: 1, threads });
  const sequence = context.getSequence();
  const chat = new LlamaChat({ contextSequence: sequence });
  // The same history our model builds from one HumanMessage: the user's turn, then an empty model turn to fill.
  const history: ChatHistoryItem[] = [
    { type: "user", text: job.prompt },
    { type: "model", response: [] },
  ];
  await chat.generateResponse(history, { maxTokens: 8, temperature: 0 }); // warm-up
  const results = await timeAnswers({
    runs: job.runs,
    answer: async () => {
      const before = sequence.tokenMeter.getState().usedOutputTokens;
      await chat.generateResponse(history, { maxTokens: job.max_tokens, temperature: 0 });
      return sequence.tokenMeter.getState().usedOutputTokens - before;
    },
  });
  reportWorkerResult({ result: { results, buildType: llama.buildType, threads: context.currentThreads } });
} finally {
  await llama.dispose();
}
