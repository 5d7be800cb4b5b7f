export { BatchError, type BatchErrorCode } from "./batch-error.js";
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
export { type BatchRoundsParams, type BatchRoundsResult, runBatchRounds } from "./batch-rounds.js";
export {
  type BatchJournalRecord,
  type BatchRunProgress,
  batchFailureReason,
  batchRunProgress,
  readJournalBatches,
  type SubmittedBatch,
  submitBatchRequests,
} from "./batch-submission.js";
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
