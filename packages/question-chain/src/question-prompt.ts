import type { DomainPlugin } from "@domain-eval/core";
import { type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { z } from "zod";

/** Version of this package's question-writing prompt; part of every question's `prompt_version`. */
export const QUESTION_PROMPT_VERSION = "question-chain/2";

/**
 * What the model must return: `{ "questions": [...] }`. Structure only; quality is judged by the checks. An empty list
 * is a valid answer (a chunk can be a lone heading); the minimum counts on distractors and quotes guide
 * grammar-constrained local models, which write exactly what the schema allows.
 */
export const GeneratedQuestionsSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            question: z.string().describe("The question, answerable from the source passage alone."),
            answer: z.string().describe("The single correct answer."),
            distractors: z
              .array(z.string())
              .min(3)
              .describe("Wrong but plausible answers, all different from each other."),
            citations: z
              .array(z.union([z.string(), z.number().int().min(1)]))
              .min(1)
              .describe(
                "Verbatim quotes copied exactly from the source passage that support the answer, or the numbers of such sentences when the request lists them.",
              ),
          })
          .strict(),
      )
      .describe("The exam questions (none when the passage holds nothing to ask about, e.g. a lone heading)."),
  })
  .strict()
  .describe("Multiple-choice exam questions written from a source passage.");

export type GeneratedQuestions = z.infer<typeof GeneratedQuestionsSchema>;

/** Options that shape the prompt. */
export interface QuestionPromptOptions {
  /** Questions to ask for per chunk. */
  questionsPerChunk: number;
  /** Options per question: the answer plus `optionsPerQuestion - 1` distractors. */
  optionsPerQuestion: number;
  /** Language to write in (a name or code, e.g. "en", "German"); default: the domain's first language, else English. */
  language?: string;
  /** Domain instructions and worked examples. */
  domain?: DomainPlugin;
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: "English",
  de: "German",
  fr: "French",
  es: "Spanish",
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
  ja: "Japanese",
  zh: "Chinese",
  ko: "Korean",
  ar: "Arabic",
  he: "Hebrew",
  th: "Thai",
};

/**
 * How to write in a language other than English: its own script and punctuation, as the passage has them. Per
 * language, the usual exam conventions a model tends to get wrong (romanising, half-width punctuation).
 */
const LANGUAGE_CONVENTIONS: Record<string, string> = {
  ja: "Use Japanese punctuation as the passage does (、 。 「」 （） ？), keep kanji, kana and full-width or half-width digits exactly as written in the passage, and end each question as a Japanese exam does (…はどれか。 / …は何か。).",
  zh: "Use Chinese full-width punctuation as the passage does (， 。 、 “” （） ？), and keep simplified or traditional characters exactly as the passage writes them.",
  ko: "Use Hangul as the passage does; keep numbers and units exactly as written.",
};

function languageRules(language: string): string[] {
  const base = language.split("-")[0]?.toLowerCase() ?? language;
  if (base === "en" || language === "English") return [];
  const convention = LANGUAGE_CONVENTIONS[base];
  return [
    `- Write every question, answer and distractor in ${languageName(language)} as a native exam writer would: never romanise, transliterate or translate names, terms or units; keep the passage's script, punctuation and number formats as written.`,
    ...(convention ? [`- ${convention}`] : []),
    "- Options that refer to other options are forbidden in every language (e.g. 上記のすべて, 以上都不是, keine der genannten, aucune de ces réponses).",
  ];
}

function languageName(language: string): string {
  const base = language.split("-")[0]?.toLowerCase() ?? language;
  return LANGUAGE_NAMES[base] ?? language;
}

/**
 * The messages sent to the model for one chunk: a system message with the rules, the domain's instructions and
 * worked examples, and a user message with the passage between `<source>` tags.
 *
 * @example
 * const messages = buildQuestionPrompt({ sourceText: chunk.pageContent, questionsPerChunk: 3, optionsPerQuestion: 4 });
 */
export function buildQuestionPrompt(params: QuestionPromptOptions & { sourceText: string }): BaseMessage[] {
  const distractors = params.optionsPerQuestion - 1;
  const language = languageName(params.language ?? params.domain?.languages[0] ?? "en");
  const rules = [
    "You write multiple-choice exam questions that test understanding of a source passage.",
    "Rules:",
    "- Every question must be answerable from the passage alone, without outside knowledge, and make sense without seeing the passage (no 'according to the passage').",
    `- Give exactly one correct answer and ${distractors} distractors: wrong but plausible answers, distinct from each other and from the answer, similar to it in length and form.`,
    "- Never use 'all of the above', 'none of the above' or options that refer to other options.",
    "- In `citations`, copy one or more sentences from the passage exactly, character for character, that prove the answer.",
    "- Ask about different facts; do not ask the same thing twice.",
    `- Write in ${language}.`,
    ...languageRules(params.language ?? params.domain?.languages[0] ?? "en"),
    'Reply with JSON only, in this shape: {"questions": [{"question": "...", "answer": "...", "distractors": ["..."], "citations": ["..."]}]}',
  ];
  if (params.domain) {
    rules.push("", `Domain: ${params.domain.displayName}.`, params.domain.instructions.trim());
    const examples = params.domain.fewShotExamples.map((example) => {
      const shown = {
        question: example.question,
        answer: example.answer,
        distractors: example.distractors,
        citations: example.citations,
      };
      const why = example.explanation ? `\nWhy the distractors work: ${example.explanation}` : "";
      return `<source>\n${example.source_text}\n</source>\n${JSON.stringify({ questions: [shown] })}${why}`;
    });
    if (examples.length > 0) rules.push("", "Worked examples:", ...examples);
  }
  const ask = `Write exactly ${params.questionsPerChunk} question${params.questionsPerChunk === 1 ? "" : "s"}, each with ${distractors} distractors, about this passage. Reply in JSON.`;
  return [new SystemMessage(rules.join("\n")), new HumanMessage(`<source>\n${params.sourceText}\n</source>\n\n${ask}`)];
}
