import { expect } from "vitest";

/** The error `run` rejects with, checked to be an instance of `type`; fails the test if it resolves. */
export async function rejection<E extends Error = Error>(
  run: Promise<unknown>,
  type: abstract new (...args: never[]) => E = Error as never,
): Promise<E> {
  const outcome = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(type);
  return outcome as E;
}
