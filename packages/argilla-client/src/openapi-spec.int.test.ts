import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const committed = join(packageDir, "openapi", "argilla-server-2.8.0.json");
const run = promisify(execFile);

async function check(...extra: string[]) {
  return run(process.execPath, [join(packageDir, "scripts", "generate.mjs"), "--check", ...extra], {
    cwd: packageDir,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

describe("the committed OpenAPI spec", () => {
  const scratch = mkdtempSync(join(tmpdir(), "argilla-spec-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("is what the installed argilla-server emits", async () => {
    const result = await check();
    expect(result.output).toContain("matches what argilla-server 2.8.0 emits");
    expect(result.code).toBe(0);
  });

  it("a spec that differs from the server's fails the check with a fix", async () => {
    const spec = JSON.parse(readFileSync(committed, "utf8"));
    delete spec.paths["/datasets/{dataset_id}/records/bulk"];
    const tampered = join(scratch, "tampered.json");
    writeFileSync(tampered, JSON.stringify(spec));
    const result = await check("--spec", tampered);
    expect(result.code).toBe(1);
    expect(result.output).toContain("differs from what argilla-server 2.8.0 emits: run npm run generate and commit");
  });
});
