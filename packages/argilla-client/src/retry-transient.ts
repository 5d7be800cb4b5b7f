import { isTransientArgillaError } from "./argilla-api-error.js";

/** How {@link retryTransient} retries. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** First backoff in ms; doubles each retry, with jitter, capped at 30 s. Default 500. */
  baseDelayMs?: number;
  /** Stops waiting and retrying when aborted. */
  signal?: AbortSignal;
  /** Told about each retry (attempt number from 1, the error, the wait). */
  onRetry?: (info: { attempt: number; error: unknown; delayMs: number }) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `call`, retrying with exponential backoff when it fails with a network error or an HTTP 5xx/429
 * ({@link isTransientArgillaError}). Other errors, and the last transient one, are thrown as they are.
 *
 * @example
 * const page = await retryTransient({ call: () => searchPage(offset), retries: 3 });
 */
export async function retryTransient<T>(params: RetryOptions & { call: () => Promise<T> }): Promise<T> {
  const { call, ...options } = params;
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= retries || !isTransientArgillaError(error) || options.signal?.aborted) throw error;
      const delayMs = Math.min(30_000, base * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      options.onRetry?.({ attempt: attempt + 1, error, delayMs });
      await sleep(delayMs, options.signal);
    }
  }
}
