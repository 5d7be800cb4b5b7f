// Consumer check (scripts/release/consumer-test.mjs): a user's own LangChain app that pipes the question chain
// between its own steps in a RunnableSequence, against an OpenAI-compatible endpoint (OPENAI_BASE_URL), with the
// @langchain/core the app installed (the chain must not bring a second copy).
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { createQuestionChain, type QuestionChainOutput } from "@domain-eval/question-chain";
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import { ChatOpenAI } from "@langchain/openai";

const toText = RunnableLambda.from((input: { title: string; body: string }) => `${input.title}\n\n${input.body}`);
const summarize = RunnableLambda.from((result: QuestionChainOutput) => ({
  questions: result.questions.map((q) => `${q.question} → ${q.answer}`),
  failure: result.failure?.message,
}));
const app = RunnableSequence.from([
  toText,
  createQuestionChain({ model: new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 }), questionsPerChunk: 2 }),
  summarize,
]);

const out = await app.invoke({
  title: "Savings account terms",
  body:
    "Interest on the Easy Saver account is calculated daily and paid monthly. The account allows three free " +
    "withdrawals per calendar month. A fourth withdrawal in the same month costs a fee of five pounds.",
});
assert.equal(out.failure, undefined, `the chain failed: ${out.failure}`);
assert.ok(out.questions.length > 0, "no questions came back");
console.log(out.questions.join("\n"));

// One @langchain/core: the one the chain resolves is the app's own.
const fromChain = createRequire(createRequire(import.meta.url).resolve("@domain-eval/question-chain"));
assert.equal(
  fromChain.resolve("@langchain/core/runnables"),
  createRequire(import.meta.url).resolve("@langchain/core/runnables"),
);
