import { describe, expect, it } from "vitest";
import { interleavedOrder } from "./bench-context.js";

describe("interleavedOrder", () => {
  it("rotates the sides each run so every side goes first once in a cycle", () => {
    const sides = ["ours", "a", "b"];
    const firsts = [0, 1, 2].map((run) => interleavedOrder({ sides, run })[0]);
    expect(firsts).toEqual(["ours", "a", "b"]);
    expect(interleavedOrder({ sides, run: 4 })).toEqual(["a", "b", "ours"]);
    expect(sides).toEqual(["ours", "a", "b"]);
  });
});
