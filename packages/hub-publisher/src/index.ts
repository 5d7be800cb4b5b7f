export { resolveAccessToken } from "./access-token.js";
export { CARD_RESULTS_END, CARD_RESULTS_START, readCardResults, replaceCardResults } from "./card-results.js";
export { type DatasetCardInput, datasetCardLanguages, renderDatasetCard } from "./dataset-card.js";
export {
  type DatasetFolder,
  DEFAULT_DEV_ROWS,
  DEFAULT_ROW_GROUP_SIZE,
  SPLIT_FILE_PATHS,
  writeDatasetFolder,
} from "./dataset-folder.js";
export { DatasetPartEncoder, type EncodedDatasetPart, encodedPartTransferList } from "./dataset-part.js";
export {
  type DatasetStatistics,
  type SplitStatistics,
  type StatisticsSnapshot,
  sizeCategory,
  summarizeExamItems,
} from "./dataset-statistics.js";
export { HubPublishError, type HubPublishErrorCode, type HubPublishFailure } from "./hub-publish-error.js";
export { type PublishedDataset, publishDataset } from "./publish-dataset.js";
