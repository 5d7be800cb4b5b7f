import { availableParallelism } from "node:os";
import { errorMessage } from "@domain-eval/core";
import type { OptionScorer } from "@domain-eval/local-model";
import type { MemberAnswer, PanelMember } from "./panel-member.js";
import { continuationPrompt, type PanelItem } from "./validation-prompts.js";
import { ValidatorError } from "./validator-error.js";

/** Parameters of {@link createLocalMember}. */
export interface LocalMemberParams {
  /** Path of the `.gguf` file. */
  modelFile: string;
  /** Name recorded with the answers (default: the file name). */
  name?: string;
  /** CPU threads; at most `os.availableParallelism()` (the default), never more. */
  threads?: number;
  /** Context window in tokens (default 4096). */
  contextSize?: number;
}

/**
 * A panel member that runs a local GGUF model in this process (node-llama-cpp, via `@domain-eval/local-model`).
 * Small models pick letters by position, not content, so it scores each option's *text* as the continuation of the
 * prompt, by log-likelihood normalised by length (LightEval's `acc_norm`); the best-scored option is its answer and
 * the softmax of the scores its probabilities. The options are not listed in the prompt, so the order shown cannot
 * change its answer (order swap then finds it position-insensitive by construction). The model loads on the first
 * answer; call `dispose()` when done.
 *
 * @example
 * const member = createLocalMember({ modelFile: "SmolLM2-135M-Instruct.Q4_1.gguf", threads: 2 });
 * const answer = await member.answer({ item: { setting: "closed_book", question: "Capital of France?", options: ["Rome", "Paris"] } });
 * await member.dispose?.();
 */
export function createLocalMember(params: LocalMemberParams): PanelMember {
  const threads = params.threads ?? availableParallelism();
  if (threads > availableParallelism()) {
    throw new TypeError(
      `threads ${threads} is more than this machine's ${availableParallelism()} cores: pass at most ${availableParallelism()}`,
    );
  }
  const name =
    params.name ??
    params.modelFile
      .split(/[\\/]/u)
      .pop()
      ?.replace(/\.gguf$/iu, "") ??
    params.modelFile;
  let scorer: Promise<OptionScorer> | undefined;
  const scored = new Map<string, Map<string, number>>();
  const load = () => {
    if (!scorer) {
      // Imported lazily so endpoint-only panels never load node-llama-cpp.
      scorer = import("@domain-eval/local-model").then(({ createOptionScorer }) =>
        createOptionScorer({ modelFile: params.modelFile, threads, contextSize: params.contextSize }),
      );
      scorer.catch(() => {
        scorer = undefined;
      });
    }
    return scorer.catch((error: unknown) => {
      throw new ValidatorError({
        code: "LOCAL_MODEL_FAILED",
        message: `the local panel model ${params.modelFile} failed: ${errorMessage(error)}`,
        cause: error,
      });
    });
  };
  return {
    name,
    kind: "local",
    scoring: "logprobs",
    concurrency: 1,
    completionTokensPerAnswer: 0,
    async estimatePromptTokens(item: PanelItem) {
      // Each option is scored after the prompt; the prompt is cached, so it counts once, plus every option.
      const text = continuationPrompt(item);
      return Math.ceil(text.length / 4) + item.options.reduce((sum, o) => sum + Math.ceil(o.length / 4) + 1, 0);
    },
    async answer({ item }): Promise<MemberAnswer> {
      const prompt = continuationPrompt(item);
      // The prompt does not list the options, so another order of the same options scores the same: reuse it.
      const key = JSON.stringify([prompt, [...item.options].sort()]);
      let byText = scored.get(key);
      let promptTokens = 0;
      if (!byText) {
        const model = await load();
        const scores = await model.score({ prompt, options: item.options });
        byText = new Map(item.options.map((o, i) => [o, scores.normalized[i] as number]));
        scored.set(key, byText);
        promptTokens = scores.evaluatedTokens;
      }
      const normalized = item.options.map((o) => byText?.get(o) as number);
      const max = Math.max(...normalized);
      const exps = normalized.map((v) => Math.exp(v - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      return {
        choice: normalized.indexOf(max),
        probabilities: exps.map((e) => e / sum),
        noAnswer: null,
        usage: { promptTokens, completionTokens: 0 },
      };
    },
    async dispose() {
      const loaded = scorer;
      scorer = undefined;
      if (loaded) await (await loaded.catch(() => undefined))?.dispose();
    },
  };
}
