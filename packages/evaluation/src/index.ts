export { type DatasetSource, REQUIRED_COLUMNS, readDatasetSource } from "./dataset-source.js";
export {
  type EvaluateModelsParams,
  type EvaluationProgress,
  evaluateModels,
} from "./evaluate-models.js";
export { EvaluationError, type EvaluationErrorCode } from "./evaluation-error.js";
export { convertGgufToTransformers } from "./gguf-conversion.js";
export { renderHubEvalFiles } from "./hub-eval-results.js";
export { type AnalysedQuestion, analyseItems, optionLetter, positionAccuracy } from "./item-analysis.js";
export { EVALUATION_PYTHON_DIR } from "./lighteval-output.js";
export { type ModelSpec, modelDisplayName, parseModelSpec } from "./model-spec.js";
export {
  type EvaluationResults,
  type ItemAnalysis,
  type ItemAnswer,
  type ItemFlag,
  type ModelResult,
  type ModelScores,
  RESULTS_FORMAT,
} from "./results-format.js";
export { renderResultsMarkdown } from "./results-markdown.js";
