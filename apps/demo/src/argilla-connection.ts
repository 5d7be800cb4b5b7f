import {
  ArgillaApiError,
  type ArgillaClient,
  ArgillaConnectionError,
  createArgillaClient,
  ExamDatasetMismatchError,
  ExamRecordRejectedError,
} from "@domain-eval/argilla-client";
import { CliError, EXIT } from "./cli-error.js";
import type { CliConfig } from "./config.js";

/** The Argilla client from the config, with the CLI's errors for what is missing. */
export function argillaClientFor(config: CliConfig): ArgillaClient {
  if (!config.argillaApiUrl) {
    throw new CliError(
      "ARGILLA_API_URL is not set: start a local Argilla with `npm run peers:up` (then http://localhost:6900), or export ARGILLA_API_URL and ARGILLA_API_KEY for yours",
    );
  }
  if (!config.argillaApiKey) {
    throw new CliError(
      "ARGILLA_API_KEY is not set: export it or pass --argilla-api-key (see My settings in the Argilla UI)",
    );
  }
  return createArgillaClient({ baseUrl: config.argillaApiUrl, apiKey: config.argillaApiKey });
}

/** True when an Argilla server answers with this key (used by `run` to decide whether review is possible). */
export async function argillaReachable(client: ArgillaClient): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const { error, response } = await client.GET("/me");
    if (error) return { ok: false, reason: `Argilla answered ${response.status} to GET /me (check ARGILLA_API_KEY)` };
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** Maps the client's errors (unreachable server, rejected key, 409, 422, …) to one clear line with exit code 1. */
export function asArgillaCliError(error: unknown): unknown {
  if (error instanceof ArgillaConnectionError) {
    return new CliError(`${error.message}; for a local Argilla run \`npm run peers:up\``, EXIT.FAILED);
  }
  if (
    error instanceof ArgillaApiError ||
    error instanceof ExamDatasetMismatchError ||
    error instanceof ExamRecordRejectedError
  ) {
    return new CliError(error.message, EXIT.FAILED);
  }
  return error;
}
