/** What went wrong, so callers (the CLI) can choose an exit code or a hint without matching on message text. */
export type LocalModelErrorCode =
  /** The model file does not exist or cannot be read. */
  | "model_file_not_found"
  /** The path exists but is not a GGUF model file. */
  | "not_a_gguf_file"
  /** The model, or the context size asked for, does not fit in this machine's memory. */
  | "insufficient_memory"
  /** node-llama-cpp has no working llama.cpp binary for this platform. */
  | "no_llama_binary"
  /** llama.cpp could not load the file (corrupt, truncated, or an architecture this llama.cpp does not know). */
  | "model_load_failed"
  /** Generation hit `maxTokens` before the structured (JSON) answer was complete. */
  | "output_truncated"
  /** An embedded model could not be downloaded from the package index or did not match its sha256. */
  | "model_fetch_failed";

/**
 * The one error type of this package. Its message is a single line saying what happened and what to do.
 *
 * @example
 * ```ts
 * try {
 *   await createLocalChatModel({ modelFile: "models/missing.gguf" });
 * } catch (error) {
 *   if (error instanceof LocalModelError && error.code === "model_file_not_found") process.exitCode = 2;
 *   throw error;
 * }
 * ```
 */
export class LocalModelError extends Error {
  override readonly name = "LocalModelError";
  /** What went wrong, as a stable code. */
  readonly code: LocalModelErrorCode;
  /** The model file concerned. */
  readonly modelFile: string;
  /** Tokens the failed call used, when it got as far as generating (`output_truncated`), so budgets count them. */
  readonly usage?: { input_tokens: number; output_tokens: number; total_tokens: number };

  constructor(params: {
    /** What went wrong. */
    code: LocalModelErrorCode;
    /** The model file concerned. */
    modelFile: string;
    /** One line: what happened and what to do. */
    message: string;
    /** The underlying error, when there is one. */
    cause?: unknown;
    /** Tokens the failed call used. */
    usage?: { input_tokens: number; output_tokens: number; total_tokens: number };
  }) {
    super(params.message, params.cause === undefined ? undefined : { cause: params.cause });
    this.code = params.code;
    this.modelFile = params.modelFile;
    if (params.usage) this.usage = params.usage;
  }
}
