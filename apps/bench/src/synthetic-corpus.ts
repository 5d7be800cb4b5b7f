import { assignAnswerPositions, type ExamItem, type ExamQuestion, toExamItem } from "@domain-eval/core";
import type { ChunkMetadata } from "@domain-eval/question-chain";
import { seededRandom } from "@domain-eval/testing";
import type { DocumentInterface } from "@langchain/core/documents";

const SYLLABLES = ["ka", "lo", "mer", "tis", "va", "ron", "del", "qui", "sna", "bor", "te", "lix", "pra", "umi", "gor"];
const LINKS = ["shall apply to", "is reported under", "limits the exposure of", "is reviewed by", "covers"];

/** A pseudo-word: distinct words keep the synthetic chunks far apart for the near-duplicate check. */
function pseudoWord(random: () => number, minSyllables = 2): string {
  const n = minSyllables + Math.floor(random() * 3);
  let word = "";
  for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word;
}

function sentence(random: () => number): string {
  const subject = `The ${pseudoWord(random, 3)} ${pseudoWord(random)}`;
  const link = LINKS[Math.floor(random() * LINKS.length)];
  const object = `${pseudoWord(random)} ${pseudoWord(random, 3)} ${pseudoWord(random)}`;
  const figure = (10 + Math.floor(random() * 9000)).toString();
  return `${subject} ${link} every ${object} above ${figure} units per quarter.`;
}

/** Parameters of {@link syntheticChunks}. */
export interface SyntheticChunksParams {
  /** Number of chunks (each its own small document). */
  count: number;
  /** Sentences per chunk (default 6; the exam writer needs 3 sentences of at least 6 words). */
  sentencesPerChunk?: number;
  /** Seed; the same seed gives the same text. Default 1. */
  seed?: number;
}

/**
 * Deterministic source chunks with chunk metadata, as `splitDocuments` would make them: distinct pseudo-words, one
 * figure per sentence, so the scripted exam writer finds key terms and quality checks pass.
 *
 * @example
 * const chunks = syntheticChunks({ count: 400 }); // chunks[0].metadata.chunk_id === "bench-doc-0:0-…"
 */
export function syntheticChunks(params: SyntheticChunksParams): DocumentInterface<ChunkMetadata>[] {
  const random = seededRandom(params.seed ?? 1);
  const chunks: DocumentInterface<ChunkMetadata>[] = [];
  for (let i = 0; i < params.count; i++) {
    const text = Array.from({ length: params.sentencesPerChunk ?? 6 }, () => sentence(random)).join(" ");
    const documentId = `bench-doc-${i}`;
    chunks.push({
      pageContent: text,
      metadata: {
        document_id: documentId,
        document_path: `${documentId}.txt`,
        chunk_id: `${documentId}:0-${text.length}`,
        chunk_index: 0,
        start: 0,
        end: text.length,
      },
    });
  }
  return chunks;
}

/** `n` pseudo-words that differ from each other and from `besides` (a question's options must all differ). */
function distinctWords(random: () => number, n: number, besides: string): string[] {
  const words = new Set<string>([besides]);
  while (words.size < n + 1) words.add(pseudoWord(random, 3));
  return [...words].slice(1);
}

/** Parameters of {@link syntheticExamItems}. */
export interface SyntheticExamItemsParams {
  /** Number of items. */
  count: number;
  /** Seed; the same seed gives the same items. Default 1. */
  seed?: number;
  /** Seed of the choice order (default: `seed`); the CLI uses 1234 (`DEFAULT_CHOICE_SEED`). */
  choiceSeed?: number;
  /** Subject column (default "finance"). */
  subject?: string;
}

/**
 * Deterministic generated questions (questions.jsonl lines, as `domain-eval generate` writes them) of realistic size.
 *
 * @example
 * const questions = syntheticExamQuestions({ count: 1000 }); // questions[0].distractors.length === 3
 */
export function syntheticExamQuestions(params: { count: number; seed?: number }): ExamQuestion[] {
  const random = seededRandom(params.seed ?? 1);
  const questions: ExamQuestion[] = [];
  for (let i = 0; i < params.count; i++) {
    const cited = sentence(random);
    const answer = pseudoWord(random, 3);
    const documentId = `bench-doc-${i % 500}`;
    questions.push({
      id: `bench-q-${i}`,
      question: `Which option completes this statement from section ${i % 97} of the policy: "${cited.replace(/\d+/u, "_____")}"?`,
      answer,
      distractors: distinctWords(random, 3, answer),
      citations: [cited],
      source: {
        document_id: documentId,
        document_path: `${documentId}.txt`,
        chunk_id: `${documentId}:${i}`,
        start: 0,
        end: cited.length,
      },
      generator_model: "bench-model",
      prompt_version: "exam-v1",
    });
  }
  return questions;
}

/**
 * Deterministic exam items (dataset rows) of realistic size, built the way the pipeline builds them: an
 * `ExamQuestion` per item ({@link syntheticExamQuestions}), answer positions balanced with `assignAnswerPositions`,
 * then `toExamItem`.
 *
 * @example
 * const items = syntheticExamItems({ count: 10_000 }); // items[0].choices.length === 4
 */
export function syntheticExamItems(params: SyntheticExamItemsParams): ExamItem[] {
  const questions = syntheticExamQuestions(params);
  const seed = params.choiceSeed ?? params.seed ?? 1;
  const positions = assignAnswerPositions({
    items: questions.map((q) => ({ id: q.id, optionCount: q.distractors.length + 1 })),
    seed,
  });
  return questions.map((q) =>
    toExamItem({ question: q, subject: params.subject ?? "finance", seed, answerIndex: positions.get(q.id) }),
  );
}
