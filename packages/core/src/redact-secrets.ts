/**
 * Values shorter than this are never treated as secrets: they would match ordinary text ("key", "1234"), and no real
 * API key or access token is this short.
 */
export const MIN_SECRET_LENGTH = 8;

/** Hugging Face user access tokens: `hf_` followed by a long run of letters and digits. */
const HF_TOKEN_SHAPE = /hf_[A-Za-z0-9]{30,}/gu;

/**
 * The secret values among `values` (API keys, tokens): trimmed, at least {@link MIN_SECRET_LENGTH} characters,
 * without duplicates. Anything else (unset, empty, too short to be a key) is left out.
 *
 * @example
 * secretsOf({ values: [process.env.OPENAI_API_KEY, process.env.HF_TOKEN] }); // ["sk-…", "hf_…"]
 */
export function secretsOf(params: { values: readonly (string | undefined | null)[] }): string[] {
  const secrets = params.values
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.trim())
    .filter((v) => v.length >= MIN_SECRET_LENGTH);
  return [...new Set(secrets)];
}

/**
 * Replaces every occurrence of each secret in `text` with `***`, and anything shaped like a Hugging Face access token
 * with `hf_***`: the one scrubber every package uses before text reaches an error, a log, a file or a card. Secrets
 * shorter than {@link MIN_SECRET_LENGTH} are ignored (see {@link secretsOf}).
 *
 * @example
 * redactSecrets({ text: "401 for key sk-live-1234567890", secrets: ["sk-live-1234567890"] }); // "401 for key ***"
 */
export function redactSecrets(params: { text: string; secrets: readonly (string | undefined | null)[] }): string {
  // Longest first, so a secret that contains another is replaced whole.
  const secrets = secretsOf({ values: params.secrets }).sort((a, b) => b.length - a.length);
  let out = params.text;
  for (const secret of secrets) out = out.split(secret).join("***");
  return out.replace(HF_TOKEN_SHAPE, "hf_***");
}
