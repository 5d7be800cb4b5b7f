// A scripted stand-in for the Argilla HTTP API, for unit tests of error mapping, retries and batching.
// Integration tests (*.int.test.ts) use the real server.
import { createArgillaClient } from "./create-argilla-client.js";

export const TEST_KEY = "argilla.secret-test-key-0123456789";

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response | undefined> | undefined;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** A client whose fetch answers from `routes` (first that returns a Response wins) and records every request. */
export function fakeArgilla(routes: Route[], options: { log?: (line: string) => void } = {}) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname.replace(/^\/api\/v1/, ""),
      search: url.search,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    for (const route of routes) {
      const response = await route(recorded);
      if (response) return response;
    }
    return json({ detail: `no fake route for ${request.method} ${url.pathname}` }, 404);
  };
  const client = createArgillaClient({
    baseUrl: "http://argilla.test:6900",
    apiKey: TEST_KEY,
    fetch,
    ...(options.log ? { log: options.log } : {}),
  });
  return { client, requests };
}

export const DATASET_ID = "11111111-1111-4111-8111-111111111111";
export const QUESTION_ID = "22222222-2222-4222-8222-222222222222";

/** Routes answering the settings lookups logExamRecords makes, for a dataset with `optionCount` options. */
export function examDatasetRoutes(optionCount = 4): Route[] {
  const letters = Array.from({ length: optionCount }, (_, i) => String.fromCharCode(65 + i));
  return [
    (r) =>
      r.method === "GET" && r.path === `/datasets/${DATASET_ID}/questions`
        ? json({
            items: [
              {
                id: QUESTION_ID,
                name: "correct_answer",
                title: "Which option is correct?",
                required: true,
                settings: { type: "label_selection", options: letters.map((l) => ({ value: l, text: l })) },
                dataset_id: DATASET_ID,
                inserted_at: "2025-01-01T00:00:00",
                updated_at: "2025-01-01T00:00:00",
              },
            ],
          })
        : undefined,
    (r) =>
      r.method === "GET" && r.path === `/datasets/${DATASET_ID}/fields`
        ? json({
            items: ["question", ...letters.map((l) => `answer_${l.toLowerCase()}`), "citations"].map((name) => ({
              id: crypto.randomUUID(),
              name,
              title: name,
              required: false,
              settings: { type: "text", use_markdown: false },
            })),
          })
        : undefined,
  ];
}

/** A valid exam item with `choiceCount` choices; `n` varies every field so mix-ups show. */
export function examItem(n: number, choiceCount = 4): import("@domain-eval/core").ExamItem {
  return {
    id: `q-${String(n).padStart(5, "0")}`,
    question: `What is the value of constant #${n}?`,
    subject: n % 2 === 0 ? "finance" : "law",
    choices: Array.from({ length: choiceCount }, (_, i) => `option ${i} of item ${n}`),
    answer: n % choiceCount,
    source_document_id: `doc-${n % 7}`,
    source_chunk_id: `doc-${n % 7}#${n}`,
    citations: n % 3 === 0 ? [] : [`quote one for ${n}`, `quote\ntwo for ${n}`],
    generator_model: n % 5 === 0 ? "org/model@2025+rc" : "Qwen/Qwen2.5-7B-Instruct",
    prompt_version: "finance@1.0.0+abc",
    review_status: "unreviewed",
    reviewer_count: 0,
    agreement: null,
    // Every fifth item carries validation rates (they travel through record metadata).
    validation_open_book: n % 5 === 0 ? 0.75 : null,
    validation_closed_book: n % 5 === 0 ? 1 : null,
    validation_options_only: n % 5 === 0 ? 0.25 : null,
    validation_position_sensitive: n % 5 === 0 ? n % 2 === 0 : null,
  };
}
