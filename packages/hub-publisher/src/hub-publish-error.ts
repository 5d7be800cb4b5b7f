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

/**
 * The one error {@link publishDataset} throws. Its message names the problem and the fix and never contains the
 * access token; `statusCode`, `url` and `requestId` come from the Hub's reply when there was one.
 */
export class HubPublishError extends Error {
  override readonly name = "HubPublishError";
  readonly reason: HubPublishFailure;
  readonly statusCode?: number;
  readonly url?: string;
  readonly requestId?: string;

  constructor(
    message: string,
    details: { reason: HubPublishFailure; statusCode?: number; url?: string; requestId?: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = details.reason;
    this.statusCode = details.statusCode;
    this.url = details.url;
    this.requestId = details.requestId;
  }
}
