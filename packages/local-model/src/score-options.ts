import { availableParallelism } from "node:os";
import type { LlamaContext, LlamaContextSequence, Token } from "node-llama-cpp";
import { explainLoadFailure, type LoadedLocalModel, loadLocalModel } from "./load-local-model.js";
import { LocalModelError } from "./local-model-error.js";

/** Context window of an option scorer when none is given: prompts are one passage and a question. */
export const DEFAULT_SCORER_CONTEXT_SIZE = 4096;

/** How likely the model finds each option's text as the continuation of a prompt. */
export interface OptionScores {
  /** Sum of the log-probabilities of each option's tokens, in the order the options were given. */
  logLikelihoods: number[];
  /** Tokens of each option's continuation. */
  tokenCounts: number[];
  /** `logLikelihood / characters` of each option: LightEval's `acc_norm` normalisation, so long options are not punished. */
  normalized: number[];
  /** Softmax of `normalized`: relative scores that sum to 1 (not calibrated probabilities). */
  probabilities: number[];
  /** Index of the option with the highest normalised log-likelihood. */
  choice: number;
  /** Tokens evaluated for this call (prompt tokens already in the cache are not counted again). */
  evaluatedTokens: number;
}

/** Parameters of {@link createOptionScorer}. */
export interface OptionScorerParams {
  /** Path of the `.gguf` model file. */
  modelFile: string;
  /**
   * CPU threads. Default and maximum: `os.availableParallelism()`. More threads than cores makes llama.cpp about 100×
   * slower, so a larger number is refused.
   */
  threads?: number;
  /** Context window in tokens (prompt + longest option). Default 4096, or the model's own if smaller. */
  contextSize?: number;
  /** Offload to a GPU when one is available. Default `false`. */
  gpu?: boolean;
}

/** Scores multiple-choice options with a local model; one call at a time. */
export interface OptionScorer {
  /** The model file's name. */
  readonly modelName: string;
  /** The threads evaluation uses. */
  readonly threads: number;
  /**
   * Scores each option's text as the continuation of `prompt` (a space is put between them unless the prompt ends in
   * whitespace).
   */
  score(params: { prompt: string; options: readonly string[] }): Promise<OptionScores>;
  /** Counts the tokens of a text with the model's tokenizer. */
  countTokens(text: string): Promise<number>;
  /** Frees the model's memory. */
  dispose(): Promise<void>;
}

interface ScorerSession extends LoadedLocalModel {
  context: LlamaContext;
  sequence: LlamaContextSequence;
}

function checkThreads(threads: number | undefined): number {
  const cores = availableParallelism();
  if (threads === undefined) return cores;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new TypeError(`threads must be a whole number of at least 1, got ${threads}`);
  }
  if (threads > cores) {
    throw new TypeError(
      `threads ${threads} is more than this machine's ${cores} cores: llama.cpp slows down badly when oversubscribed, pass at most ${cores}`,
    );
  }
  return threads;
}

function softmax(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Loads a local GGUF model to score multiple-choice options by log-likelihood: each option's text is scored as the
 * continuation of the prompt, normalised by its length in characters (LightEval's `acc_norm`), and the best-scored
 * option is the model's choice. Small models pick letters by position rather than content; scoring the text avoids
 * that. The prompt's tokens stay in the context cache between the options of one call.
 *
 * @example
 * ```ts
 * const scorer = await createOptionScorer({ modelFile: "models/SmolLM2-135M-Instruct.Q4_1.gguf", threads: 2 });
 * const { choice, probabilities } = await scorer.score({
 *   prompt: "Question: What is the capital of France?\nAnswer:",
 *   options: ["Berlin", "Paris", "Madrid", "Rome"],
 * });
 * console.log(choice, probabilities); // 1 [..]
 * console.log(await scorer.countTokens("How many tokens?"));
 * await scorer.dispose();
 * ```
 */
export async function createOptionScorer(params: OptionScorerParams): Promise<OptionScorer> {
  if (!params || typeof params.modelFile !== "string" || params.modelFile.trim() === "") {
    throw new TypeError("modelFile is required: pass the path of a .gguf model file");
  }
  const threads = checkThreads(params.threads);
  const loaded = await loadLocalModel({ modelFile: params.modelFile, gpu: params.gpu ?? false });
  let session: ScorerSession;
  try {
    const context = await loaded.model.createContext({
      contextSize: params.contextSize ?? { max: DEFAULT_SCORER_CONTEXT_SIZE },
      sequences: 1,
      threads,
    });
    session = { ...loaded, context, sequence: context.getSequence() };
  } catch (error) {
    await loaded.model.dispose().catch(() => undefined);
    throw explainLoadFailure(error, loaded.file.path);
  }
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    if (disposed) return Promise.reject(new Error(`the option scorer of ${loaded.file.fileName} was disposed`));
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const tokenize = (text: string): Token[] => session.model.tokenize(text);

  /** Leaves exactly `tokens` in the sequence, evaluating only what is not cached yet. Returns tokens evaluated. */
  async function holdPrefix(tokens: Token[]): Promise<number> {
    const { sequence } = session;
    const { firstDifferentIndex } = sequence.compareContextTokens(tokens);
    const keep = Math.min(firstDifferentIndex, tokens.length);
    if (keep < sequence.nextTokenIndex) {
      await sequence.eraseContextTokenRanges([{ start: keep, end: sequence.nextTokenIndex }]);
    }
    const rest = tokens.slice(keep);
    if (rest.length > 0) await sequence.evaluateWithoutGeneratingNewTokens(rest);
    return rest.length;
  }

  async function scoreOne(
    prompt: Token[],
    continuation: Token[],
  ): Promise<{ logLikelihood: number; evaluated: number }> {
    // The logits after the prompt's last token predict the continuation's first one, so that token is fed again here.
    const evaluated = await holdPrefix(prompt.slice(0, -1));
    const input = [prompt[prompt.length - 1] as Token, ...continuation];
    const items = input.map((token, i) =>
      i < continuation.length
        ? ([
            token,
            {
              generateNext: {
                // includeTop: 1 brings the highest logit (includeMax returned only the filtered token in 3.22).
                logits: { filter: { tokens: [continuation[i] as Token], includeTop: 1 } },
                totalLogitWeight: true,
              },
            },
          ] as const)
        : token,
    );
    const outputs = await session.sequence.controlledEvaluate(items as never);
    let logLikelihood = 0;
    for (let i = 0; i < continuation.length; i++) {
      const next = outputs[i]?.next;
      const target = continuation[i] as Token;
      const logits = next?.logits;
      const total = next?.totalLogitWeight;
      const logit = logits?.get(target);
      const max = logits ? Math.max(...logits.values()) : undefined;
      if (logit === undefined || max === undefined || total === undefined || !(total > 0)) {
        throw new LocalModelError({
          code: "MODEL_LOAD_FAILED",
          modelFile: loaded.file.path,
          message: `llama.cpp returned no logits for an option token of ${loaded.file.fileName}: update node-llama-cpp`,
        });
      }
      logLikelihood += logit - max - Math.log(total);
    }
    return { logLikelihood, evaluated: evaluated + input.length };
  }

  return {
    modelName: loaded.file.fileName,
    threads,
    score({ prompt, options }) {
      if (options.length < 2) return Promise.reject(new TypeError("score needs at least 2 options"));
      return serial(async () => {
        const bos = session.model.tokens.bos;
        const promptTokens = tokenize(prompt);
        if (bos !== null && session.model.tokens.shouldPrependBosToken) promptTokens.unshift(bos);
        if (promptTokens.length === 0) throw new TypeError("score needs a non-empty prompt");
        const separator = /\s$/u.test(prompt) ? "" : " ";
        const logLikelihoods: number[] = [];
        const tokenCounts: number[] = [];
        let evaluatedTokens = 0;
        for (const option of options) {
          const continuation = tokenize(`${separator}${option}`);
          if (continuation.length === 0) throw new TypeError("score needs non-empty options");
          const needed = promptTokens.length + continuation.length;
          if (needed > session.context.contextSize) {
            throw new LocalModelError({
              code: "INSUFFICIENT_MEMORY",
              modelFile: loaded.file.path,
              message: `prompt and option need ${needed} tokens but the context holds ${session.context.contextSize}: pass a larger contextSize or a shorter passage`,
            });
          }
          const { logLikelihood, evaluated } = await scoreOne(promptTokens, continuation);
          logLikelihoods.push(logLikelihood);
          tokenCounts.push(continuation.length);
          evaluatedTokens += evaluated;
        }
        const normalized = logLikelihoods.map((ll, i) => ll / Math.max(1, (options[i] as string).length));
        const choice = normalized.reduce((best, v, i) => (v > (normalized[best] as number) ? i : best), 0);
        return {
          logLikelihoods,
          tokenCounts,
          normalized,
          probabilities: softmax(normalized),
          choice,
          evaluatedTokens,
        };
      });
    },
    countTokens: (text) => serial(async () => tokenize(text).length),
    async dispose() {
      if (disposed) return;
      await queue;
      disposed = true;
      await session.context.dispose().catch(() => undefined);
      await session.model.dispose().catch(() => undefined);
    },
  };
}
