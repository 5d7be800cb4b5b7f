import { describe, expect, it } from "vitest";
import { spreadOf } from "../run-statistics.js";
import { generationWhyNote } from "./generation.js";

/** The note for three runs' efficiencies (ours, the ChatOpenAI floor, the fetch floor) and ours / the ChatOpenAI floor. */
const noteFor = (ours: number[], langchain: number[], fetch: number[], ofLangchainFloor: number[]) =>
  generationWhyNote({
    chunks: 400,
    efficiency: spreadOf({ values: ours }),
    floorLangchain: spreadOf({ values: langchain }),
    floorFetch: spreadOf({ values: fetch }),
    ofLangchainFloor: spreadOf({ values: ofLangchainFloor }),
  });

describe("the generation section's reason", () => {
  it("says nothing when the target is hit", () => {
    expect(noteFor([0.95, 0.955, 0.96], [0.96, 0.96, 0.97], [0.97, 0.97, 0.98], [0.99, 0.99, 1])).toBeUndefined();
  });

  it("says no client reaches 0.95 only when even plain fetch stays below it, with the numbers", () => {
    // round nine's run: ours 0.906, ChatOpenAI alone 0.921, fetch 0.942, ours 0.98 of the ChatOpenAI floor
    const note = noteFor([0.903, 0.906, 0.91], [0.92, 0.921, 0.928], [0.935, 0.942, 0.945], [0.98, 0.98, 0.99]);
    expect(note).toMatch(/^Why not 0\.95 at 400 chunks: no client reaches it on this machine/);
    expect(note).toContain("0.942 (0.935–0.945) through plain `fetch`");
    expect(note).toContain("0.921 (0.920–0.928) through `ChatOpenAI` alone");
    expect(note).toContain("ours runs at 0.98 (0.98–0.99) of the `ChatOpenAI` floor's pace");
  });

  it("blames LangChain's path or our chain, not the machine, when a floor reaches 0.95", () => {
    const langchainShort = noteFor([0.9, 0.91, 0.92], [0.93, 0.94, 0.94], [0.95, 0.96, 0.96], [0.96, 0.97, 0.98]);
    expect(langchainShort).not.toContain("no client reaches it");
    expect(langchainShort).toContain("LangChain's own request path falls short of it here");
    const ours = noteFor([0.9, 0.91, 0.92], [0.95, 0.96, 0.96], [0.96, 0.97, 0.97], [0.94, 0.95, 0.96]);
    expect(ours).not.toContain("no client reaches it");
    expect(ours).toContain("so the gap is our chain's: ours runs at 0.95 (0.94–0.96)");
  });
});
