export {
  type Capped,
  collectReportData,
  DEFAULT_SCATTER_POINTS,
  DEFAULT_TABLE_ROWS,
  type FlaggedQuestion,
  type ReportData,
} from "./collect-report-data.js";
export {
  droppedFileFor,
  readEvaluationResults,
  readQualityReportInput,
  readRunSummary,
  renderQualityReport,
  validationDroppedFileFor,
  writeQualityReport,
} from "./quality-report.js";
export { escapeHtml, renderReportHtml } from "./render-report-html.js";
export { type RenderedChart, renderChartSvg, renderReportCharts } from "./report-charts.js";
export { ReportError, type ReportErrorCode } from "./report-error.js";
export type {
  CorpusChunk,
  DatasetRowInput,
  DroppedQuestionInput,
  EvaluationModelResult,
  EvaluationResultsInput,
  QualityReportInput,
  RunSummaryInput,
  TokenPrices,
} from "./report-input.js";
