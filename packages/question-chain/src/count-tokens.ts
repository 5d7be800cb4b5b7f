import { Tiktoken } from "js-tiktoken/lite";

/** Token encodings available offline (bundled with js-tiktoken; nothing is downloaded). */
export type TokenEncodingName = "cl100k_base" | "o200k_base";

const encoders = new Map<TokenEncodingName, Promise<Tiktoken>>();

async function loadEncoder(name: TokenEncodingName): Promise<Tiktoken> {
  const ranks =
    name === "o200k_base"
      ? (await import("js-tiktoken/ranks/o200k_base")).default
      : (await import("js-tiktoken/ranks/cl100k_base")).default;
  return new Tiktoken(ranks);
}

/** The encoding name, checked (default `cl100k_base`). */
export function checkedEncodingName(name: TokenEncodingName | undefined): TokenEncodingName {
  const value = name ?? "cl100k_base";
  if (value !== "cl100k_base" && value !== "o200k_base") {
    throw new TypeError(`unknown token encoding "${String(value)}": use "cl100k_base" or "o200k_base"`);
  }
  return value;
}

/**
 * A token counter for chunk sizes and cost estimates. `cl100k_base` (default) and `o200k_base` are the encodings of
 * OpenAI models; for other providers' models they are a close-enough estimate.
 *
 * @example
 * const count = await tokenCounter({ encoding: "o200k_base" });
 * count("How many tokens is this?") // 6
 */
export async function tokenCounter(params: { encoding?: TokenEncodingName } = {}): Promise<(text: string) => number> {
  const name = checkedEncodingName(params.encoding);
  let pending = encoders.get(name);
  if (!pending) {
    pending = loadEncoder(name);
    encoders.set(name, pending);
  }
  const encoder = await pending;
  return (text: string) => (text === "" ? 0 : encoder.encode(text, [], []).length);
}
