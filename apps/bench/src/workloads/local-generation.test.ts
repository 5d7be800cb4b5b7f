import { describe, expect, it } from "vitest";
import { spreadOf } from "../run-statistics.js";
import { localGenerationWhyNote } from "./local-generation.js";

const s = (...values: number[]) => spreadOf({ values });

describe("the local-generation section's reason", () => {
  it("says nothing when both targets are hit", () => {
    const note = localGenerationWhyNote({
      fastest: s(0.91, 0.92, 0.95),
      sameThreads: s(0.98, 1.0, 1.02),
      oursOfLibrary: s(0.99, 1.0, 1.0),
      libraryFastest: { spread: s(0.92, 0.93, 0.95), threads: 2 },
      librarySameThreads: s(0.99, 1.0, 1.03),
    });
    expect(note).toBeUndefined();
  });

  it("puts the gap on the library when node-llama-cpp alone misses the same targets, with the numbers", () => {
    const note = localGenerationWhyNote({
      fastest: s(0.61, 0.62, 0.7),
      sameThreads: s(0.86, 0.87, 0.94),
      oursOfLibrary: s(0.98, 0.99, 1.01),
      libraryFastest: { spread: s(0.66, 0.7, 0.73), threads: 2 },
      librarySameThreads: s(0.85, 0.88, 0.93),
      builtSameThreads: s(1.01, 1.04, 1.06),
    });
    expect(note).toContain(
      "ours runs at 0.99 (0.98–1.01) of node-llama-cpp alone with the same binary and threads, so our LangChain model adds next to nothing per token",
    );
    expect(note).toContain(
      "node-llama-cpp alone (prebuilt binary, 2 thread(s)) reaches 0.70 (0.66–0.73)× llama-cpp-python: node-llama-cpp alone stays below 0.9 there too, so the gap to the first target is the library's, not our code's",
    );
    expect(note).toContain("At the same thread count node-llama-cpp alone reaches 0.88 (0.85–0.93)× llama-cpp-python");
    expect(note).toContain(
      "ours on this machine's own build (compiled for this CPU, as llama-cpp-python's wheel is) reaches 1.04 (1.01–1.06)×",
    );
    expect(note).toContain("so the gap to the second target is the library's, not our code's");
  });

  it("puts the gap on our code when the library reaches a target ours misses, and names the wrapper's cost", () => {
    const note = localGenerationWhyNote({
      fastest: s(0.8, 0.82, 0.85),
      sameThreads: s(0.95, 0.96, 0.97),
      oursOfLibrary: s(0.88, 0.9, 0.91),
      libraryFastest: { spread: s(0.9, 0.92, 0.95), threads: 2 },
      librarySameThreads: s(1.0, 1.02, 1.05),
    });
    expect(note).toContain("our LangChain model costs 10% of the speed here");
    expect(note).toContain("node-llama-cpp alone reaches 0.9 there, so the gap to the first target is ours");
    // the second target is hit: nothing is said of it
    expect(note).not.toContain("At the same thread count");
  });
});
