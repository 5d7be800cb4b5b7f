import { describe, expect, it } from "vitest";
import { droppedFileFor, validationDroppedFileFor } from "./index.js";

describe("the files beside a questions file", () => {
  it("replace only a final .jsonl, and keep the folder", () => {
    expect(droppedFileFor("out/questions.jsonl")).toBe("out/questions.dropped.jsonl");
    expect(validationDroppedFileFor("out/questions.jsonl")).toBe("out/questions.validation-dropped.jsonl");
    expect(droppedFileFor("a.jsonl.d/q")).toBe("a.jsonl.d/q.dropped.jsonl");
    expect(validationDroppedFileFor("run.jsonl.jsonl")).toBe("run.jsonl.validation-dropped.jsonl");
  });
});
