import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalModelError } from "./local-model-error.js";
import { checkModelFile } from "./model-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "model-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("checkModelFile", () => {
  it("accepts a file that starts with the GGUF magic and reports its name and size", async () => {
    const path = join(dir, "ok.gguf");
    await writeFile(path, Buffer.concat([Buffer.from("GGUF"), Buffer.alloc(12)]));
    await expect(checkModelFile({ modelFile: path })).resolves.toEqual({ path, fileName: "ok.gguf", sizeBytes: 16 });
  });

  it.each<[string, () => Promise<string>, string, RegExp]>([
    [
      "a missing file",
      async () => join(dir, "missing.gguf"),
      "MODEL_FILE_NOT_FOUND",
      /model file not found: .*missing\.gguf: check the path/,
    ],
    [
      "a folder",
      async () => {
        await mkdir(join(dir, "model-folder"), { recursive: true });
        return join(dir, "model-folder");
      },
      "NOT_A_GGUF_FILE",
      /is a folder, not a model file: pass the path of the \.gguf file inside it/,
    ],
    [
      "an HTML error page saved as .gguf",
      async () => {
        await writeFile(join(dir, "page.gguf"), "<!doctype html><title>404</title>");
        return join(dir, "page.gguf");
      },
      "NOT_A_GGUF_FILE",
      /page\.gguf is not a GGUF model file: .*download the GGUF version/,
    ],
    [
      "an empty file",
      async () => {
        await writeFile(join(dir, "empty.gguf"), "");
        return join(dir, "empty.gguf");
      },
      "NOT_A_GGUF_FILE",
      /is not a GGUF model file/,
    ],
  ])("refuses %s with one line saying what to do", async (_name, make, code, message) => {
    const modelFile = await make();
    const error = await checkModelFile({ modelFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalModelError);
    expect(error).toMatchObject({ code, modelFile });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("refuses an empty path as misuse", async () => {
    await expect(checkModelFile({ modelFile: " " })).rejects.toThrow(TypeError);
  });
});
