// Our side of the generation benchmark: generateExam + createQuestionChain + ChatOpenAI against the scripted server.

import { readFile } from "node:fs/promises";
import type { ChunkMetadata } from "@domain-eval/question-chain";
import { createQuestionChain, generateExam } from "@domain-eval/question-chain";
import type { DocumentInterface } from "@langchain/core/documents";
import { scriptedChatModel } from "../scripted-chat-model.js";
import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  baseUrl: string;
  chunksPath: string;
  concurrency: number;
  model: string;
}

const job = await readWorkerJob<Job>();
const chunks = JSON.parse(await readFile(job.chunksPath, "utf8")) as DocumentInterface<ChunkMetadata>[];
const model = scriptedChatModel({ baseUrl: job.baseUrl, model: job.model });
const chain = createQuestionChain({ model, structuredOutput: "json_schema" });

const cpuBefore = cpuMilliseconds();
const started = performance.now();
const { questions, failures, stats } = await generateExam({ chunks, chain, concurrency: job.concurrency });
const wallMs = performance.now() - started;
reportWorkerResult({
  result: {
    wallMs,
    cpuMs: cpuMilliseconds() - cpuBefore,
    questions: questions.length,
    dropped: stats.questionsDropped,
    failures: failures.length,
    failureSample: failures[0]?.message,
    calls: stats.calls,
  },
});
