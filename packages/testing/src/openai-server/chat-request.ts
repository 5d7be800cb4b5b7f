/** The parts of an OpenAI `/v1/chat/completions` request body the scripted server reads. Other fields pass through. */
export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  response_format?:
    | { type: "text" }
    | { type: "json_object" }
    | { type: "json_schema"; json_schema: { name: string; schema?: Record<string, unknown>; strict?: boolean | null } };
  tools?: ChatTool[];
  tool_choice?: "none" | "auto" | "required" | { type: "function"; function: { name: string } };
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  [key: string]: unknown;
}

export interface ChatMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool" | "function";
  content?: string | { type: string; text?: string }[] | null;
  tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
  name?: string;
}

export interface ChatTool {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean | null };
}

/** An OpenAI-style error answer: HTTP status and the `{ error: { … } }` body. */
export interface ApiErrorReply {
  status: number;
  message: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

/** The text of a message, whether `content` is a string or a list of parts. */
export function messageText(message: Pick<ChatMessage, "content">): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part.text === "string" ? part.text : "")).join("");
  return "";
}

const ROLES = new Set(["system", "developer", "user", "assistant", "tool", "function"]);
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/u;

function invalid(message: string, param: string | null = null, code: string | null = null): ApiErrorReply {
  return { status: 400, message, type: "invalid_request_error", param, code };
}

/**
 * Checks a request body the way the OpenAI API does, so code that works against the scripted server does not fail
 * against the real one: required `model` and `messages`, message roles and tool-call pairing, `response_format`,
 * `tools` and `tool_choice`. Returns the first problem as a 400 reply, or the typed request.
 */
export function validateChatRequest(body: unknown): { request: ChatCompletionRequest } | { error: ApiErrorReply } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { error: invalid("The request body must be a JSON object.") };
  }
  const b = body as Record<string, unknown>;
  if (typeof b.model !== "string" || b.model === "") {
    return { error: invalid("you must provide a model parameter", "model") };
  }
  if (b.messages === undefined) return { error: invalid("Missing required parameter: 'messages'.", "messages") };
  if (!Array.isArray(b.messages)) {
    return { error: invalid("Invalid type for 'messages': expected an array.", "messages", "invalid_type") };
  }
  if (b.messages.length === 0) {
    return {
      error: invalid(
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        "messages",
        "empty_array",
      ),
    };
  }
  const messages = b.messages as unknown[];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as Record<string, unknown> | null;
    if (typeof m !== "object" || m === null || !ROLES.has(m.role as string)) {
      return {
        error: invalid(
          `Invalid value for 'messages[${i}].role': expected one of 'system', 'developer', 'user', 'assistant', 'tool'.`,
          `messages[${i}].role`,
        ),
      };
    }
    if ((m.role === "user" || m.role === "system" || m.role === "developer") && m.content == null) {
      return { error: invalid(`Missing required parameter: 'messages[${i}].content'.`, `messages[${i}].content`) };
    }
    if (m.role === "tool" && typeof m.tool_call_id !== "string") {
      return {
        error: invalid(`Missing required parameter: 'messages[${i}].tool_call_id'.`, `messages[${i}].tool_call_id`),
      };
    }
    if (m.role === "assistant" && Array.isArray(m.tool_calls) && m.tool_calls.length > 0) {
      const pending = new Set((m.tool_calls as { id?: string }[]).map((c) => c.id));
      for (let j = i + 1; j < messages.length; j++) {
        const next = messages[j] as Record<string, unknown>;
        if (next?.role !== "tool") break;
        pending.delete(next.tool_call_id as string);
      }
      if (pending.size > 0) {
        return {
          error: invalid(
            `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(", ")}`,
            `messages.[${i + 1}].role`,
          ),
        };
      }
    }
  }
  const format = b.response_format as Record<string, unknown> | undefined | null;
  if (format != null) {
    if (format.type === "json_schema") {
      const spec = format.json_schema as Record<string, unknown> | undefined;
      if (typeof spec !== "object" || spec === null) {
        return {
          error: invalid("Missing required parameter: 'response_format.json_schema'.", "response_format.json_schema"),
        };
      }
      if (typeof spec.name !== "string" || !FUNCTION_NAME.test(spec.name)) {
        return {
          error: invalid(
            "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
            "response_format.json_schema.name",
          ),
        };
      }
      if (spec.schema !== undefined && (typeof spec.schema !== "object" || spec.schema === null)) {
        return {
          error: invalid(
            "Invalid type for 'response_format.json_schema.schema': expected an object.",
            "response_format",
          ),
        };
      }
    } else if (format.type === "json_object") {
      const mentionsJson = messages.some((m) => /json/iu.test(messageText(m as ChatMessage)));
      if (!mentionsJson) {
        return {
          error: invalid(
            "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
            "messages",
          ),
        };
      }
    } else if (format.type !== "text") {
      return {
        error: invalid(
          `Invalid value: '${String(format.type)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`,
          "response_format.type",
          "invalid_value",
        ),
      };
    }
  }
  const tools = b.tools as unknown;
  if (tools !== undefined && tools !== null) {
    if (!Array.isArray(tools)) return { error: invalid("Invalid type for 'tools': expected an array.", "tools") };
    for (let i = 0; i < tools.length; i++) {
      const tool = tools[i] as Record<string, unknown>;
      const fn = tool?.function as Record<string, unknown> | undefined;
      if (tool?.type !== "function" || typeof fn !== "object" || fn === null) {
        return { error: invalid(`Missing required parameter: 'tools[${i}].function'.`, `tools[${i}].function`) };
      }
      if (typeof fn.name !== "string" || !FUNCTION_NAME.test(fn.name)) {
        return {
          error: invalid(
            `Invalid 'tools[${i}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
            `tools[${i}].function.name`,
          ),
        };
      }
    }
  }
  const choice = b.tool_choice as unknown;
  if (choice !== undefined && choice !== null) {
    const toolList = Array.isArray(tools) ? (tools as ChatTool[]) : [];
    if (toolList.length === 0) {
      return {
        error: invalid(
          "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
          "tool_choice",
        ),
      };
    }
    if (typeof choice === "string") {
      if (!["none", "auto", "required"].includes(choice)) {
        return { error: invalid(`Invalid value for 'tool_choice': '${choice}'.`, "tool_choice") };
      }
    } else {
      const name = (choice as { function?: { name?: string } }).function?.name;
      if (!toolList.some((t) => t.function.name === name)) {
        return {
          error: invalid(
            `Invalid value for 'tool_choice': no function named '${String(name)}' was specified in the 'tools' parameter.`,
            "tool_choice",
          ),
        };
      }
    }
  }
  return { request: b as ChatCompletionRequest };
}
