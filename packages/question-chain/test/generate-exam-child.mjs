// Runs generateExam from the built package in a separate process, so a test can kill it midway.
// argv: <server url> <chunks.json> <journal path>
import { readFileSync } from "node:fs";
import { Document } from "@langchain/core/documents";
import { ChatOpenAI } from "@langchain/openai";
import { createQuestionChain, generateExam } from "../dist/index.js";

const [url, chunksPath, journalPath] = process.argv.slice(2);
const chunks = JSON.parse(readFileSync(chunksPath, "utf8")).map((c) => new Document(c));
const model = new ChatOpenAI({
  model: "gpt-4o-mini",
  apiKey: "sk-test",
  configuration: { baseURL: url },
  maxRetries: 2,
});
const chain = createQuestionChain({ model, questionsPerChunk: 2 });
await generateExam({ chunks, chain, concurrency: 2, journalPath, resume: true });
process.stdout.write("finished\n");
