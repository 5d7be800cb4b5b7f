import { MIN_SECRET_LENGTH, secretsOf } from "@domain-eval/core";

/** What core's redactSecrets replaces as a Hugging Face access token (the same shape, without the global flag). */
const HF_TOKEN_SHAPE = /hf_[A-Za-z0-9]{30,}/u;

/** Environment variables whose values are secrets and must never be written into a dataset. */
const SECRET_ENV_VARS = ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "OPENAI_API_KEY", "ARGILLA_API_KEY"] as const;

/** Secret values a dataset must not contain: the ones passed in, plus those of the usual environment variables. */
export function knownSecrets(extra: readonly (string | undefined)[] = []): string[] {
  return secretsOf({ values: [...extra, ...SECRET_ENV_VARS.map((name) => process.env[name])] });
}

/**
 * Why `text` must not be written, or undefined when it is fine: it contains one of `secrets`, or something shaped
 * like a Hugging Face access token. The reason never repeats the secret.
 */
export function secretLeakIn(text: string, secrets: readonly string[]): string | undefined {
  // The same verdicts as asking core's scrubber (redactSecrets) whether it would change the text, without building
  // the scrubbed copy: this runs on every string of every row. The token shape is checked first, as the scrubber's
  // second pass would only find shapes the text already holds (its "***" cannot join letters into a token).
  if (text.includes("hf_") && HF_TOKEN_SHAPE.test(text))
    return "it contains something shaped like a Hugging Face access token (hf_…)";
  for (const raw of secrets) {
    const secret = raw.trim(); // as the scrubber reads them (secretsOf): trimmed, short values ignored
    if (secret.length >= MIN_SECRET_LENGTH && text.includes(secret)) {
      return "it contains the value of an access token or API key from your environment";
    }
  }
  return undefined;
}
