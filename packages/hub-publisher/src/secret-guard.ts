/** Environment variables whose values are secrets and must never be written into a dataset. */
const SECRET_ENV_VARS = ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "OPENAI_API_KEY", "ARGILLA_API_KEY"] as const;

/** Hugging Face user access tokens: `hf_` followed by a long run of letters and digits. */
const HF_TOKEN_PATTERN = /hf_[A-Za-z0-9]{30,}/u;

/** Secret values a dataset must not contain: the ones passed in, plus those of the usual environment variables. */
export function knownSecrets(extra: readonly (string | undefined)[] = []): string[] {
  const values = [...extra, ...SECRET_ENV_VARS.map((name) => process.env[name])];
  // Very short values would match ordinary text; real keys are long.
  return [...new Set(values.filter((v): v is string => typeof v === "string" && v.trim().length >= 8))].map((v) =>
    v.trim(),
  );
}

/**
 * Why `text` must not be written, or undefined when it is fine: it contains one of `secrets`, or something shaped
 * like a Hugging Face access token. The reason never repeats the secret.
 */
export function secretLeakIn(text: string, secrets: readonly string[]): string | undefined {
  for (const secret of secrets) {
    if (text.includes(secret)) return "it contains the value of an access token or API key from your environment";
  }
  if (HF_TOKEN_PATTERN.test(text)) return "it contains something shaped like a Hugging Face access token (hf_…)";
  return undefined;
}

/** Replaces every occurrence of the secrets in `text` with `***`, for error messages that echo server replies. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("***");
  return out.replace(new RegExp(HF_TOKEN_PATTERN.source, "gu"), "hf_***");
}
