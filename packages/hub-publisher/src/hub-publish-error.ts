import { DomainEvalError } from "@domain-eval/core";

/** Why publishing failed, for callers that react differently (ask for a new token, pick another name, retry). */
export type HubPublishFailure =
  | "missing-token"
  | "malformed-token"
  | "rejected-token"
  | "forbidden"
  | "invalid-repo"
  | "public-repo"
  | "not-a-dataset-folder"
  | "upload-failed";

/** {@link HubPublishFailure} in the SCREAMING_SNAKE_CASE every domain-eval error `code` uses. */
export type HubPublishErrorCode =
  | "MISSING_TOKEN"
  | "MALFORMED_TOKEN"
  | "REJECTED_TOKEN"
  | "FORBIDDEN"
  | "INVALID_REPO"
  | "PUBLIC_REPO"
  | "NOT_A_DATASET_FOLDER"
  | "UPLOAD_FAILED";

/**
 * The one error {@link publishDataset} throws (a core `DomainEvalError`). Its message names the problem and the fix and never contains the
 * access token; `statusCode`, `url` and `requestId` come from the Hub's reply when there was one.
 */
export class HubPublishError extends DomainEvalError<HubPublishErrorCode> {
  override readonly name = "HubPublishError";
  /** @deprecated the same as `code`, in kebab-case; use `code`. */
  readonly reason: HubPublishFailure;
  readonly statusCode?: number;
  readonly url?: string;
  readonly requestId?: string;

  constructor(params: {
    /** One line: the problem and the fix; never the token. */
    message: string;
    reason: HubPublishFailure;
    statusCode?: number;
    url?: string;
    requestId?: string;
    cause?: unknown;
  }) {
    const { message, cause, ...details } = params;
    super({ code: details.reason.toUpperCase().replaceAll("-", "_") as HubPublishErrorCode, message, cause });
    this.reason = details.reason;
    this.statusCode = details.statusCode;
    this.url = details.url;
    this.requestId = details.requestId;
  }
}
