/**
 * Waits `ms` milliseconds, or less when `signal` aborts (it then resolves, never rejects): for poll loops and retry
 * back-offs that must stop promptly on Ctrl-C.
 *
 * @example
 * await waitUnlessAborted({ ms: 30_000, signal });
 * if (signal?.aborted) return;
 */
export function waitUnlessAborted(params: { ms: number; signal?: AbortSignal }): Promise<void> {
  const { ms, signal } = params;
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
