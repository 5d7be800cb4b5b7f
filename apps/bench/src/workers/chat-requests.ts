// The floors of the generation benchmark: the very requests our chain sends (captured), sent with nothing of ours
// around them, `concurrency` at a time. `langchain`: ChatOpenAI.invoke (what any LangChain.js app pays per request);
// `fetch`: Node's fetch and JSON.parse (what any JavaScript client pays). The gap between these and our chain is ours.

import { readJsonl } from "@domain-eval/core";
import { scriptedChatModel } from "../scripted-chat-model.js";
import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  baseUrl: string;
  promptsPath: string;
  concurrency: number;
  model: string;
  mode: "langchain" | "fetch";
}

interface Prompt {
  messages: { role: "system" | "user" | "assistant"; content: string }[];
  response_format: Record<string, unknown>;
}

const job = await readWorkerJob<Job>();
const prompts: Prompt[] = [];
for await (const { value } of readJsonl(job.promptsPath)) prompts.push(value as Prompt);
const model = scriptedChatModel({ baseUrl: job.baseUrl, model: job.model });

/** The answer's text for one prompt. */
async function send(prompt: Prompt): Promise<string> {
  if (job.mode === "langchain") {
    const message = await model.invoke(prompt.messages, { response_format: prompt.response_format as never });
    return message.content as string;
  }
  const response = await fetch(`${job.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer bench" },
    body: JSON.stringify({ model: job.model, temperature: 0, ...prompt }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]?.message.content ?? "";
}

const cpuBefore = cpuMilliseconds();
const started = performance.now();
let next = 0;
let questions = 0;
let failures = 0;
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (next < prompts.length) {
      const prompt = prompts[next++] as Prompt;
      try {
        const answer = JSON.parse(await send(prompt)) as { questions?: unknown[] };
        questions += answer.questions?.length ?? 0;
      } catch {
        failures++;
      }
    }
  }),
);
reportWorkerResult({
  result: {
    wallMs: performance.now() - started,
    cpuMs: cpuMilliseconds() - cpuBefore,
    questions,
    failures,
  },
});
