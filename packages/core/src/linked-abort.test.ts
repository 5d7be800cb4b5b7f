import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { linkedAbortController } from "./linked-abort.js";

describe("linkedAbortController", () => {
  it("aborts with the parent's reason, and leaves no listener on the parent once disposed", () => {
    const parent = new AbortController();
    const children = Array.from({ length: 20 }, () => linkedAbortController({ parent: parent.signal }));
    expect(getEventListeners(parent.signal, "abort")).toHaveLength(20);
    for (const child of children.slice(0, 19)) child.dispose();
    expect(getEventListeners(parent.signal, "abort")).toHaveLength(1);
    parent.abort(new Error("Ctrl-C"));
    const live = children[19];
    if (!live) throw new Error("20 children were made");
    expect(live.signal.aborted).toBe(true);
    expect((live.signal.reason as Error).message).toBe("Ctrl-C");
    // a disposed child no longer follows the parent
    expect(children[0]?.signal.aborted).toBe(false);
  });

  it("is aborted at once under an aborted parent, aborts on its own, and works without a parent", () => {
    const parent = new AbortController();
    parent.abort("gone");
    expect(linkedAbortController({ parent: parent.signal }).signal.reason).toBe("gone");
    const alone = linkedAbortController({});
    alone.abort("timeout");
    expect(alone.signal.reason).toBe("timeout");
    alone.dispose();
  });
});
