import type { AskedItem } from "./multiple-choice-answerer.js";

const PASSAGE =
  "Acme Corp requires 45 days of written notice before a supplier contract ends. The audit committee approves the annual budget after reviewing the external audit report. Acme's head office moved to Paris, the capital of France, in 2019.";

/**
 * Four questions, one of each kind validation must tell apart: clean, a wrong key, trivia (answerable without the
 * passage) and a giveaway (the key is the one long, specific option). Complete lines of questions.jsonl.
 */
export const VALIDATION_QUESTIONS = {
  clean: {
    id: "clean",
    citations: [PASSAGE],
    source: { document_id: "acme", chunk_id: "acme#0", start: 0, end: PASSAGE.length },
    generator_model: "scripted",
    prompt_version: "test",
    question: "How many days of written notice does Acme require before a supplier contract ends?",
    answer: "45 days",
    distractors: ["30 days", "60 days", "90 days"],
    source_text: PASSAGE,
  },
  wrongKey: {
    id: "wrong-key",
    citations: [PASSAGE],
    source: { document_id: "acme", chunk_id: "acme#0", start: 0, end: PASSAGE.length },
    generator_model: "scripted",
    prompt_version: "test",
    question: "What notice period applies before an Acme supplier contract ends?",
    answer: "30 days",
    distractors: ["45 days", "60 days", "90 days"],
    source_text: PASSAGE,
  },
  trivia: {
    id: "trivia",
    citations: [PASSAGE],
    source: { document_id: "acme", chunk_id: "acme#0", start: 0, end: PASSAGE.length },
    generator_model: "scripted",
    prompt_version: "test",
    question: "What is the capital of France?",
    answer: "Paris",
    distractors: ["Lyon", "Marseille", "Nice"],
    source_text: PASSAGE,
  },
  giveaway: {
    id: "giveaway",
    citations: [PASSAGE],
    source: { document_id: "acme", chunk_id: "acme#0", start: 0, end: PASSAGE.length },
    generator_model: "scripted",
    prompt_version: "test",
    question: "Who approves Acme's annual budget?",
    answer: "The audit committee, after reviewing the external audit report",
    distractors: ["Bob", "Sales", "Nobody"],
    source_text: PASSAGE,
  },
} as const;

const GENERAL_KNOWLEDGE: Record<string, string> = { "What is the capital of France?": "Paris" };

/**
 * A scripted panel member (for `multipleChoiceHandler`) that reads: open book, it picks the option found in the passage (the longest one, when
 * several are); closed book it knows only general knowledge; options only, it picks an option much longer than the
 * others; otherwise it follows the letter A.
 */
export function readingPanel(item: AskedItem): string | number | null {
  if (item.setting === "open_book") {
    const found = item.options.filter((o) =>
      item.passage?.toLowerCase().includes(o.toLowerCase().split(",")[0] as string),
    );
    return found.sort((a, b) => b.length - a.length)[0] ?? 0;
  }
  if (item.setting === "closed_book") return GENERAL_KNOWLEDGE[item.question ?? ""] ?? 0;
  const lengths = item.options.map((o) => o.length);
  const longest = Math.max(...lengths);
  const others = lengths.filter((l) => l !== longest);
  return others.every((l) => longest > 3 * l) ? lengths.indexOf(longest) : 0;
}
