import { describe, expect, it } from "vitest";
import { type BatchRequestLine, OPENAI_BATCH_LIMITS, splitBatchRequests } from "./batch-request-file.js";
import { readBatchResultLine, readBatchResultsText } from "./batch-results.js";

const line = (id: string, text = "x"): BatchRequestLine => ({
  custom_id: id,
  method: "POST",
  url: "/v1/chat/completions",
  body: { model: "m", messages: [{ role: "user", content: text }] },
});

describe("splitBatchRequests", () => {
  it("keeps the OpenAI reference's per-batch limits as defaults: 50,000 requests and 200 MB", () => {
    expect(OPENAI_BATCH_LIMITS).toEqual({ maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 });
    const lines = Array.from({ length: 50_001 }, (_, i) => line(`c${i}`));
    const parts = splitBatchRequests({ lines });
    expect(parts.map((p) => p.customIds.length)).toEqual([50_000, 1]);
    expect(parts[1]?.customIds).toEqual(["c50000"]);
  });

  it("splits by request count and by bytes, in order, each part a JSONL text under the limit", () => {
    const lines = Array.from({ length: 7 }, (_, i) => line(`c${i}`, "y".repeat(50)));
    const size = Buffer.byteLength(`${JSON.stringify(lines[0])}\n`);
    const byCount = splitBatchRequests({ lines, limits: { maxRequests: 3 } });
    expect(byCount.map((p) => p.customIds)).toEqual([["c0", "c1", "c2"], ["c3", "c4", "c5"], ["c6"]]);
    const byBytes = splitBatchRequests({ lines, limits: { maxBytes: size * 2 + 1 } });
    expect(byBytes.map((p) => p.customIds.length)).toEqual([2, 2, 2, 1]);
    for (const part of byBytes) {
      expect(Buffer.byteLength(part.text)).toBe(part.bytes);
      expect(part.bytes).toBeLessThanOrEqual(size * 2 + 1);
      expect(
        part.text
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l).custom_id),
      ).toEqual(part.customIds);
    }
  });

  it("refuses a single request over the byte limit, naming the request and the fix", () => {
    expect(() => splitBatchRequests({ lines: [line("big", "z".repeat(500))], limits: { maxBytes: 100 } })).toThrow(
      /request big is \d+ bytes, over the 100-byte batch file limit: make the requests smaller/u,
    );
  });
});

const completion = { model: "m", choices: [{ message: { content: '{"questions":[]}' }, finish_reason: "stop" }] };

describe("readBatchResultLine", () => {
  it.each([
    [
      "an OpenAI output line",
      {
        id: "batch_req_1",
        custom_id: "a",
        response: { status_code: 200, request_id: "req_1", body: completion },
        error: null,
      },
      { ok: true },
    ],
    [
      "an OpenAI expired line",
      {
        id: "batch_req_2",
        custom_id: "a",
        response: null,
        error: {
          code: "batch_expired",
          message: "This request could not be executed before the completion window expired.",
        },
      },
      { ok: false, code: "batch_expired", retryable: true },
    ],
    [
      "an OpenAI line the endpoint rejected",
      {
        id: "batch_req_3",
        custom_id: "a",
        response: {
          status_code: 429,
          request_id: "r",
          body: { error: { message: "slow down", code: "rate_limit_exceeded" } },
        },
        error: null,
      },
      { ok: false, status: 429, code: "rate_limit_exceeded", retryable: true, failure: "RATE_LIMITED" },
    ],
    [
      "an OpenAI line that cannot change",
      {
        id: "batch_req_4",
        custom_id: "a",
        response: {
          status_code: 400,
          request_id: "r",
          body: { error: { message: "maximum context length is 10", code: "context_length_exceeded" } },
        },
        error: null,
      },
      { ok: false, retryable: false, failure: "CONTEXT_OVERFLOW" },
    ],
    [
      "a vLLM run_batch error with a message string",
      {
        id: "vllm-1",
        custom_id: "a",
        response: { status_code: 400, request_id: "vllm-batch-1", body: null },
        error: "Request must not be sent in stream mode",
      },
      { ok: false, status: 400, message: "Request must not be sent in stream mode", retryable: false },
    ],
    [
      "a vLLM run_batch ErrorResponse",
      {
        id: "vllm-2",
        custom_id: "a",
        response: { status_code: 500, request_id: "vllm-batch-2", body: null },
        error: { error: { message: "engine died", type: "InternalServerError", param: null, code: 500 } },
      },
      { ok: false, status: 500, message: "engine died", retryable: true, failure: "SERVER_ERROR" },
    ],
  ])("reads %s", (_name, value, expected) => {
    expect(readBatchResultLine(value)).toMatchObject({ custom_id: "a", ...expected });
  });

  it("says which line of a file is unreadable and what to do", () => {
    expect(() => readBatchResultsText('{"custom_id":"a","response":null,"error":"x"}\n{"nope":1}\n')).toThrow(
      /line 2 of a batch results file is unreadable .*no custom_id/u,
    );
  });
});
