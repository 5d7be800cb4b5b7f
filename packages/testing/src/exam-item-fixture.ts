/**
 * A reviewed dataset row (core's `ExamItem` shape) for tests that need an exam dataset on disk: the content is the
 * test's, the provenance and review fields are fixed test values. Typed structurally so this package needs no core.
 *
 * @example
 * const items: ExamItem[] = QUESTIONS.map((q, index) => reviewedExamItem({ index, ...q, subject: "counting" }));
 * await writeDatasetFolder({ items, dir, splits: { dev: 2 }, card });
 */
export function reviewedExamItem(params: {
  /** Position in the set: the id is `q<index>` unless `id` is given, the chunk `<document>#<index>`. */
  index: number;
  question: string;
  choices: string[];
  /** Index of the correct choice. */
  answer: number;
  /** Default `"general_knowledge"`. */
  subject?: string;
  /** Default `q<index>`. */
  id?: string;
}): {
  id: string;
  question: string;
  subject: string;
  choices: string[];
  answer: number;
  source_document_id: string;
  source_chunk_id: string;
  citations: string[];
  generator_model: string;
  prompt_version: string;
  review_status: "submitted";
  reviewer_count: number;
  agreement: number;
} {
  return {
    id: params.id ?? `q${params.index}`,
    question: params.question,
    subject: params.subject ?? "general_knowledge",
    choices: params.choices,
    answer: params.answer,
    source_document_id: "doc-1",
    source_chunk_id: `doc-1#${params.index}`,
    citations: [],
    generator_model: "test-model",
    prompt_version: "test@1",
    review_status: "submitted",
    reviewer_count: 1,
    agreement: 1,
  };
}
