export { QuestionChainError, type QuestionChainErrorCode } from "../question-chain-error.js";
export {
  type BatchLimits,
  type BatchRequestLine,
  OPENAI_BATCH_LIMITS,
  splitBatchRequests,
} from "./batch-request-file.js";
export {
  type BatchChatCompletion,
  type BatchLineResult,
  readBatchResultLine,
  readBatchResultsFile,
  readBatchResultsText,
} from "./batch-results.js";
export {
  type BatchRunProgress,
  chunkRequestBody,
  type GenerateExamBatchParams,
  type GenerateExamBatchResult,
  type GenerateExamFromBatchResultsParams,
  generateExamBatch,
  generateExamFromBatchResults,
  type JournalBatchRecord,
  prepareBatchRequestLines,
  readJournalBatches,
  type UsageByMode,
} from "./generate-exam-batch.js";
export {
  type BatchClient,
  type BatchJob,
  cancelBatchJob,
  downloadBatchResults,
  FINISHED_BATCH_STATUSES,
  listBatchJobs,
  submitBatchJob,
  waitForBatchJobs,
} from "./openai-batch-jobs.js";
