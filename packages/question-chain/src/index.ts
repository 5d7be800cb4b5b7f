export { type TokenEncodingName, tokenCounter } from "./count-tokens.js";
export { type EstimateExamParams, type ExamEstimate, estimateExam } from "./estimate-exam.js";
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
  documentIdFor,
  type LoadDocumentsParams,
  type LoadDocumentsResult,
  loadDocuments,
  type SkippedFile,
  type SourceDocumentMetadata,
  SUPPORTED_DOCUMENT_EXTENSIONS,
} from "./load-documents.js";
export {
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
  type SplitDocumentsParams,
  splitDocuments,
} from "./split-documents.js";
