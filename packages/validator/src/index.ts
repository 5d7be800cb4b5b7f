export {
  type AboveChanceTest,
  binomialUpperTail,
  DEFAULT_ALPHA,
  falseAlarmRate,
  rejectionThreshold,
  testAboveChance,
} from "./above-chance.js";
export { createEndpointMember, type EndpointMemberParams } from "./endpoint-member.js";
export { createLocalMember, type LocalMemberParams } from "./local-member.js";
export type { MemberAnswer, PanelMember, PanelMemberBatch, PanelScoring } from "./panel-member.js";
export {
  estimateValidation,
  type QuestionValidationResult,
  type TokenUsage,
  type ValidatableQuestion,
  type ValidateQuestionsParams,
  type ValidationBudget,
  type ValidationEstimate,
  type ValidationProgress,
  type ValidationStats,
  validateQuestions,
} from "./validate-questions.js";
export {
  prepareValidationBatchLines,
  type ValidateFromBatchResultsParams,
  type ValidateQuestionsBatchParams,
  type ValidateQuestionsBatchResult,
  type ValidationBatchRecord,
  validateFromBatchResults,
  validateQuestionsBatch,
} from "./validate-questions-batch.js";
export { type JournalAnswer, openValidationJournal, type ValidationJournal } from "./validation-journal.js";
export {
  continuationPrompt,
  type LetterPrompt,
  letterPrompt,
  type PanelItem,
  VALIDATION_PROMPT_VERSION,
  VALIDATION_SETTINGS,
  type ValidationSetting,
} from "./validation-prompts.js";
export {
  buildValidation,
  type QuestionValidation,
  VALIDATION_FINDING_CODES,
  type ValidationAnswer,
  type ValidationPolicy,
  type ValidationSettingResult,
  withValidation,
} from "./validation-result.js";
export { ValidatorError, type ValidatorErrorCode } from "./validator-error.js";
