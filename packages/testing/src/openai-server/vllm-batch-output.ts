import { randomUUID } from "node:crypto";

/** The parts of a chat completion that vLLM's batch runner copies into its output line. */
export interface ChatCompletionLike {
  id: string;
  created: number;
  model: string;
  choices: readonly {
    index: number;
    message: { content: string | null; tool_calls?: readonly unknown[] | null };
    finish_reason: string | null;
  }[];
  usage?: object | null;
}

/**
 * One line of the results file `python -m vllm.entrypoints.openai.run_batch -i requests.jsonl -o results.jsonl`
 * writes for a request its engine answered: a `BatchRequestOutput` (vllm/entrypoints/openai/run_batch.py: id,
 * custom_id, response {status_code, request_id, body}, error) whose body is the chat completion as vLLM serialises
 * it (its own extra fields `reasoning`, `stop_reason` and null `prompt_tokens_details` included). Tests stand in for
 * the runner by answering each request line with a chat completions endpoint and writing these lines.
 *
 * @example
 * const completion = await client.chat.completions.create(line.body);
 * lines.push(vllmBatchOutputLine({ customId: line.custom_id, completion }));
 */
export function vllmBatchOutputLine(params: { customId: string; completion: ChatCompletionLike }): string {
  const { completion } = params;
  return JSON.stringify({
    id: `vllm-${randomUUID().replaceAll("-", "")}`,
    custom_id: params.customId,
    response: {
      status_code: 200,
      request_id: `vllm-batch-${randomUUID().replaceAll("-", "")}`,
      body: {
        id: completion.id,
        object: "chat.completion",
        created: completion.created,
        model: completion.model,
        choices: completion.choices.map((choice) => ({
          index: choice.index,
          message: {
            role: "assistant",
            content: choice.message.content,
            refusal: null,
            tool_calls: choice.message.tool_calls ?? [],
            reasoning: null,
          },
          logprobs: null,
          finish_reason: choice.finish_reason,
          stop_reason: null,
        })),
        usage: { ...completion.usage, prompt_tokens_details: null },
      },
    },
    error: null,
  });
}
