import { HubPublishError } from "./hub-publish-error.js";

/**
 * The Hugging Face access token to publish with: `accessToken` when given, else `HF_TOKEN`. Surrounding whitespace
 * (a token pasted from a file) is dropped. Throws a {@link HubPublishError} that never shows the token when it is
 * missing or not shaped like a user access token (`hf_` then letters and digits). Lets a CLI check the token before
 * doing long work; {@link publishDataset} calls it too.
 *
 * @example
 * const token = resolveAccessToken({ accessToken: flags.hfToken }); // flags first, else HF_TOKEN
 */
export function resolveAccessToken(params: {
  /** A token passed explicitly; when undefined, `HF_TOKEN` is used. */
  accessToken?: string;
}): string {
  const { accessToken } = params;
  const fromArgument = accessToken !== undefined;
  const token = (fromArgument ? accessToken : process.env.HF_TOKEN)?.trim();
  const source = fromArgument ? "the accessToken argument" : "HF_TOKEN";
  if (!token) {
    throw new HubPublishError({
      message: fromArgument
        ? "accessToken is empty: pass a Hugging Face access token with write access, or leave it out to use HF_TOKEN"
        : "no Hugging Face access token: set HF_TOKEN (or pass accessToken) to a token with write access, created in your Hub account's Access Tokens settings",
      reason: "missing-token",
    });
  }
  if (!/^hf_[A-Za-z0-9]+$/u.test(token)) {
    throw new HubPublishError({
      message:
        `${source} is not a Hugging Face access token: tokens start with "hf_" followed by letters and digits` +
        " (check you did not paste another service's key, quotes or a partial token)",
      reason: "malformed-token",
    });
  }
  return token;
}
