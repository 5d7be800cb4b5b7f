import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { abortableSleep } from "./abortable-sleep.js";
import type { ApiErrorReply } from "./chat-request.js";
import type { RecordedRequest } from "./scripted-openai-server.js";

/**
 * A batch fault, decided per batch:
 * - `expireAfterLines`: the completion window runs out after this many lines were answered; the batch ends `expired`,
 *   the answered lines are in the output file and the rest in the error file with code `batch_expired`;
 * - `fail`: validation fails; the batch ends `failed` with this error in `errors.data` and no files.
 */
export type ScriptedBatchFault = { expireAfterLines: number } | { fail: { code: string; message: string } };

/** Options of the scripted Files and Batches endpoints. */
export interface ScriptedBatchOptions {
  /** Time each status step takes, in ms: validating, finalizing, cancelling (default 20). */
  stepMs?: number;
  /** Requests allowed in one batch input file (default 50 000, as the OpenAI API). */
  maxRequests?: number;
  /** Bytes allowed in one batch input file (default 200 MB, as the OpenAI API). */
  maxFileBytes?: number;
  /** Lines of a batch answered at the same time (default 16). */
  lineConcurrency?: number;
  /** Decides a fault for each batch when it is created (`index`: 0-based creation order). */
  fault?: (batch: { index: number; id: string; requests: number }) => ScriptedBatchFault | undefined;
}

/** A batch object as the API returns it (`GET /v1/batches/{id}`). */
export interface ScriptedBatch {
  id: string;
  object: "batch";
  endpoint: string;
  model?: string;
  errors: {
    object: "list";
    data: { code: string; message: string; param: string | null; line: number | null }[];
  } | null;
  input_file_id: string;
  completion_window: string;
  status: "validating" | "failed" | "in_progress" | "finalizing" | "completed" | "expired" | "cancelling" | "cancelled";
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  usage: {
    input_tokens: number;
    input_tokens_details: { cached_tokens: number };
    output_tokens: number;
    output_tokens_details: { reasoning_tokens: number };
    total_tokens: number;
  };
  metadata: Record<string, string> | null;
}

interface StoredFile {
  object: {
    id: string;
    object: "file";
    bytes: number;
    created_at: number;
    filename: string;
    purpose: string;
    status: "processed";
    expires_at: number | null;
    status_details: null;
  };
  content: Buffer;
}

const PURPOSES = new Set(["assistants", "batch", "fine-tune", "vision", "user_data", "evals"]);
const ENDPOINTS = new Set(["/v1/chat/completions"]);
const TERMINAL = new Set(["failed", "completed", "expired", "cancelled"]);

const now = () => Math.floor(Date.now() / 1000);
const hex = (n: number) => randomUUID().replaceAll("-", "").slice(0, n);

function json(res: ServerResponse, record: RecordedRequest, status: number, body: unknown): void {
  record.status = status;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": `req_${hex(32)}`,
  });
  res.end(text);
}

function apiError(res: ServerResponse, record: RecordedRequest, error: ApiErrorReply): void {
  json(res, record, error.status, {
    error: {
      message: error.message,
      type: error.type ?? "invalid_request_error",
      param: error.param ?? null,
      code: error.code ?? null,
    },
  });
}

async function readBuffer(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** One line of a batch input file that passed validation. */
interface BatchLine {
  custom_id: string;
  body: unknown;
}

/** Checks the input file the way the Batch API does before it starts; returns the lines or the errors. */
function validateInput(
  content: string,
  endpoint: string,
  maxRequests: number,
): { lines: BatchLine[] } | { errors: NonNullable<ScriptedBatch["errors"]>["data"] } {
  const errors: NonNullable<ScriptedBatch["errors"]>["data"] = [];
  const lines: BatchLine[] = [];
  const seen = new Set<string>();
  content.split("\n").forEach((text, i) => {
    if (text.trim() === "") return;
    const line = i + 1;
    let value: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
    try {
      value = JSON.parse(text);
    } catch {
      errors.push({
        code: "invalid_json_line",
        message: "This line is not parseable as valid JSON.",
        param: null,
        line,
      });
      return;
    }
    if (typeof value.custom_id !== "string" || value.custom_id === "") {
      errors.push({ code: "missing_required_parameter", message: "Missing custom_id.", param: "custom_id", line });
      return;
    }
    if (seen.has(value.custom_id)) {
      errors.push({
        code: "duplicate_custom_id",
        message:
          "The custom_id for this request is a duplicate of another request. The custom_id parameter must be unique for each request in a batch.",
        param: "custom_id",
        line,
      });
      return;
    }
    seen.add(value.custom_id);
    if (value.method !== "POST") {
      errors.push({ code: "invalid_value", message: "method must be POST.", param: "method", line });
      return;
    }
    if (value.url !== endpoint) {
      errors.push({
        code: "mismatched_endpoint",
        message: `The provided URL '${String(value.url)}' does not match the batch endpoint '${endpoint}'.`,
        param: "url",
        line,
      });
      return;
    }
    if (typeof value.body !== "object" || value.body === null) {
      errors.push({ code: "missing_required_parameter", message: "Missing body.", param: "body", line });
      return;
    }
    lines.push({ custom_id: value.custom_id, body: value.body });
  });
  if (lines.length + errors.length > maxRequests) {
    errors.unshift({
      code: "too_many_requests",
      message: `The batch input file contains ${lines.length + errors.length} requests; a batch may contain at most ${maxRequests}.`,
      param: null,
      line: null,
    });
  }
  if (lines.length === 0 && errors.length === 0) {
    errors.push({ code: "empty_file", message: "The batch input file is empty.", param: null, line: null });
  }
  return errors.length > 0 ? { errors } : { lines };
}

/**
 * The OpenAI Files and Batches endpoints of the scripted server: `POST /v1/files` (multipart upload),
 * `GET /v1/files/{id}`, `GET /v1/files/{id}/content`, `DELETE /v1/files/{id}`, `POST /v1/batches`,
 * `GET /v1/batches/{id}`, `GET /v1/batches` (cursor paging), `POST /v1/batches/{id}/cancel`. A batch moves
 * validating → in_progress → finalizing → completed (or failed / expired / cancelling → cancelled), and each line is
 * answered by `answer`, the same function as `POST /v1/chat/completions`.
 */
export function createBatchEndpoints(params: {
  options?: ScriptedBatchOptions;
  answer: (body: unknown, record: RecordedRequest) => Promise<{ status: number; body: unknown }>;
  record: (record: RecordedRequest) => void;
}) {
  const options = params.options ?? {};
  const stepMs = options.stepMs ?? 20;
  const maxRequests = options.maxRequests ?? 50_000;
  const maxFileBytes = options.maxFileBytes ?? 200 * 1024 * 1024;
  const lineConcurrency = options.lineConcurrency ?? 16;
  const files = new Map<string, StoredFile>();
  const batches = new Map<string, ScriptedBatch>();
  const cancelRequested = new Set<string>();
  const stopping = new AbortController();

  function storeFile(filename: string, purpose: string, content: Buffer): StoredFile {
    const file: StoredFile = {
      object: {
        id: `file-${hex(24)}`,
        object: "file",
        bytes: content.length,
        created_at: now(),
        filename,
        purpose,
        status: "processed",
        expires_at: null,
        status_details: null,
      },
      content,
    };
    files.set(file.object.id, file);
    return file;
  }

  async function run(batch: ScriptedBatch, index: number): Promise<void> {
    const signal = stopping.signal;
    await abortableSleep({ ms: stepMs, signal });
    if (cancelRequested.has(batch.id)) {
      // cancelled while validating: nothing was answered
      Object.assign(batch, { status: "cancelled", cancelled_at: now() });
      return;
    }
    const input = files.get(batch.input_file_id) as StoredFile;
    const checked = validateInput(input.content.toString("utf8"), batch.endpoint, maxRequests);
    const fault =
      "lines" in checked ? options.fault?.({ index, id: batch.id, requests: checked.lines.length }) : undefined;
    if ("errors" in checked || (fault && "fail" in fault)) {
      const data =
        "errors" in checked
          ? checked.errors
          : [{ ...(fault as { fail: { code: string; message: string } }).fail, param: null, line: null }];
      Object.assign(batch, { status: "failed", failed_at: now(), errors: { object: "list", data } });
      return;
    }
    const lines = checked.lines;
    const models = [...new Set(lines.map((l) => (l.body as { model?: unknown }).model))];
    if (typeof models[0] === "string") batch.model = models[0];
    Object.assign(batch, { status: "in_progress", in_progress_at: now() });
    batch.request_counts.total = lines.length;
    const expireAfter = fault && "expireAfterLines" in fault ? fault.expireAfterLines : Number.POSITIVE_INFINITY;
    const output: string[] = [];
    const errors: string[] = [];
    let next = 0;
    let answered = 0;
    let expired = false;
    const worker = async () => {
      while (next < lines.length && !signal.aborted) {
        if (cancelRequested.has(batch.id)) return;
        if (answered >= expireAfter) {
          expired = true;
          return;
        }
        const line = lines[next++] as BatchLine;
        answered++;
        const record: RecordedRequest = {
          index: -1,
          method: "POST",
          path: "/v1/chat/completions",
          batchId: batch.id,
          status: 0,
          receivedAt: Date.now(),
        };
        const reply = await params.answer(line.body, record);
        record.status = reply.status;
        record.finishedAt = Date.now();
        params.record(record);
        const outputLine = JSON.stringify({
          id: `batch_req_${hex(32)}`,
          custom_id: line.custom_id,
          response: { status_code: reply.status, request_id: `req_${hex(32)}`, body: reply.body },
          error: null,
        });
        if (reply.status === 200) {
          output.push(outputLine);
          batch.request_counts.completed++;
          const usage = (reply.body as { usage?: { prompt_tokens?: number; completion_tokens?: number } }).usage;
          batch.usage.input_tokens += usage?.prompt_tokens ?? 0;
          batch.usage.output_tokens += usage?.completion_tokens ?? 0;
          batch.usage.total_tokens = batch.usage.input_tokens + batch.usage.output_tokens;
        } else {
          errors.push(outputLine);
          batch.request_counts.failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(lineConcurrency, Math.max(1, lines.length)) }, worker));
    if (signal.aborted) return;
    if (expired) {
      // what was never started expires with the window
      const started = new Set([...output, ...errors].map((l) => (JSON.parse(l) as { custom_id: string }).custom_id));
      for (const line of lines) {
        if (started.has(line.custom_id)) continue;
        errors.push(
          JSON.stringify({
            id: `batch_req_${hex(32)}`,
            custom_id: line.custom_id,
            response: null,
            error: {
              code: "batch_expired",
              message: "This request could not be executed before the completion window expired.",
            },
          }),
        );
        batch.request_counts.failed++;
      }
    }
    const cancelled = cancelRequested.has(batch.id);
    if (!cancelled) Object.assign(batch, { status: "finalizing", finalizing_at: now() });
    await abortableSleep({ ms: stepMs, signal });
    if (signal.aborted) return;
    const name = (kind: string) => `${batch.id}_${kind}.jsonl`;
    if (output.length > 0) {
      batch.output_file_id = storeFile(name("output"), "batch_output", Buffer.from(`${output.join("\n")}\n`)).object.id;
    }
    if (errors.length > 0) {
      batch.error_file_id = storeFile(name("error"), "batch_output", Buffer.from(`${errors.join("\n")}\n`)).object.id;
    }
    if (cancelled) Object.assign(batch, { status: "cancelled", cancelled_at: now() });
    else if (expired) Object.assign(batch, { status: "expired", expired_at: now() });
    else Object.assign(batch, { status: "completed", completed_at: now() });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const path = record.path;
    const method = req.method ?? "GET";
    if (path === "/v1/files" && method === "POST") {
      const raw = await readBuffer(req);
      let form: FormData;
      try {
        form = await new Request("http://scripted/upload", {
          method: "POST",
          headers: { "content-type": String(req.headers["content-type"] ?? "") },
          body: raw,
        }).formData();
      } catch {
        return apiError(res, record, {
          status: 400,
          message: "Expected a multipart/form-data upload with 'file' and 'purpose'.",
        });
      }
      const file = form.get("file");
      const purpose = form.get("purpose");
      if (!(file instanceof Blob)) {
        return apiError(res, record, { status: 400, message: "Missing required parameter: 'file'.", param: "file" });
      }
      if (typeof purpose !== "string" || !PURPOSES.has(purpose)) {
        return apiError(res, record, {
          status: 400,
          message: `Invalid value for 'purpose': use one of ${[...PURPOSES].join(", ")}.`,
          param: "purpose",
        });
      }
      const content = Buffer.from(await file.arrayBuffer());
      if (purpose === "batch" && content.length > maxFileBytes) {
        return apiError(res, record, {
          status: 400,
          message: `File is ${content.length} bytes; a batch input file may be at most ${maxFileBytes} bytes.`,
          param: "file",
        });
      }
      const filename = (file as { name?: string }).name ?? "upload.jsonl";
      return json(res, record, 200, storeFile(filename, purpose, content).object);
    }
    const fileMatch = /^\/v1\/files\/([^/]+)(\/content)?$/u.exec(path);
    if (fileMatch) {
      const stored = files.get(fileMatch[1] as string);
      if (!stored) {
        return apiError(res, record, { status: 404, message: `No such File object: ${fileMatch[1]}`, param: "id" });
      }
      if (fileMatch[2] && method === "GET") {
        record.status = 200;
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": stored.content.length });
        res.end(stored.content);
        return;
      }
      if (method === "GET") return json(res, record, 200, stored.object);
      if (method === "DELETE") {
        files.delete(stored.object.id);
        return json(res, record, 200, { id: stored.object.id, object: "file", deleted: true });
      }
    }
    if (path === "/v1/batches" && method === "POST") {
      let body: {
        input_file_id?: unknown;
        endpoint?: unknown;
        completion_window?: unknown;
        metadata?: unknown;
      };
      try {
        body = JSON.parse((await readBuffer(req)).toString("utf8"));
      } catch {
        return apiError(res, record, { status: 400, message: "We could not parse the JSON body of your request." });
      }
      record.body = body;
      if (typeof body.input_file_id !== "string" || !files.has(body.input_file_id)) {
        return apiError(res, record, {
          status: 404,
          message: `No such File object: ${String(body.input_file_id)}`,
          param: "input_file_id",
        });
      }
      if (typeof body.endpoint !== "string" || !ENDPOINTS.has(body.endpoint)) {
        return apiError(res, record, {
          status: 400,
          message: `Invalid value for 'endpoint': the scripted server supports ${[...ENDPOINTS].join(", ")}.`,
          param: "endpoint",
        });
      }
      if (body.completion_window !== "24h") {
        return apiError(res, record, {
          status: 400,
          message: "Invalid value for 'completion_window': only '24h' is supported.",
          param: "completion_window",
        });
      }
      const created = now();
      const batch: ScriptedBatch = {
        id: `batch_${hex(24)}`,
        object: "batch",
        endpoint: body.endpoint,
        errors: null,
        input_file_id: body.input_file_id,
        completion_window: "24h",
        status: "validating",
        output_file_id: null,
        error_file_id: null,
        created_at: created,
        in_progress_at: null,
        expires_at: created + 24 * 3600,
        finalizing_at: null,
        completed_at: null,
        failed_at: null,
        expired_at: null,
        cancelling_at: null,
        cancelled_at: null,
        request_counts: { total: 0, completed: 0, failed: 0 },
        usage: {
          input_tokens: 0,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 0,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 0,
        },
        metadata: (body.metadata as Record<string, string> | undefined) ?? null,
      };
      const index = batches.size;
      batches.set(batch.id, batch);
      run(batch, index).catch((error: unknown) => {
        Object.assign(batch, {
          status: "failed",
          failed_at: now(),
          errors: {
            object: "list",
            data: [{ code: "server_error", message: (error as Error).message, param: null, line: null }],
          },
        });
      });
      return json(res, record, 200, batch);
    }
    if (path === "/v1/batches" && method === "GET") {
      const url = new URL(req.url ?? "/", "http://scripted");
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") ?? 20)));
      const all = [...batches.values()].reverse();
      const after = url.searchParams.get("after");
      const start = after ? all.findIndex((b) => b.id === after) + 1 : 0;
      const page = all.slice(start, start + limit);
      return json(res, record, 200, {
        object: "list",
        data: page,
        first_id: page[0]?.id ?? null,
        last_id: page.at(-1)?.id ?? null,
        has_more: start + limit < all.length,
      });
    }
    const batchMatch = /^\/v1\/batches\/([^/]+)(\/cancel)?$/u.exec(path);
    if (batchMatch) {
      const batch = batches.get(batchMatch[1] as string);
      if (!batch) {
        return apiError(res, record, { status: 404, message: `No batch found with id '${batchMatch[1]}'.` });
      }
      if (batchMatch[2] && method === "POST") {
        if (TERMINAL.has(batch.status)) {
          return apiError(res, record, {
            status: 409,
            message: `Cannot cancel a batch with status '${batch.status}'.`,
          });
        }
        if (batch.status !== "cancelling") {
          cancelRequested.add(batch.id);
          Object.assign(batch, { status: "cancelling", cancelling_at: now() });
        }
        return json(res, record, 200, batch);
      }
      if (!batchMatch[2] && method === "GET") return json(res, record, 200, batch);
    }
    return apiError(res, record, { status: 404, message: `Invalid URL (${method} ${path})` });
  }

  return {
    handles: (path: string) =>
      path === "/v1/files" ||
      path.startsWith("/v1/files/") ||
      path === "/v1/batches" ||
      path.startsWith("/v1/batches/"),
    handle,
    list: (): ScriptedBatch[] => [...batches.values()].map((b) => structuredClone(b)),
    stop: () => stopping.abort(),
  };
}
