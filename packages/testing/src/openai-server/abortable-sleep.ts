/**
 * Waits `ms` milliseconds, or less when `signal` aborts (a closing server must not wait for its scripted delays).
 *
 * @example
 * await abortableSleep({ ms: 250, signal: controller.signal });
 */
export function abortableSleep(params: { ms: number; signal: AbortSignal }): Promise<void> {
  const { ms, signal } = params;
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
