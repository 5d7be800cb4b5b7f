// The provider-generic batch parts (request files, results readers, batch jobs, journal records) live in
// `@domain-eval/core/batch`, shared with `domain-eval validate --batch`; they are re-exported here unchanged.
export {
  type BatchChatCompletion,
  type BatchClient,
  BatchError,
  type BatchJob,
  type BatchLimits,
  type BatchLineResult,
  type BatchRequestLine,
  type BatchRunProgress,
  cancelBatchJob,
  downloadBatchResults,
  FINISHED_BATCH_STATUSES,
  listBatchJobs,
  OPENAI_BATCH_LIMITS,
  readBatchResultLine,
  readBatchResultsFile,
  readBatchResultsText,
  splitBatchRequests,
  submitBatchJob,
  waitForBatchJobs,
} from "@domain-eval/core/batch";
export { QuestionChainError, type QuestionChainErrorCode } from "../question-chain-error.js";
export {
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
