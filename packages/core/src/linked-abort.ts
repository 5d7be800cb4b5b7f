/** An abort controller tied to a longer-lived signal (see {@link linkedAbortController}). */
export interface LinkedAbortController {
  /** Aborts when the parent does (with its reason), or when {@link abort} is called. */
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
  /** Lets go of the parent signal: call it once the request or attempt is over. */
  dispose(): void;
}

/**
 * A signal for one request or attempt under a long-lived one (a run's Ctrl-C): it aborts when the parent does, and
 * once disposed leaves no listener on the parent. Clients (fetch, model SDKs) add a listener to the signal of every
 * call and do not always remove it; on a parent shared by thousands of calls those pile up (Node's "possible
 * EventTarget memory leak" warning), on a child they go with it.
 *
 * @example
 * const attempt = linkedAbortController({ parent: signal });
 * try {
 *   await fetch(url, { signal: attempt.signal });
 * } finally {
 *   attempt.dispose();
 * }
 */
export function linkedAbortController(params: { parent?: AbortSignal }): LinkedAbortController {
  const { parent } = params;
  const controller = new AbortController();
  const follow = () => controller.abort(parent?.reason);
  if (parent?.aborted) follow();
  else parent?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose: () => parent?.removeEventListener("abort", follow),
  };
}
