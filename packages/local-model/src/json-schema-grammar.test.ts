import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { getLlama } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toGrammarJsonSchema } from "./json-schema-grammar.js";

const fromZod = (schema: z.ZodType) =>
  toGrammarJsonSchema({ schema: z.toJSONSchema(schema) as Record<string, unknown> });

describe("toGrammarJsonSchema", () => {
  it("maps the question chain's schema: objects, arrays with item counts, string lengths", () => {
    const schema = z.object({
      questions: z
        .array(
          z.object({
            question: z.string().min(1),
            answer: z.string().min(1).max(300),
            distractors: z.array(z.string()).length(3),
            citations: z.array(z.string()).min(1),
          }),
        )
        .max(5),
    });
    expect(fromZod(schema)).toEqual({
      type: "object",
      additionalProperties: false,
      properties: {
        questions: {
          type: "array",
          maxItems: 5,
          items: {
            type: "object",
            additionalProperties: false,
            properties: {
              question: { type: "string", minLength: 1 },
              answer: { type: "string", minLength: 1, maxLength: 300 },
              distractors: { type: "array", minItems: 3, maxItems: 3, items: { type: "string" } },
              citations: { type: "array", minItems: 1, items: { type: "string" } },
            },
          },
        },
      },
    });
  });

  it.each<[string, { given: z.ZodType; want: unknown }]>([
    [
      "enum (values only: node-llama-cpp validates type before enum)",
      { given: z.enum(["easy", "hard"]), want: { enum: ["easy", "hard"] } },
    ],
    ["literal", { given: z.literal("mcq"), want: { const: "mcq" } }],
    ["nullable", { given: z.string().nullable(), want: { type: ["string", "null"] } }],
    ["union of primitives", { given: z.union([z.number(), z.boolean()]), want: { type: ["number", "boolean"] } }],
    [
      "union of objects → oneOf",
      {
        given: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]),
        want: {
          oneOf: [
            { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
            { type: "object", properties: { b: { type: "number" } }, additionalProperties: false },
          ],
        },
      },
    ],
    [
      "integer ranges dropped (checked by zod afterwards)",
      { given: z.number().int().min(0).max(3), want: { type: "integer" } },
    ],
    ["regex dropped (checked by zod afterwards)", { given: z.string().regex(/^[A-D]$/), want: { type: "string" } }],
    ["date-time format kept", { given: z.iso.datetime(), want: { type: "string", format: "date-time" } }],
    ["email format dropped", { given: z.email(), want: { type: "string" } }],
    [
      "descriptions kept",
      { given: z.string().describe("the correct answer"), want: { type: "string", description: "the correct answer" } },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(fromZod(given)).toEqual(want);
  });

  it("rewrites draft-07 definitions references to $defs", () => {
    expect(
      toGrammarJsonSchema({
        schema: {
          type: "object",
          properties: { item: { $ref: "#/definitions/Item" } },
          definitions: { Item: { type: "string" } },
        },
      }),
    ).toEqual({ type: "object", properties: { item: { $ref: "#/$defs/Item" } }, $defs: { Item: { type: "string" } } });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      "any value",
      z.toJSONSchema(z.object({ extra: z.any() })) as Record<string, unknown>,
      /#\/properties\/extra uses a value of any type/,
    ],
    [
      "not",
      { type: "object", properties: { a: { not: { type: "string" } } } },
      /#\/properties\/a uses the "not" keyword/,
    ],
    [
      "patternProperties",
      { type: "object", patternProperties: { "^x": { type: "string" } } },
      /# uses the "patternProperties" keyword/,
    ],
    ["a whole-document reference", { type: "object", properties: { self: { $ref: "#" } } }, /reference "#"/],
    [
      "an intersection",
      { allOf: [{ type: "object", properties: { a: { type: "string" } } }, { type: "object" }] },
      /allOf with more than one schema/,
    ],
  ])("refuses %s, naming where it is and what to do", (_name, schema, where) => {
    expect(() => toGrammarJsonSchema({ schema })).toThrow(where);
    expect(() => toGrammarJsonSchema({ schema })).toThrow(/give that field a concrete type/);
  });

  it("produces schemas llama.cpp compiles into a grammar that accepts matching JSON and rejects the rest", async () => {
    const llama = await getLlama({ gpu: false, build: "never", skipDownload: true });
    const zodSchema = z.object({
      label: z.enum(["A", "B", "C", "D"]),
      note: z.string().max(20).nullable(),
      choices: z.array(z.string()).length(2),
    });
    const grammar = await llama.createGrammarForJsonSchema(
      toGrammarJsonSchema({ schema: toJsonSchema(zodSchema) as Record<string, unknown> }) as never,
    );
    const good = { label: "B", note: null, choices: ["x", "y"] };
    expect(grammar.parse(JSON.stringify(good))).toEqual(good);
    expect(() => grammar.parse(JSON.stringify({ ...good, label: "E" }))).toThrow();
    expect(() => grammar.parse(JSON.stringify({ ...good, choices: ["x"] }))).toThrow();
  });
});
