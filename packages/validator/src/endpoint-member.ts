import { choiceLetter, errorMessage, linkedAbortController, redactSecrets, waitUnlessAborted } from "@domain-eval/core";
import type { MemberAnswer, PanelMember, PanelScoring } from "./panel-member.js";
import { type LetterPrompt, letterPrompt, type PanelItem } from "./validation-prompts.js";
import { ValidatorError } from "./validator-error.js";

/** Parameters of {@link createEndpointMember}. */
export interface EndpointMemberParams {
  /** OpenAI-compatible base URL, e.g. `http://localhost:8000/v1`. */
  baseUrl: string;
  /** Model id the endpoint serves. */
  model: string;
  /** Sent as `Authorization: Bearer …` when given; never logged. */
  apiKey?: string;
  /** How the letter is asked for: `json_schema` response format (default) or a forced tool call. */
  structuredOutput?: "json_schema" | "tools";
  /** Ask for token log-probabilities and use the probability of each letter (default true). */
  logprobs?: boolean;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Retries on 429, 5xx and network errors, with exponential backoff (default 3). */
  maxRetries?: number;
  /** First backoff in ms (default 500). */
  retryBaseDelayMs?: number;
  /**
   * How long one request may take, answer included, in ms (default 120,000): a request that gets no answer in time is
   * retried like a network error, and after the retries the error says so.
   */
  timeoutMs?: number;
  /** Counts prompt tokens for estimates (default: characters / 4). */
  countTokens?: (text: string) => number;
  /** Replaces the global `fetch` (tests, proxies). */
  fetch?: typeof fetch;
}

const TOOL_NAME = "give_answer";

function answerSchema(count: number): Record<string, unknown> {
  return {
    type: "object",
    properties: { answer: { type: "string", enum: Array.from({ length: count }, (_, i) => choiceLetter(i)) } },
    required: ["answer"],
    additionalProperties: false,
  };
}

interface ChatReply {
  choices?: {
    message?: { content?: string | null; tool_calls?: { function?: { arguments?: string } }[] };
    logprobs?: { content?: { token: string; logprob: number; top_logprobs?: { token: string; logprob: number }[] }[] };
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

function stripLetter(token: string): string {
  return token.replace(/["'\s.:)(]/gu, "").toUpperCase();
}

/** The letter's probability from the token log-probs, when the reply has them at the letter's position. */
function letterProbabilities(reply: ChatReply, letters: string[], chosen: string): number[] | null {
  const tokens = reply.choices?.[0]?.logprobs?.content;
  if (!tokens || tokens.length === 0) return null;
  let text = "";
  for (const token of tokens) {
    const before = text;
    text += token.token;
    // The letter is the first letter-like token after the `answer` key.
    if (!/answer"\s*:\s*"?\s*$/u.test(before) || stripLetter(token.token) !== chosen) continue;
    const mass = letters.map(() => 0);
    const alternatives = token.top_logprobs && token.top_logprobs.length > 0 ? token.top_logprobs : [token];
    for (const alt of alternatives) {
      const index = letters.indexOf(stripLetter(alt.token));
      if (index >= 0) mass[index] = (mass[index] as number) + Math.exp(alt.logprob);
    }
    const total = mass.reduce((a, b) => a + b, 0);
    return total > 0 ? mass.map((m) => m / total) : null;
  }
  return null;
}

function readLetter(reply: ChatReply, letters: string[]): { letter: string } | { reason: string } {
  const message = reply.choices?.[0]?.message;
  const raw = message?.tool_calls?.[0]?.function?.arguments ?? message?.content ?? "";
  const shown = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      reason: `the reply is not JSON {"answer": "${letters[0]}".."${letters.at(-1)}"}: ${JSON.stringify(shown)}`,
    };
  }
  const letter = (parsed as { answer?: unknown } | null)?.answer;
  if (typeof letter !== "string" || !letters.includes(letter.trim().toUpperCase())) {
    return { reason: `the reply names no option letter ${letters.join("/")}: ${JSON.stringify(shown)}` };
  }
  return { letter: letter.trim().toUpperCase() };
}

/** Whether a body is a web page (a proxy's or a web server's), not an API's JSON. */
function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype|html|head|body)\b/iu.test(text);
}

/**
 * A panel member behind any OpenAI-compatible endpoint (OpenAI, vLLM, TGI, Ollama, llama.cpp server, …). It asks for
 * one letter through structured output (`json_schema`, or a forced tool call), at temperature 0, and when the
 * endpoint returns token log-probabilities it uses the probability of each letter instead of the one sampled letter.
 * A reply that does not name a letter is recorded as no answer with the reason.
 *
 * @example
 * const member = createEndpointMember({ baseUrl: "http://localhost:8000/v1", model: "Qwen/Qwen2.5-7B-Instruct" });
 * const answer = await member.answer({ item: { setting: "closed_book", question: "Capital of France?", options: ["Rome", "Paris"] } });
 * console.log(answer.choice, answer.probabilities, await member.estimatePromptTokens({ setting: "options_only", options: ["a", "b"] }));
 */
export function createEndpointMember(params: EndpointMemberParams): PanelMember {
  let base: URL;
  try {
    base = new URL(params.baseUrl.endsWith("/") ? params.baseUrl : `${params.baseUrl}/`);
  } catch {
    throw new TypeError(`baseUrl "${params.baseUrl}" is not a URL: use e.g. http://localhost:8000/v1`);
  }
  if (!params.model || params.model.trim() === "") throw new TypeError("model is required: the id the endpoint serves");
  const doFetch = params.fetch ?? fetch;
  const structured = params.structuredOutput ?? "json_schema";
  const wantLogprobs = params.logprobs ?? true;
  const maxRetries = params.maxRetries ?? 3;
  const baseDelay = params.retryBaseDelayMs ?? 500;
  const timeoutMs = params.timeoutMs ?? 120_000;
  if (!(timeoutMs > 0)) throw new TypeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  const countTokens = params.countTokens ?? ((text: string) => Math.ceil(text.length / 4));
  const url = new URL("chat/completions", base).toString();
  let sawLogprobs = false;
  const label = `${params.model} at ${base.origin}`;

  function body(prompt: LetterPrompt, count: number): Record<string, unknown> {
    const schema = answerSchema(count);
    const request: Record<string, unknown> = {
      model: params.model,
      messages: [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ],
      temperature: 0,
      max_tokens: 16,
    };
    if (structured === "tools") {
      request.tools = [
        { type: "function", function: { name: TOOL_NAME, description: "Give the answer letter.", parameters: schema } },
      ];
      request.tool_choice = { type: "function", function: { name: TOOL_NAME } };
    } else {
      request.response_format = { type: "json_schema", json_schema: { name: "answer", strict: true, schema } };
    }
    if (wantLogprobs) {
      request.logprobs = true;
      request.top_logprobs = Math.min(20, Math.max(5, count));
    }
    return request;
  }

  async function post(request: Record<string, unknown>, signal?: AbortSignal): Promise<ChatReply> {
    let lastProblem = "";
    let lastCause: unknown;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      if (attempt > 0) {
        // the wait lets go of the run's signal when it ends: a long run retries under one signal thousands of times
        await waitUnlessAborted({ ms: baseDelay * 2 ** (attempt - 1), signal });
        signal?.throwIfAborted();
      }
      // each attempt has its own signal: the run's (Ctrl-C) or the timeout aborts it, and nothing stays on the run's
      const attemptAbort = linkedAbortController({ parent: signal });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        attemptAbort.abort();
      }, timeoutMs);
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(params.apiKey ? { authorization: `Bearer ${params.apiKey}` } : {}),
          },
          body: JSON.stringify(request),
          signal: attemptAbort.signal,
        });
        text = await response.text();
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        lastProblem = timedOut ? `no answer in ${timeoutMs / 1000} s` : errorMessage(error);
        lastCause = error;
        continue;
      } finally {
        clearTimeout(timer);
        attemptAbort.dispose();
      }
      if (response.ok) return chatReplyIn(text);
      const detail = (() => {
        try {
          return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
        } catch {
          return text;
        }
      })();
      // Some servers echo the key they were given ("invalid key sk-…"): it never reaches the message.
      const shown = redactSecrets({ text: detail, secrets: [params.apiKey] }).slice(0, 200);
      if (response.status === 429 || response.status >= 500) {
        lastProblem = `HTTP ${response.status} ${shown}`;
        lastCause = undefined;
        continue;
      }
      // a 404 on the path itself: the base URL lacks the API's prefix (an HTML 404 page, or "Invalid URL …")
      const wrongPath = response.status === 404 && (looksLikeHtml(text) || /invalid url|not found/iu.test(shown));
      throw new ValidatorError({
        code: "ENDPOINT_FAILED",
        message: wrongPath
          ? `${label} has no chat completions API at ${url} (HTTP 404): check the base URL (an OpenAI-compatible API usually ends in /v1)`
          : `${label} refused the validation request (HTTP ${response.status}: ${shown}): check the model id, the API key, and that the endpoint supports ${structured === "tools" ? "tool calls" : "json_schema response formats"}`,
      });
    }
    throw new ValidatorError({
      code: "ENDPOINT_UNAVAILABLE",
      message: `${label} did not answer after ${maxRetries + 1} attempts (${redactSecrets({ text: lastProblem, secrets: [params.apiKey] })}): check that it is running, or lower --concurrency`,
      cause: lastCause,
    });
  }

  /** A successful reply's body as a chat completion; anything else (an HTML page, other JSON) is the wrong server. */
  function chatReplyIn(text: string): ChatReply {
    let reply: unknown;
    try {
      reply = JSON.parse(text);
    } catch {
      reply = undefined;
    }
    if (reply !== null && typeof reply === "object" && Array.isArray((reply as ChatReply).choices)) {
      return reply as ChatReply;
    }
    const shown = redactSecrets({ text: text.slice(0, 80), secrets: [params.apiKey] });
    const what = looksLikeHtml(text) ? "an HTML page" : JSON.stringify(shown);
    throw new ValidatorError({
      code: "ENDPOINT_FAILED",
      message: `${label} answered with ${what}, not an OpenAI chat completion: check the base URL (an OpenAI-compatible API usually ends in /v1)`,
    });
  }

  /** The chat completions request for an item: the same for a direct call and for a batch line. */
  function requestBody(item: PanelItem): Record<string, unknown> {
    return body(letterPrompt(item), item.options.length);
  }

  /** Reads a reply (a direct call's or a batch output line's) into an answer. */
  function readReply(item: PanelItem, reply: ChatReply): MemberAnswer {
    const prompt = letterPrompt(item);
    const letters = item.options.map((_, i) => choiceLetter(i));
    const usage = {
      promptTokens: reply.usage?.prompt_tokens ?? countTokens(prompt.system) + countTokens(prompt.user),
      completionTokens: reply.usage?.completion_tokens ?? 8,
    };
    const read = readLetter(reply, letters);
    if ("reason" in read) return { choice: null, probabilities: null, noAnswer: read.reason, usage };
    const probabilities = wantLogprobs ? letterProbabilities(reply, letters, read.letter) : null;
    if (probabilities) sawLogprobs = true;
    const choice = probabilities
      ? probabilities.reduce((best, p, i) => (p > (probabilities[best] as number) ? i : best), 0)
      : letters.indexOf(read.letter);
    return { choice, probabilities, noAnswer: null, usage };
  }

  return {
    name: params.model,
    kind: "endpoint",
    get scoring(): PanelScoring {
      return sawLogprobs ? "logprobs" : "letter";
    },
    concurrency: params.concurrency ?? 4,
    completionTokensPerAnswer: 8,
    async estimatePromptTokens(item) {
      const prompt = letterPrompt(item);
      return countTokens(prompt.system) + countTokens(prompt.user) + 8;
    },
    async answer({ item, signal }): Promise<MemberAnswer> {
      return readReply(item, await post(requestBody(item), signal));
    },
    batch: {
      baseUrl: base.toString(),
      requestBody,
      readReply: ({ item, reply }) => readReply(item, reply as ChatReply),
    },
  };
}
