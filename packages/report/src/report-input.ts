import type { CostAmount, Finding, TokenPrices } from "@domain-eval/core";

/**
 * What `generate` reports at the end of a run (the JSON of `domain-eval generate --json`, or `.generate` of
 * `domain-eval run --json`). questions.jsonl does not store token counts, so they appear only when this is given.
 */
export interface RunSummaryInput {
  documents?: number;
  chunks?: number;
  skipped?: { path: string; reason: string }[];
  stats?: {
    questionsKept?: number;
    questionsFlagged?: number;
    questionsDropped?: number;
    dropReasons?: Record<string, number>;
    calls?: number;
    promptTokens?: number;
    completionTokens?: number;
    tokensEstimated?: boolean;
    elapsedMs?: number;
    stoppedBy?: string;
  };
  failures?: { chunk_id: string; message: string }[];
  /** The generating model as configured (questions carry the id the endpoint reported). */
  model?: string;
  /** How the requests were sent: one by one (`sync`) or as batch jobs (`batch`). */
  mode?: "sync" | "batch";
  /** Money, when a price table was given: the dry-run estimate and what the run spent. */
  cost?: { estimate?: CostAmount; spend?: CostAmount };
  /**
   * The validation of the generated questions (`generate --validate --json`'s `validation`, `run --json`'s): the
   * panel, its answers and, when a price table was given, what they cost.
   */
  validation?: {
    panel?: readonly string[];
    calls?: number;
    /** Answers taken from an interrupted run's journal: not in `calls` nor in `spend`. */
    resumed?: number;
    spend?: CostAmount;
  };
}

/** Prices per million tokens (core's `TokenPrices`, the one price concept of domain-eval). */
export type { TokenPrices };

/** One chunk of the corpus (as `splitDocuments` makes them); lets the report show the chunks nobody asked about. */
export interface CorpusChunk {
  document_id: string;
  document_path?: string;
  chunk_id: string;
  /** Character offset of the chunk in its document; orders the chunks of a document. */
  start: number;
}

/** One dataset row as the report reads it (the ExamItem columns it needs). */
export interface DatasetRowInput {
  id: string;
  choices: string[];
  answer: number;
  review_status?: string | null;
  reviewer_count?: number | null;
  agreement?: number | null;
}

/** One line of `questions.dropped.jsonl`: the question and the findings that dropped it. */
export interface DroppedQuestionInput {
  question: Record<string, unknown>;
  findings: Finding[];
}

/** One model of `results.json` (format `domain-eval/results@1`, written by `domain-eval evaluate`). */
export interface EvaluationModelResult {
  name: string;
  spec?: string;
  backend?: string;
  status: "ok" | "failed";
  error?: string | null;
  scores?: Record<string, number | null | undefined>;
  items?: { id: string; gold: number; predicted: number | null; correct: boolean }[];
  position_accuracy?: Record<string, number | null>;
}

/** `results.json` (format `domain-eval/results@1`). */
export interface EvaluationResultsInput {
  format: "domain-eval/results@1";
  dataset?: { path?: string; revision?: string | null; task?: string; num_questions?: number };
  created_at?: string;
  models: EvaluationModelResult[];
  items: { id: string; difficulty: number | null; discrimination: number | null; flags?: string[] }[];
}

type Stream<T> = Iterable<T> | AsyncIterable<T>;

/** Everything a quality report is made from. Only `questions` is required; each other input adds its sections. */
export interface QualityReportInput {
  /** The kept questions: parsed lines of questions.jsonl (objects in the ExamQuestion shape, extra fields kept). */
  questions: Stream<unknown>;
  /** Parsed lines of questions.dropped.jsonl. */
  dropped?: Stream<unknown>;
  /**
   * Parsed lines of questions.validation-dropped.jsonl: questions the checks kept and the validation dropped (each a
   * question with its `validation` and findings, e.g. `KEY_DISPUTED`). They count as dropped.
   */
  validationDropped?: Stream<unknown>;
  /** Rows of the dataset folder (for answer positions and, after an Argilla review, review statistics). */
  datasetRows?: Stream<DatasetRowInput>;
  /** Evaluation results (results.json). */
  results?: EvaluationResultsInput;
  /** The generate summary (documents, chunks, calls, tokens). */
  runSummary?: RunSummaryInput;
  /** The corpus' chunks, to show documents and chunk positions that produced no question. */
  corpus?: Stream<CorpusChunk>;
  /** Token prices; the cost is shown when token counts are known. */
  prices?: TokenPrices;
  /** The Argilla dataset's page (http or https); flagged questions link to it, searching for their id. */
  argillaDatasetUrl?: string;
  /** Page title (default "Exam quality report"). */
  title?: string;
  /** Where the inputs came from, shown in the header. */
  sources?: { questions?: string; dataset?: string; results?: string; summary?: string };
  /** Bounds that keep a 100k-question report small. */
  limits?: {
    /** Points drawn in each scatter plot; more are sampled (default 1500). */
    scatterPoints?: number;
    /** Rows in each table; the rest are counted (default 200). */
    tableRows?: number;
  };
  /** Time printed in the header (default: now). */
  generatedAt?: Date;
}
