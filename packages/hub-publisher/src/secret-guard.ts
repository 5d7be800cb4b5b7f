import { redactSecrets, secretsOf } from "@domain-eval/core";

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
  // core's scrubber knows both the values and the token shape: whatever it would change must not be written.
  if (redactSecrets({ text, secrets: [] }) !== text) {
    return "it contains something shaped like a Hugging Face access token (hf_…)";
  }
  if (redactSecrets({ text, secrets }) !== text) {
    return "it contains the value of an access token or API key from your environment";
  }
  return undefined;
}
