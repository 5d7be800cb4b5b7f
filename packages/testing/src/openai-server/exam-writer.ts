import { type ChatCompletionRequest, messageText } from "./chat-request.js";
import type { ScriptedHandler, ScriptedReply } from "./scripted-openai-server.js";

/** Options of {@link examWriterHandler}. */
export interface ExamWriterOptions {
  /** Questions per answer; default: the number after "exactly" in the prompt ("exactly 3 questions"), else 2. */
  questionsPerRequest?: number;
  /** Distractors per question; default: the number before "distractors" in the prompt, else 3. */
  distractorsPerQuestion?: number;
  /** Finds the source passage in the request; default: the text inside the last `<source>…</source>` tags. */
  extractSource?: (request: ChatCompletionRequest) => string;
  /** Changes each answer before it is sent, e.g. to add a flawed question. */
  transform?: (questions: WrittenQuestion[], request: ChatCompletionRequest) => WrittenQuestion[];
}

/** One question as the exam writer emits it (question-chain's output schema). */
export interface WrittenQuestion {
  question: string;
  answer: string;
  distractors: string[];
  citations: string[];
}

function defaultSource(request: ChatCompletionRequest): string {
  const text = request.messages
    .filter((m) => m.role === "user")
    .map((m) => messageText(m))
    .join("\n");
  const matches = [...text.matchAll(/<source>([\s\S]*?)<\/source>/gu)];
  const last = matches.at(-1);
  return last ? (last[1] as string).trim() : text;
}

/** The JSON schema the request asks the answer to follow (response format or the first tool's parameters). */
function requestSchema(request: ChatCompletionRequest): unknown {
  const format = request.response_format as { json_schema?: { schema?: unknown } } | undefined;
  return format?.json_schema?.schema ?? request.tools?.[0]?.function?.parameters;
}

/** The `enum` of `citations` items in the request's schema: a strict endpoint may only cite those. */
function citationEnum(schema: unknown): unknown[] | undefined {
  const items = (schema as { properties?: { questions?: { items?: { properties?: Record<string, unknown> } } } })
    ?.properties?.questions?.items?.properties?.citations as { items?: { enum?: unknown } } | undefined;
  const values = items?.items?.enum;
  return Array.isArray(values) ? values : undefined;
}

/** Sentences listed in the prompt as `[n] text` (the question chain's numbered citation list): text → number. */
export function numberedSentences(request: ChatCompletionRequest): Map<string, number> {
  const text = request.messages.map((m) => messageText(m)).join("\n");
  const out = new Map<string, number>();
  for (const match of text.matchAll(/^\[(\d+)\] (.+)$/gmu)) out.set((match[2] as string).trim(), Number(match[1]));
  return out;
}

function promptNumber(request: ChatCompletionRequest, pattern: RegExp): number | undefined {
  const text = request.messages.map((m) => messageText(m)).join("\n");
  const match = pattern.exec(text);
  return match ? Number(match[1]) : undefined;
}

const NUMBER = /\d+(?:[.,]\d+)?/gu;
const WORD = /\p{L}{5,}/gu;
// Japanese and Chinese: the writer asks in the passage's language, as a model told to write in it would.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const PARTICLE_START = /^[のがをにはでとへもや]/u;
const PARTICLE_END = /[のがをにはでとへもや]$/u;
const words = new Intl.Segmenter(undefined, { granularity: "word" });

function wordCount(sentence: string): number {
  let n = 0;
  for (const segment of words.segment(sentence)) if (segment.isWordLike) n++;
  return n;
}

function numericDistractors(answer: string, count: number): string[] {
  const value = Number(answer.replace(",", "."));
  const decimals = answer.includes(".") || answer.includes(",") ? (answer.split(/[.,]/u)[1]?.length ?? 0) : 0;
  const out: string[] = [];
  for (let k = 1; out.length < count; k++) {
    for (const candidate of [value + k, value * (k + 1), value - k]) {
      const text = candidate.toFixed(decimals);
      if (candidate >= 0 && text !== answer && !out.includes(text) && out.length < count) out.push(text);
    }
  }
  return out;
}

function wordDistractors(answer: string, source: string, count: number, sentence = ""): string[] {
  // A Japanese run of letters that starts or ends with a particle (を水または…, ルミナフェン錠は) is a fragment, not
  // an option; nor is a run the question itself shows.
  const words = [...new Set(source.match(WORD) ?? [])].filter(
    (w) =>
      w.toLowerCase() !== answer.toLowerCase() &&
      !(CJK.test(w) && (PARTICLE_START.test(w) || PARTICLE_END.test(w) || sentence.includes(w))),
  );
  // options of similar length, so the length-bias check stays quiet
  words.sort((a, b) => Math.abs(a.length - answer.length) - Math.abs(b.length - answer.length) || a.localeCompare(b));
  const out = words.slice(0, count);
  for (let i = 1; out.length < count; i++) out.push(`${answer.slice(0, -1)}${"xyzqw"[i % 5]}${i}`);
  return out;
}

/**
 * Writes multiple-choice questions from a source passage, deterministically: each question blanks the key term (the
 * last number, else the longest word) of one sentence, cites that sentence verbatim and offers distractors of similar
 * shape. The questions pass question-chain's quality checks, which makes this a stand-in for a model in end-to-end
 * tests and benchmarks.
 */
export function writeExamQuestions(
  source: string,
  questions: number,
  distractors: number,
  /** The sentences it may quote (a schema's `citations` enum); default: its own split of the source. */
  quotable?: readonly string[],
): WrittenQuestion[] {
  const sentences = (quotable ?? source.split(/(?<=[.!?])\s+|(?<=[。！？])|\n+/u))
    .map((s) => s.trim())
    .filter((s) => (CJK.test(s) ? wordCount(s) : s.split(/\s+/u).length) >= 6);
  const out: WrittenQuestion[] = [];
  for (const sentence of sentences) {
    if (out.length >= questions) break;
    const numbers = sentence.match(NUMBER);
    const answer = numbers?.at(-1) ?? [...(sentence.match(WORD) ?? [])].sort((a, b) => b.length - a.length)[0];
    if (!answer) continue;
    const blanked = sentence.replace(answer, "_____");
    out.push({
      question: CJK.test(sentence)
        ? `次の記述の空欄に入るものはどれか。「${blanked}」`
        : `Which option completes this statement: "${blanked}"?`,
      answer,
      distractors: numbers
        ? numericDistractors(answer, distractors)
        : wordDistractors(answer, source, distractors, sentence),
      citations: [sentence],
    });
  }
  return out;
}

/**
 * A scripted-server handler that acts as a question-writing model: it reads the source passage from the prompt and
 * answers with `{ "questions": [...] }` built by {@link writeExamQuestions} (as a tool call or JSON content, whichever
 * the request asked for). When the request's schema limits `citations` to an `enum` of sentences, it quotes only
 * those, as a strict structured-output endpoint would.
 *
 * @example
 * const server = await startScriptedOpenAIServer({ handler: examWriterHandler(), latencyMs: 200, maxConcurrency: 8 });
 */
export function examWriterHandler(options: ExamWriterOptions = {}): ScriptedHandler {
  return (request): ScriptedReply => {
    const source = (options.extractSource ?? defaultSource)(request);
    const count = options.questionsPerRequest ?? promptNumber(request, /exactly (\d+)/iu) ?? 2;
    const distractors = options.distractorsPerQuestion ?? promptNumber(request, /(\d+) distractors/iu) ?? 3;
    // Like a strict json_schema endpoint, it cites only what the schema allows: listed sentences, or their numbers.
    const allowed = citationEnum(requestSchema(request));
    const numbered = allowed?.every((v) => typeof v === "number") ? numberedSentences(request) : undefined;
    const quotable = numbered
      ? [...numbered.keys()]
      : (allowed?.filter((v): v is string => typeof v === "string") ?? undefined);
    let questions = writeExamQuestions(source, count, distractors, quotable);
    if (numbered) {
      questions = questions.map((q) => ({
        ...q,
        citations: q.citations.map((c) => numbered.get(c) ?? c) as unknown as string[],
      }));
    }
    if (options.transform) questions = options.transform(questions, request);
    return { json: { questions } };
  };
}
