export {
  builtinChecks,
  type CheckableQuestion,
  type CheckContext,
  type CheckQuestionOptions,
  type CheckThresholds,
  checkQuestion,
  type QualityCheck,
} from "./check-question.js";
export {
  type AnswerRanks,
  answerPositionsInOrder,
  answerRanks,
  assignAnswerPositions,
  choiceLetter,
  choiceLetters,
  type OrderedChoices,
  orderChoices,
  seededShuffle,
} from "./choice-order.js";
export {
  ContentHaystack,
  type ContentUnits,
  contentUnits,
  distinguishingUnits,
  type Unit,
} from "./content-units.js";
export { DomainEvalError, errorMessage } from "./domain-eval-error.js";
export { type DomainPlugin, defineDomainPlugin, type FewShotExample, promptVersionFor } from "./domain-plugin.js";
export {
  EXAM_ITEM_COLUMNS,
  type ExamItem,
  ExamItemSchema,
  type ReviewStatus,
  ReviewStatusSchema,
  safeParseExamItem,
  type ToExamItemOptions,
  toExamItem,
  VALIDATION_COLUMNS,
  validationColumnsOf,
} from "./exam-item.js";
export {
  describeZodIssues,
  type ExamQuestion,
  ExamQuestionSchema,
  ExamQuestionValidationError,
  isExamQuestion,
  parseExamQuestion,
  type QuestionSource,
  QuestionSourceSchema,
} from "./exam-question.js";
export {
  DEFAULT_FINDING_POLICY,
  decideFindingAction,
  type Finding,
  type FindingAction,
  type FindingPolicy,
  type FindingSeverity,
  hasErrors,
  VALIDATION_FINDINGS,
  type ValidationFindingCode,
} from "./findings.js";
export { type GroundingReport, scoreGrounding } from "./grounding.js";
export { ifExists } from "./if-exists.js";
export {
  JsonlAppender,
  type JsonlLine,
  type JsonlLineBytesHandler,
  JsonlParseError,
  jsonlLineStart,
  parseJsonlLine,
  readJsonl,
  readJsonlLines,
  scanJsonlLines,
  writeJsonl,
} from "./jsonl.js";
export {
  JournalError,
  type JournalErrorCode,
  type JournalSetting,
  type JournalSettings,
  type JsonlJournal,
  openJsonlJournal,
} from "./jsonl-journal.js";
export { type LinkedAbortController, linkedAbortController } from "./linked-abort.js";
export {
  classifyModelCallError,
  type ModelCallContext,
  type ModelCallFailure,
  type ModelCallFailureCode,
} from "./model-call-failure.js";
export {
  DEFAULT_DUPLICATE_THRESHOLD,
  DuplicateQuestionFilter,
  duplicateQuestionFinding,
  findDuplicateQuestions,
  NearDuplicateIndex,
  type NearDuplicateMatch,
} from "./near-duplicate-index.js";
export {
  characterShingles,
  contentWordStems,
  isStopword,
  jaccard,
  normalizeForComparison,
  normalizeForQuoteMatch,
  numbersIn,
  stemWord,
  wordTokens,
} from "./normalize-text.js";
export { classifyOption, isNegationOption, kindConflict, type OptionKind } from "./option-kinds.js";
export {
  BUILTIN_FUNCTION_WORDS,
  BUILTIN_PHRASE_LISTS,
  findPhrase,
  isFunctionWord,
  PHRASE_KINDS,
  type PhraseKind,
  type PhraseLists,
  type PhraseMatch,
} from "./phrase-lists.js";
export {
  answerGiveawayCheck,
  distractorFormCheck,
  optionKindCheck,
  QUESTION_CONTENT_CHECKS,
  quoteSupportCheck,
  standaloneQuestionCheck,
} from "./question-content-checks.js";
export { droppedFileFor, validationDroppedFileFor } from "./questions-file-names.js";
export { MIN_SECRET_LENGTH, redactSecrets, secretsOf } from "./redact-secrets.js";
export {
  countLettersAndDigits,
  detectLanguageFromScript,
  displayWidth,
  hasSpacelessScript,
  isMostlySpacelessScript,
  joinSpacelessScript,
  segmentWords,
} from "./text-units.js";
export {
  type CostAmount,
  costOf,
  formatCost,
  type PriceTable,
  parsePriceTable,
  pricesForModel,
  type TokenPrices,
} from "./token-prices.js";
export { waitUnlessAborted } from "./wait-unless-aborted.js";
