/** How big each workload is. */
export interface BenchSizes {
  /** Chunks sent to the scripted server (one request each). */
  generationChunks: number;
  /** Chunks of the second, larger run of ours (the efficiency target must hold at this size too). */
  generationLargeChunks: number;
  /** Fixed latency of every scripted answer, ms. */
  generationLatencyMs: number;
  /** Server-side cap on answers in progress; our concurrency is set to it. */
  generationServerConcurrency: number;
  /** distilabel `input_batch_size` tried besides its default (50): its best setting against a capped server. */
  distilabelTunedBatchSize: number;
  /** Exam records logged into Argilla per side and run. */
  ingestionRecords: number;
  /** Records per setting when sweeping batch size × requests in flight for the server's raw limit. */
  ingestionSweepRecords: number;
  /** Items exported to Parquet per side and run. */
  exportItems: number;
  /** Reviewed records read back per side and run. */
  readingRecords: number;
  /** Questions validated against the scripted server per run. */
  validationQuestions: number;
  /** Fixed latency of every scripted answer in the validation workload, ms. */
  validationLatencyMs: number;
  /** Questions validated by the real SmolLM2 per run. */
  validationLocalQuestions: number;
  /** Test questions each model answers in the evaluation workload (LightEval 0.13 on CPU). */
  evaluationQuestions: number;
  /** Models evaluated: the real embedded ones (full) or only the tiny random one (smoke). */
  evaluationModels: readonly ("tiny" | "smollm2-135m-instruct" | "gemma-3-270m")[];
  /** Question counts the near-duplicate filter runs over (the first: the 4,000-chunk generation run's questions). */
  nearDuplicateQuestions: readonly number[];
}

/** The sizes (manual run) and tiny ones that exercise the same code paths in CI. */
export const BENCH_SIZES: Record<"full" | "smoke", BenchSizes> = {
  full: {
    generationChunks: 400,
    generationLargeChunks: 4000,
    generationLatencyMs: 200,
    generationServerConcurrency: 16,
    distilabelTunedBatchSize: 400,
    ingestionRecords: 10_000,
    ingestionSweepRecords: 2_000,
    exportItems: 100_000,
    readingRecords: 10_000,
    validationQuestions: 200,
    validationLatencyMs: 50,
    validationLocalQuestions: 8,
    evaluationQuestions: 100,
    evaluationModels: ["smollm2-135m-instruct", "gemma-3-270m"],
    nearDuplicateQuestions: [12_000, 40_000],
  },
  smoke: {
    generationChunks: 40,
    generationLargeChunks: 80,
    generationLatencyMs: 200,
    generationServerConcurrency: 16,
    distilabelTunedBatchSize: 40,
    ingestionRecords: 200,
    ingestionSweepRecords: 100,
    exportItems: 1_000,
    readingRecords: 200,
    validationQuestions: 8,
    validationLatencyMs: 50,
    validationLocalQuestions: 2,
    evaluationQuestions: 10,
    evaluationModels: ["tiny"],
    nearDuplicateQuestions: [300, 600],
  },
};
