import { ChatOpenAI } from "@langchain/openai";

/** The real ChatOpenAI pointed at a scripted OpenAI-compatible server, with the SDK's own retries off. */
export function chatModel(url: string, extra: Partial<ConstructorParameters<typeof ChatOpenAI>[0]> = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: "sk-test",
    configuration: { baseURL: url },
    maxRetries: 0,
    ...extra,
  });
}
