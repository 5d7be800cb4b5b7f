import { ChatOpenAI } from "@langchain/openai";

/**
 * The `ChatOpenAI` every generation side uses against the scripted server: temperature 0, no retries (a failed
 * request must show as a failure, not as time), and a placeholder key (the scripted server checks none).
 *
 * @example
 * const model = scriptedChatModel({ baseUrl: server.url, model: "gpt-4o-mini" });
 */
export function scriptedChatModel(params: { baseUrl: string; model: string }): ChatOpenAI {
  return new ChatOpenAI({
    model: params.model,
    apiKey: "bench",
    temperature: 0,
    maxRetries: 0,
    configuration: { baseURL: params.baseUrl },
  });
}
