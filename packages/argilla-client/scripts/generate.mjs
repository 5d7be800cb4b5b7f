// Regenerates the typed client's inputs from the installed argilla-server:
//   openapi/argilla-server-<version>.json   the spec, dumped offline by scripts/dump-openapi.py
//   src/generated/argilla-server-<version>.ts   types for openapi-fetch, made by openapi-typescript
// `node scripts/generate.mjs --check` changes nothing and exits 1 when the committed spec differs from what the
// installed server emits. The server venv's python comes from $ARGILLA_SERVER_PYTHON, else `tools/peers/venv.sh server`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const checkOnly = process.argv.includes("--check");

function serverPython() {
  if (process.env.ARGILLA_SERVER_PYTHON) return process.env.ARGILLA_SERVER_PYTHON;
  const venvScript = join(packageDir, "..", "..", "tools", "peers", "venv.sh");
  if (existsSync(venvScript)) {
    const venv = execFileSync("bash", [venvScript, "server"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    return join(venv.trim(), "bin", "python");
  }
  throw new Error(
    "cannot find the argilla-server python: set ARGILLA_SERVER_PYTHON to a python with argilla-server installed " +
      "(or add tools/peers/venv.sh to the repo)",
  );
}

const specText = execFileSync(serverPython(), [join(packageDir, "scripts", "dump-openapi.py")], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
  stdio: ["ignore", "pipe", "inherit"],
});
const spec = JSON.parse(specText);
const version = spec.info?.version;
if (!/^\d+\.\d+\.\d+/.test(version ?? "")) throw new Error(`unexpected server version in the spec: ${version}`);

const specPath = join(packageDir, "openapi", `argilla-server-${version}.json`);
const typesPath = join(packageDir, "src", "generated", `argilla-server-${version}.ts`);

if (checkOnly) {
  if (!existsSync(specPath)) {
    console.error(`the installed argilla-server is ${version} but ${specPath} is not committed: run npm run generate`);
    process.exit(1);
  }
  if (!isDeepStrictEqual(JSON.parse(readFileSync(specPath, "utf8")), spec)) {
    console.error(`${specPath} differs from what argilla-server ${version} emits: run npm run generate and commit`);
    process.exit(1);
  }
  console.log(`openapi/argilla-server-${version}.json matches the installed server`);
  process.exit(0);
}

writeFileSync(specPath, specText);
// Format the spec the way the repo's `biome check --write` would, so regenerating an unchanged spec changes nothing.
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
execFileSync(process.execPath, [biome, "format", "--write", specPath], { stdio: "ignore" });
const header = [
  "// Generated — do not edit.",
  `// Types of the Argilla server ${version} REST API (/api/v1), made by openapi-typescript from`,
  `// openapi/argilla-server-${version}.json. Regenerate with \`npm run generate\` in packages/argilla-client.`,
  "",
].join("\n");
// Free-form objects (record fields, metadata) become Record<string, unknown> instead of Record<string, never>.
// Fields with a server default stay optional (request bodies may omit them).
const ast = await openapiTS(spec, { emptyObjectsUnknown: true, defaultNonNullable: false });
writeFileSync(typesPath, `${header}\n${astToString(ast)}`);
console.log(`wrote ${specPath}\nwrote ${typesPath}`);
