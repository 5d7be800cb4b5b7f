// The classification moved to core (the batch results readers there use it too); kept here so imports stay.
export {
  classifyModelCallError,
  type ModelCallContext,
  type ModelCallFailure,
  type ModelCallFailureCode,
} from "@domain-eval/core";
