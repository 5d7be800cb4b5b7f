import { DomainEvalError } from "@domain-eval/core";

/** What went wrong, so callers (the CLI) can choose an exit code or a hint without matching on message text. */
export type LocalModelErrorCode =
  /** The model file does not exist or cannot be read. */
  | "MODEL_FILE_NOT_FOUND"
  /** The path exists but is not a GGUF model file. */
  | "NOT_A_GGUF_FILE"
  /** The model, or the context size asked for, does not fit in this machine's memory. */
  | "INSUFFICIENT_MEMORY"
  /** node-llama-cpp has no working llama.cpp binary for this platform. */
  | "NO_LLAMA_BINARY"
  /** llama.cpp could not load the file (corrupt, truncated, or an architecture this llama.cpp does not know). */
  | "MODEL_LOAD_FAILED"
  /** Generation hit `maxTokens` before the structured (JSON) answer was complete. */
  | "OUTPUT_TRUNCATED"
  /** An embedded model could not be downloaded from the package index or did not match its sha256. */
  | "MODEL_FETCH_FAILED"
  /** `llamaBinary: "built"` (or `DOMAIN_EVAL_LLAMA_BINARY=built`) but this machine has no llama.cpp build of its own. */
  | "NO_LLAMA_BUILD"
  /** `buildLlama` (`domain-eval-build-llama`) could not compile or cache llama.cpp. */
  | "LLAMA_BUILD_FAILED";

/**
 * The one error type of this package. Its message is a single line saying what happened and what to do.
 *
 * @example
 * ```ts
 * try {
 *   await createLocalChatModel({ modelFile: "models/missing.gguf" });
 * } catch (error) {
 *   if (error instanceof LocalModelError && error.code === "MODEL_FILE_NOT_FOUND") process.exitCode = 2;
 *   throw error;
 * }
 * ```
 */
export class LocalModelError extends DomainEvalError<LocalModelErrorCode> {
  override readonly name = "LocalModelError";
  /** The model file concerned (empty for `LLAMA_BUILD_FAILED`, which concerns no model). */
  readonly modelFile: string;
  /** Tokens the failed call used, when it got as far as generating (`OUTPUT_TRUNCATED`), so budgets count them. */
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
    super(params);
    this.modelFile = params.modelFile;
    if (params.usage) this.usage = params.usage;
  }
}
