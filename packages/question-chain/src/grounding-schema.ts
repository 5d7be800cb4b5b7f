import { displayWidth, hasSpacelessScript, segmentWords } from "@domain-eval/core";

/** Longest question a model may write, in characters: room for a scenario stem, not for a page of text. */
export const MAX_QUESTION_CHARS = 250;
/** Longest answer or distractor, in characters. */
export const MAX_OPTION_CHARS = 100;
/** Most quotes per question. */
export const MAX_CITATIONS = 2;
/** Most sentences offered as quotes for one chunk (the first ones). */
export const MAX_CITABLE_SENTENCES = 60;

/** Where the quote goes in each question object. */
export type GroundingOrder = "quote-first" | "question-first";

/**
 * How a question cites the passage: `number` — the numbers of sentences from a numbered list sent with the passage
 * (cheap for grammars and tokens: a 135M model writes several times faster than when it must spell each sentence out);
 * `sentence` — the sentences themselves, as an `enum` of their text.
 */
export type CitationStyle = "number" | "sentence";

const MIN_SENTENCE_WORDS = 4;
const MIN_SENTENCE_CHARS = 20;
/** List, heading and quote markers at the start of a line: not part of the sentence a reader would quote. */
const LINE_MARKER = /^(?:#{1,6}\s+|[-*+>]\s+|\(?\d{1,3}[.)]\s+|\(\w{1,3}\)\s+|\|\s*)+/u;

/** Sentence segmenters by language: each chunk's request lists its sentences, and an ICU segmenter is costly to make. */
const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string | undefined): Intl.Segmenter {
  const key = language ?? "";
  let segmenter = sentenceSegmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
    sentenceSegmenters.set(key, segmenter);
  }
  return segmenter;
}

/** A run of characters between ASCII whitespace that holds an ASCII letter or digit. */
const ASCII_WORD_TOKEN = /[^ \t\n\r\f\v]*[A-Za-z0-9][^ \t\n\r\f\v]*/gu;

/**
 * Whether a sentence has at least `count` words as core's `segmentWords` counts them. Each run between ASCII spaces
 * that holds an ASCII letter or digit holds at least one such word (words never span ASCII whitespace), so an English
 * sentence is settled by counting those runs; the segmenter counts whatever that leaves open.
 */
function hasWords(text: string, count: number): boolean {
  let runs = 0;
  for (const _ of text.matchAll(ASCII_WORD_TOKEN)) if (++runs >= count) return true;
  return segmentWords({ text }).length >= count;
}

// A line that ends inside a sentence of a script written without spaces: on a character of that script or on a
// comma (、，,；;), not on a full stop, a colon or a closing bracket (a heading such as 第22条（年次有給休暇）).
const ENDS_MID_SENTENCE = /[、，,；;]$/u;
// A line that starts a new item: an article (第8条, 第十九条), a bracketed heading (【用法】), a numbered or bulleted item.
const STARTS_ITEM =
  /^(?:第[0-9〇一二三四五六七八九十百千]+[条條項项款章節节]|【|[〇一二三四五六七八九十]+[、．.]|[（(][0-9０-９一二三四五六七八九十]+[)）]|[0-9０-９]+[.)．）]|[・■●◆○※#*>|-])/u;

/**
 * The lines of a passage with lines wrapped inside a Japanese or Chinese sentence joined again (`…推移し、\n営業利益は
 * …` is one sentence), as core's quote matching reads them. A line is joined to the next when it ends mid-sentence
 * (a character of a script written without spaces, or a comma) and is not a short title, and the next line starts
 * with such a character or a digit, not a new item (第8条, 【用法】, 一、, (1), ・).
 */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\n/u)) {
    const line = raw.trim();
    const previous = lines.at(-1);
    if (previous !== undefined && line !== "" && wrapsInto(previous, line))
      lines[lines.length - 1] = previous.trimEnd() + line;
    else lines.push(raw);
  }
  return lines;
}

function wrapsInto(previous: string, next: string): boolean {
  const end = previous.trimEnd();
  const last = end.slice(-1);
  if (last === "" || !(hasSpacelessScript({ text: last }) || ENDS_MID_SENTENCE.test(last))) return false;
  if (!hasSpacelessScript({ text: end })) return false;
  // a title ("さくらマート会員規約") is short and has no comma
  if (!/[、，,]/u.test(end) && displayWidth({ text: end }) < 30) return false;
  const first = next.slice(0, 1);
  return (hasSpacelessScript({ text: first }) || /[0-9０-９]/u.test(first)) && !STARTS_ITEM.test(next);
}

/**
 * The sentences of a passage a question may quote: verbatim slices of the text (line markers such as `#`, `-` or
 * `(1)` left out, whitespace trimmed; a Japanese or Chinese sentence wrapped over lines is one sentence, its line
 * breaks left out, as core's quote matching finds it), at least 4 words and 20 Latin-character widths long (core's
 * `segmentWords` and `displayWidth`, so sentences of languages written without spaces count too), without repeats,
 * the first {@link MAX_CITABLE_SENTENCES}. Lines are split into sentences with `Intl.Segmenter`.
 *
 * @example
 * citableSentences({ text: "# Terms\n\nThe rate is 3.1% a year. It is paid monthly on the balance." })
 * // ["The rate is 3.1% a year.", "It is paid monthly on the balance."]
 */
export function citableSentences(params: {
  /** The chunk's text. */
  text: string;
  /** BCP 47 language of the text, for sentence splitting (e.g. "ja"); default: the runtime's. */
  language?: string;
}): string[] {
  const { text, language } = params;
  const segmenter = sentenceSegmenter(language);
  const out = new Set<string>();
  for (const line of logicalLines(text)) {
    for (const { segment } of segmenter.segment(line)) {
      const sentence = segment.trim().replace(LINE_MARKER, "").trim();
      // Widths and words as core's checks count them, so a Japanese or Chinese sentence (no spaces) can be quoted.
      if (displayWidth({ text: sentence }) < MIN_SENTENCE_CHARS) continue;
      if (!hasWords(sentence, MIN_SENTENCE_WORDS)) continue;
      out.add(sentence);
      if (out.size >= MAX_CITABLE_SENTENCES) return [...out];
    }
  }
  return [...out];
}

/**
 * The JSON schema sent with one chunk's request (as a llama.cpp grammar for local models, as `json_schema` or tool
 * parameters for endpoints). It bounds everything a model could run away with: exactly `questions` questions, exactly
 * `optionsPerQuestion - 1` distractors, strings of at most {@link MAX_QUESTION_CHARS} / {@link MAX_OPTION_CHARS}
 * characters, 1–{@link MAX_CITATIONS} quotes; and each quote is an `enum` of the chunk's sentences, so a model whose
 * output is constrained by the schema can only quote the passage verbatim.
 *
 * @example
 * const schema = groundedQuestionsSchema({ sentences: citableSentences({ text: chunk.pageContent }), questions: 2, optionsPerQuestion: 4 });
 * model.withStructuredOutput(schema, { name: "exam_questions" });
 */
export function groundedQuestionsSchema(params: {
  /** Sentences a question may quote, from {@link citableSentences}. */
  sentences: readonly string[];
  /** Questions the answer must hold (0 when there is nothing to ask about). */
  questions: number;
  /** Options per question, answer included. */
  optionsPerQuestion: number;
  /** `quote-first` puts `citations` before the question, so the model picks a sentence, then asks about it. */
  order?: GroundingOrder;
  /** Sentence numbers (default) or sentence text. */
  citationStyle?: CitationStyle;
}): Record<string, unknown> {
  const distractors = params.optionsPerQuestion - 1;
  const text = (description: string, maxLength: number) => ({ type: "string", minLength: 1, maxLength, description });
  const byNumber = (params.citationStyle ?? "number") === "number";
  const items =
    params.sentences.length === 0
      ? { type: "string" }
      : byNumber
        ? { type: "integer", enum: params.sentences.map((_, i) => i + 1) }
        : { type: "string", enum: [...params.sentences] };
  const citations = {
    type: "array",
    description: byNumber
      ? "Numbers of the sentences (from the numbered list) that prove the answer."
      : "Sentences of the passage, copied exactly, that prove the answer.",
    items,
    minItems: 1,
    maxItems: MAX_CITATIONS,
  };
  const body = {
    question: text("The question, answerable from the passage alone.", MAX_QUESTION_CHARS),
    answer: text("The single correct answer.", MAX_OPTION_CHARS),
    distractors: {
      type: "array",
      description: "Wrong but plausible answers, all different from each other and from the answer.",
      items: text("A wrong but plausible answer.", MAX_OPTION_CHARS),
      minItems: distractors,
      maxItems: distractors,
    },
  };
  const properties = params.order === "question-first" ? { ...body, citations } : { citations, ...body };
  return {
    type: "object",
    description: "Multiple-choice exam questions written from a source passage.",
    properties: {
      questions: {
        type: "array",
        description: "The exam questions.",
        items: {
          type: "object",
          properties,
          required: Object.keys(properties),
          additionalProperties: false,
        },
        minItems: params.questions,
        maxItems: params.questions,
      },
    },
    required: ["questions"],
    additionalProperties: false,
  };
}

/** What is added to the request: the numbered sentences (for `number` citations) and the order to work in. */
export function groundingInstructions(params: {
  sentences: readonly string[];
  order: GroundingOrder;
  citationStyle: CitationStyle;
}): string {
  const lines: string[] = [];
  if (params.citationStyle === "number") {
    lines.push(
      "Sentences you may cite, by number (in `citations`, give the numbers of the sentences that prove the answer instead of copying them):",
      ...params.sentences.map((sentence, i) => `[${i + 1}] ${sentence}`),
    );
  }
  if (params.order === "quote-first") {
    lines.push(
      "For each question, first choose the sentence it is about (`citations`), then ask about one fact that sentence states; do not copy the whole sentence into the question or the answer.",
    );
  }
  return lines.join("\n");
}

/**
 * The cited sentences' text: numbers become the sentence they name; text is kept.
 *
 * @example
 * resolveCitations({ citations: [2, "verbatim"], sentences: ["First.", "Second."] }); // ["Second.", "verbatim"]
 */
export function resolveCitations(params: {
  /** 1-based sentence numbers or quoted text, as the model answered. */
  citations: readonly (string | number)[];
  /** The numbered sentences shown to the model (from {@link citableSentences}). */
  sentences: readonly string[];
}): string[] {
  const { citations, sentences } = params;
  return citations.map((c) => (typeof c === "number" ? (sentences[c - 1] ?? `(no sentence ${c})`) : c));
}
