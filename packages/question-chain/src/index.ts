export {
  type ChatCompletionAnswer,
  type ChunkAnswerReading,
  type ChunkRequest,
  type ChunkRequestMessage,
  type ChunkRetry,
  type ParsedChunkAnswer,
  type PlannedChunk,
  prepareChunkRequest,
  type QuestionChainSettings,
  readChunkAnswer,
} from "./chunk-request.js";
export { type TokenEncodingName, tokenCounter } from "./count-tokens.js";
export { type EstimateExamParams, type ExamEstimate, estimateExam } from "./estimate-exam.js";
export { type ExamRun, type ExamRunChunk, type ExamRunParams, startExamRun } from "./exam-run.js";
export {
  type ExamBudget,
  type ExamFailure,
  type ExamProgress,
  type ExamSource,
  type ExamStats,
  type GenerateExamParams,
  type GenerateExamResult,
  generateExam,
} from "./generate-exam.js";
export {
  type CitationStyle,
  citableSentences,
  type GroundingOrder,
  groundedQuestionsSchema,
  MAX_CITATIONS,
  MAX_OPTION_CHARS,
  MAX_QUESTION_CHARS,
  resolveCitations,
} from "./grounding-schema.js";
export {
  documentIdFor,
  type LoadDocumentsParams,
  type LoadDocumentsResult,
  loadDocuments,
  type SkippedFile,
  type SourceDocumentMetadata,
  SUPPORTED_DOCUMENT_EXTENSIONS,
} from "./load-documents.js";
export { classifyModelCallError, type ModelCallFailure, type ModelCallFailureCode } from "./model-call-failure.js";
export {
  type ChunkAnswer,
  createQuestionChain,
  type DroppedQuestion,
  QuestionChain,
  type QuestionChainInput,
  type QuestionChainOutput,
  type QuestionChainParams,
  type QuestionChainUsage,
  questionIdFor,
  type StructuredOutputMode,
} from "./question-chain.js";
export { QuestionChainError, type QuestionChainErrorCode } from "./question-chain-error.js";
export {
  buildQuestionPrompt,
  type GeneratedQuestions,
  GeneratedQuestionsSchema,
  QUESTION_PROMPT_VERSION,
  type QuestionPromptOptions,
} from "./question-prompt.js";
export { type ModelOutputReading, readModelOutput } from "./read-model-output.js";
export {
  type ChunkDocument,
  type ChunkMetadata,
  DEFAULT_MIN_CHUNK_TOKENS,
  type SplitDocumentsParams,
  splitDocuments,
} from "./split-documents.js";
