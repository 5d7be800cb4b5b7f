import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cleanEnv } from "../test/run-cli.js";
import { buildProgram } from "./program.js";

const COMMANDS = [
  "check",
  "generate",
  "batches",
  "annotate",
  "export",
  "evaluate",
  "task",
  "run",
  "report",
  "validate",
  "domains",
];
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "export-questions.jsonl");

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "demo-program-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the CLI loads only the command it runs", () => {
  it("lists every command in order for --help, and gives one command the same help when built alone", async () => {
    const full = await buildProgram(["node", "domain-eval", "--help"]);
    expect(full.commands.map((c) => c.name())).toEqual(COMMANDS);
    for (const name of COMMANDS) {
      const alone = await buildProgram(["node", "domain-eval", "--config", "x.json", name, "--help"]);
      expect(alone.commands.map((c) => c.name())).toEqual([name]);
      expect(alone.commands[0]?.helpInformation()).toBe(
        full.commands.find((c) => c.name() === name)?.helpInformation(),
      );
    }
    // `help export`, a misspelt command: everything, so commander can answer
    for (const argv of [["help", "export"], ["exprot"], []]) {
      expect((await buildProgram(["node", "domain-eval", ...argv])).commands).toHaveLength(COMMANDS.length);
    }
  }, 60_000);

  it("export --questions imports none of the model, Argilla, Hub client, chart or report libraries", async () => {
    // Records every module the CLI process imports (Node's module hooks), then runs a real export.
    const hooks = join(work, "hooks.mjs");
    await writeFile(
      hooks,
      'export async function resolve(specifier, context, next) { const r = await next(specifier, context); process.stderr.write("import " + r.url + "\\n"); return r; }\n',
    );
    const register = join(work, "register.mjs");
    await writeFile(
      register,
      `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", pathToFileURL(register).href, CLI, "export", "--questions", FIXTURE, "--out", join(work, "exam")],
      { env: cleanEnv() },
    );
    const imported = stderr.split("\n").filter((line) => line.startsWith("import "));
    expect(imported.some((line) => line.includes("hub-publisher"))).toBe(true);
    for (const heavy of [
      "langchain",
      "openai",
      "node-llama-cpp",
      "vega",
      "argilla-client",
      "question-chain",
      "@domain-eval/report",
      "@domain-eval/validator",
      "@domain-eval/evaluation",
      "local-model",
      "@huggingface/hub",
    ]) {
      expect(
        imported.filter((line) => line.includes(heavy)),
        heavy,
      ).toEqual([]);
    }
  }, 60_000);
});
