/** Version tag of the results file; readers check it. */
export const RESULTS_FORMAT = "domain-eval/results@1";

/** Flags item analysis raises on a question. */
export type ItemFlag =
  /** Every evaluated model missed it (at least two models): the key may be wrong; send it back to review. */
  | "ALL_MODELS_WRONG"
  /**
   * Every evaluated model got it right without the source passage (the exam prompt never shows it), and the
   * question's own validation found it answerable closed book: it may test general knowledge, not the documents.
   * Only raised on datasets that carry validation results (`validation_closed_book`).
   */
  | "ALL_MODELS_RIGHT_CLOSED_BOOK";

/** LightEval's scores for one model. `acc_norm` is null for generative (endpoint) scoring, which has no likelihoods. */
export interface ModelScores {
  acc: number;
  acc_stderr: number | null;
  acc_norm: number | null;
  acc_norm_stderr: number | null;
}

/** One question as one model answered it. */
export interface ItemAnswer {
  /** The question's `id` column (or `row-<index>` when the dataset has none). */
  id: string;
  /** Index of the correct option, as the dataset holds it. */
  gold: number;
  /** Index of the option the model picked (most likely option, or the letter it wrote); null when none. */
  predicted: number | null;
  /** LightEval's verdict for this question (`acc`, or `extractive_match` for generative scoring). */
  correct: boolean;
}

/** One model of the panel. */
export interface ModelResult {
  /** Short name: the embedded model's name, the folder or file name, the Hub id, or the endpoint's model id. */
  name: string;
  /** The spec as given. */
  spec: string;
  backend: "transformers" | "endpoint";
  status: "ok" | "failed";
  /** Why it failed: LightEval's (or the conversion's) own message. */
  error: string | null;
  /** Null when the model failed. */
  scores: ModelScores | null;
  items: ItemAnswer[];
  /** Accuracy on the questions whose correct answer is at each letter (position bias shows as uneven values). */
  position_accuracy: Record<string, number>;
  /** Where LightEval wrote its own output for this model. */
  lighteval: { results_file: string | null; details_dir: string | null; command: string | null };
  /** Seconds LightEval ran (model load included); 0 when the result came from the results cache. */
  seconds: number;
  /** True when this result was reused from an earlier run on the same dataset revision and task file. */
  cached: boolean;
}

/** Item analysis of one question over the models that ran. */
export interface ItemAnalysis {
  id: string;
  /** Share of models that got it right (0 = nobody, 1 = every model); null when no model ran. */
  difficulty: number | null;
  /**
   * Point-biserial correlation between being right on this question and the model's total score (accuracy) over the
   * models that ran; null when it is undefined (fewer than two models, or every model right, or every model wrong,
   * or every model with the same total).
   */
  discrimination: number | null;
  flags: ItemFlag[];
}

/** What `domain-eval evaluate` writes to `RESULTS_DIR/results.json`. */
export interface EvaluationResults {
  format: typeof RESULTS_FORMAT;
  dataset: {
    /** Folder or Hub id. */
    path: string;
    /** sha256 of the Parquet files (local folder) or the pinned Hub revision; null for an unpinned Hub dataset. */
    revision: string | null;
    /** LightEval task spec, e.g. `finance_exam|0`. */
    task: string;
    num_questions: number;
  };
  created_at: string;
  models: ModelResult[];
  items: ItemAnalysis[];
  /** True when the run was stopped (Ctrl-C) before every model ran; the models listed are the ones that finished. */
  interrupted?: boolean;
}
