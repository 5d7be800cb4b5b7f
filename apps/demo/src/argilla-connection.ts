import {
  type ArgillaClient,
  ArgillaClientError,
  ArgillaConnectionError,
  createArgillaClient,
  dataOrThrow,
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

/**
 * Checks that the configured Argilla answers with this key (`run` does it before any model call). A configured but
 * failing Argilla (wrong key, server down) is an error with the server's reason, exit 1; an unconfigured one is the
 * caller's business (`run` then stops before review).
 */
export async function assertArgillaUsable(config: CliConfig): Promise<void> {
  const client = argillaClientFor(config);
  try {
    dataOrThrow(await client.GET("/me"));
  } catch (error) {
    const mapped = asArgillaCliError(error);
    if (mapped instanceof CliError) {
      throw new CliError(
        `ARGILLA_API_URL is set but Argilla cannot take the questions: ${mapped.message} (or unset ARGILLA_API_URL, or pass --skip-review, to go without review)`,
        EXIT.FAILED,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Maps the client's errors (unreachable server, rejected key, 409, 422, …) to one clear line with exit code 1. */
export function asArgillaCliError(error: unknown): unknown {
  if (error instanceof ArgillaConnectionError) {
    return new CliError(`${error.message}; for a local Argilla run \`npm run peers:up\``, EXIT.FAILED, {
      cause: error,
    });
  }
  if (error instanceof ArgillaClientError) return new CliError(error.message, EXIT.FAILED, { cause: error });
  // openapi-fetch parses every reply as JSON: a web page (a proxy, another server) fails here
  if (error instanceof SyntaxError) {
    return new CliError(
      "the server at ARGILLA_API_URL answered with something that is not JSON (a web page?), so it is not the Argilla API: set ARGILLA_API_URL to the Argilla server's own address, e.g. http://localhost:6900",
      EXIT.FAILED,
      { cause: error },
    );
  }
  return error;
}
