export {
  type AvailableCpusParams,
  availableCpus,
  cgroupCpuQuota,
  defaultGenerationThreads,
} from "./available-cpus.js";
export { toChatHistory } from "./chat-history.js";
export { describeLocalModel, type LocalModelDescription } from "./describe-local-model.js";
export {
  defaultModelCacheDir,
  domainEvalCacheDir,
  EMBEDDED_MODELS,
  type EmbeddedModel,
  type EmbeddedModelName,
  type FetchedModel,
  fetchEmbeddedModel,
} from "./embedded-models.js";
export { toGrammarJsonSchema } from "./json-schema-grammar.js";
export {
  buildLlama,
  LLAMA_BINARY_ENV,
  LLAMA_BUILD_CMAKE_OPTIONS,
  type LlamaBinaryChoice,
  type LlamaBinaryInfo,
  type LlamaBuildLocation,
  type LlamaBuildResult,
  llamaBinaryChoice,
  llamaBuildLocation,
  type RestoredLlamaBuild,
  restoreLlamaBuild,
} from "./llama-build.js";
export {
  createLocalChatModel,
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_MAX_TOKENS,
  DEFAULT_TEMPERATURE,
  LocalChatModel,
  type LocalChatModelCallOptions,
  type LocalChatModelParams,
} from "./local-chat-model.js";
export { LocalModelError, type LocalModelErrorCode } from "./local-model-error.js";
export { isModelUri, resolveModelUri } from "./resolve-model-uri.js";
export {
  createOptionScorer,
  DEFAULT_SCORER_CONTEXT_SIZE,
  type OptionScorer,
  type OptionScorerParams,
  type OptionScores,
} from "./score-options.js";
