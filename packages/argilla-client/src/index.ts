export {
  ArgillaApiError,
  ArgillaClientError,
  type ArgillaClientErrorCode,
  ArgillaConnectionError,
  type ArgillaRequestInfo,
  type ArgillaValidationIssue,
  createArgillaApiError,
  dataOrThrow,
  isTransientArgillaError,
} from "./argilla-api-error.js";
export { type ArgillaClient, type CreateArgillaClientParams, createArgillaClient } from "./create-argilla-client.js";
export {
  type CreateExamDatasetParams,
  type CreateExamDatasetResult,
  createExamDataset,
  ExamDatasetMismatchError,
} from "./create-exam-dataset.js";
export { answerFieldName, EXAM_DATASET_NAMES, VALIDATION_RATE_METADATA } from "./exam-dataset-layout.js";
export { EXAM_ITEM_METADATA, findingsMarkdown } from "./exam-record.js";
export { type ArgillaDataset, type ArgillaWorkspace, findDataset, resolveWorkspace } from "./find-dataset.js";
export type { components, operations, paths } from "./generated/argilla-server-2.8.0.js";
export {
  DEFAULT_LOG_CONCURRENCY,
  ExamRecordRejectedError,
  type LogExamRecordsParams,
  type LogExamRecordsProgress,
  type LogExamRecordsResult,
  logExamRecords,
  MAX_BULK_RECORDS,
} from "./log-exam-records.js";
export {
  DEFAULT_PAGES_IN_FLIGHT,
  DEFAULT_READ_PAGE_SIZE,
  type ReadReviewedRecordsParams,
  type RecordReviewStatus,
  type ReviewedRecord,
  type ReviewerResponse,
  readReviewedRecords,
} from "./read-reviewed-records.js";
export { type RetryOptions, retryTransient } from "./retry-transient.js";
