export type { ScriptedBatch, ScriptedBatchFault, ScriptedBatchOptions } from "./batch-endpoints.js";
export {
  type ApiErrorReply,
  type ChatCompletionRequest,
  type ChatMessage,
  type ChatTool,
  messageText,
  validateChatRequest,
} from "./chat-request.js";
export {
  type ExamWriterOptions,
  examWriterHandler,
  numberedSentences,
  type WrittenQuestion,
  writeExamQuestions,
} from "./exam-writer.js";
export { FAULT_KINDS, type FaultKind, type FaultOptions, seededRandom } from "./fault-injection.js";
export {
  type AskedItem,
  type MultipleChoiceOptions,
  multipleChoiceHandler,
  readAskedItem,
} from "./multiple-choice-answerer.js";
export {
  type RecordedRequest,
  type ScriptedHandler,
  type ScriptedOpenAIServer,
  type ScriptedOpenAIServerOptions,
  type ScriptedReply,
  type ScriptedRequestContext,
  type ScriptedTokenLogprob,
  startScriptedOpenAIServer,
} from "./scripted-openai-server.js";
export { readingPanel, VALIDATION_QUESTIONS } from "./validation-fixtures.js";
export { type ChatCompletionLike, vllmBatchOutputLine } from "./vllm-batch-output.js";
