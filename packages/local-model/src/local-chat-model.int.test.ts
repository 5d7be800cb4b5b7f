import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeTinyGguf } from "@domain-eval/testing";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { describeLocalModel } from "./describe-local-model.js";
import { createLocalChatModel, type LocalChatModel } from "./local-chat-model.js";
import { LocalModelError } from "./local-model-error.js";

// The question chain's kind of output, with short strings: random weights babble, and the grammar has to close
// every string, array and object within a few hundred tokens for the answer to be complete.
const short = z.string().min(1).max(12);
const questionsSchema = z.object({
  questions: z
    .array(
      z.object({
        question: short,
        answer: short,
        distractors: z.array(short).length(3),
        citations: z.array(short).max(2),
      }),
    )
    .min(1)
    .max(2),
});

let dir: string;
let modelFile: string;
let model: LocalChatModel;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "local-model-"));
  modelFile = await makeTinyGguf({ dir });
  // One thread: the tiny model needs no more, and test machines are often busy.
  model = await createLocalChatModel({
    modelFile,
    contextSize: 1024,
    maxTokens: 64,
    temperature: 0.8,
    seed: 1,
    threads: 1,
  });
});

afterAll(async () => {
  await model?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("describeLocalModel", () => {
  it("reads name, architecture, context length and size from the GGUF header", async () => {
    const description = await describeLocalModel({ modelFile });
    expect(description).toEqual({
      name: "tiny-random-llama",
      fileName: "tiny-random-llama.gguf",
      sizeBytes: (await stat(modelFile)).size,
      architecture: "llama",
      contextLength: 4096,
    });
  });
});

describe("LocalChatModel", () => {
  it("answers a chat with text, the model file's name and token usage", async () => {
    const reply = await model.invoke([new SystemMessage("Answer briefly."), new HumanMessage("Name a colour.")]);
    expect(typeof reply.content).toBe("string");
    expect(reply.response_metadata.model_name).toBe("tiny-random-llama.gguf");
    const usage = reply.usage_metadata;
    expect(usage?.input_tokens).toBeGreaterThan(5);
    expect(usage?.output_tokens).toBeGreaterThanOrEqual(1);
    expect(usage?.output_tokens).toBeLessThanOrEqual(64);
    expect(usage?.total_tokens).toBe((usage?.input_tokens ?? 0) + (usage?.output_tokens ?? 0));
  });

  it("gives the same answer for the same seed, and honours maxTokens per call", async () => {
    const ask = () => model.invoke("Say something.", { maxTokens: 8, seed: 99 });
    const first = await ask();
    const second = await ask();
    expect(second.content).toBe(first.content);
    expect(first.usage_metadata?.output_tokens).toBeLessThanOrEqual(8);
    expect(first.response_metadata.finish_reason).toMatch(/^(stop|length)$/);
  });

  it("runs concurrent calls one after another without mixing them up", async () => {
    const replies = await Promise.all([1, 2, 3].map((seed) => model.invoke("Hello", { maxTokens: 6, seed })));
    for (const reply of replies) expect(reply.usage_metadata?.output_tokens).toBeGreaterThanOrEqual(1);
    const alone = await model.invoke("Hello", { maxTokens: 6, seed: 2 });
    expect(alone.content).toBe(replies[1]?.content);
  });

  it.each([1, 2, 3, 4, 5])("withStructuredOutput returns an object the schema accepts (seed %i)", async (seed) => {
    const structured = model.withStructuredOutput(questionsSchema);
    const parsed = await structured.invoke("Write exam questions as JSON.", { maxTokens: 600, seed } as never);
    expect(() => questionsSchema.parse(parsed)).not.toThrow();
    expect(parsed.questions[0]?.distractors).toHaveLength(3);
  });

  it.each([1, 2, 3])(
    // Numbers are left out: llama.cpp's JSON number grammar allows exponents (1e999), so numeric ranges are only
    // checked by the schema after generation (see README, "Limits").
    "the grammar holds enums and nullable fields to the schema too (seed %i)",
    async (seed) => {
      const reviewSchema = z.object({
        verdict: z.enum(["accept", "reject", "revise"]),
        correct_choice: z.enum(["A", "B", "C", "D"]),
        note: z.string().max(10).nullable(),
      });
      const parsed = await model.withStructuredOutput(reviewSchema).invoke("Review the question.", {
        maxTokens: 200,
        seed,
      } as never);
      expect(reviewSchema.safeParse(parsed).error).toBeUndefined();
    },
  );

  it("withStructuredOutput works inside a prompt pipeline and can return the raw message too", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You write exam questions about {topic} as JSON."],
      ["human", "{chunk}"],
    ]);
    const chain = prompt.pipe(model.withStructuredOutput(questionsSchema, { includeRaw: true }));
    const { raw, parsed } = await chain.invoke({ topic: "finance", chunk: "Bonds pay coupons." }, {
      maxTokens: 600,
    } as never);
    expect(questionsSchema.safeParse(parsed).success).toBe(true);
    expect(JSON.parse(String(raw.content))).toEqual(parsed);
    expect((raw as { usage_metadata?: { output_tokens: number } }).usage_metadata?.output_tokens).toBeGreaterThan(10);
  });

  it("takes a plain JSON schema with a name and includeRaw, as the question chain passes it", async () => {
    const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(questionsSchema) as Record<string, unknown>;
    const structured = model.withStructuredOutput(jsonSchema, { name: "exam_questions", includeRaw: true });
    const { raw, parsed } = await structured.invoke("Write exam questions.", { maxTokens: 600, seed: 11 } as never);
    expect(parsed).toEqual(JSON.parse(String(raw.content)));
    expect(questionsSchema.safeParse(parsed).error).toBeUndefined();
  });

  it("says the structured answer was cut off when maxTokens is too small for the JSON", async () => {
    const structured = model.withStructuredOutput(questionsSchema);
    await expect(structured.invoke("JSON please", { maxTokens: 5 } as never)).rejects.toMatchObject({
      name: "LocalModelError",
      code: "OUTPUT_TRUNCATED",
      message: expect.stringContaining("raise maxTokens"),
    });
  });

  it("refuses a prompt that does not fit the context window instead of silently dropping its start", async () => {
    await expect(model.invoke("word ".repeat(2000))).rejects.toThrow(/exceeds the context window of 1024 tokens/);
  });
});

describe("load errors: one line saying what to do", () => {
  const expectOneLine = (error: unknown) => {
    expect(error).toBeInstanceOf(LocalModelError);
    expect((error as Error).message).not.toContain("\n");
  };

  it("a missing file", async () => {
    const missing = join(dir, "nope.gguf");
    const error = await createLocalChatModel({ modelFile: missing }).catch((e: unknown) => e);
    expectOneLine(error);
    expect(error).toMatchObject({ code: "MODEL_FILE_NOT_FOUND", modelFile: missing });
    expect((error as Error).message).toContain(missing);
  });

  it("a file that is not GGUF (e.g. safetensors)", async () => {
    const notGguf = join(dir, "model.safetensors");
    await writeFile(notGguf, '{"__metadata__": {}}');
    const error = await createLocalChatModel({ modelFile: notGguf }).catch((e: unknown) => e);
    expectOneLine(error);
    expect(error).toMatchObject({ code: "NOT_A_GGUF_FILE" });
    expect((error as Error).message).toMatch(/is not a GGUF model file/);
  });

  it("a model larger than this machine's memory", async () => {
    const huge = await makeTinyGguf({ dir, hugeHeaderOnly: true });
    const error = await createLocalChatModel({ modelFile: huge }).catch((e: unknown) => e);
    expectOneLine(error);
    expect(error).toMatchObject({ code: "INSUFFICIENT_MEMORY" });
    expect((error as Error).message).toMatch(/needs about 256\.0 GiB of memory .*smaller model/);
  });

  it("a truncated GGUF download", async () => {
    const truncated = join(dir, "truncated.gguf");
    const bytes = await readFile(modelFile);
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await createLocalChatModel({ modelFile: truncated, threads: 1 }).catch((e: unknown) => e);
    expectOneLine(error);
    expect(error).toMatchObject({ code: "MODEL_LOAD_FAILED" });
    expect((error as Error).message).toMatch(/not within the file bounds.*download it again/);
  });

  it("a disposed model", async () => {
    const other = await createLocalChatModel({ modelFile, contextSize: 256, threads: 1 });
    await other.dispose();
    await expect(other.invoke("hi")).rejects.toThrow(/was disposed: create a new one/);
  });
});
