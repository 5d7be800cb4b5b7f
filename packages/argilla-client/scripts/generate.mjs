// Regenerates the typed client's inputs from the installed argilla-server:
//   openapi/argilla-server-<version>.json   the spec, dumped offline by scripts/dump-openapi.py
//   src/generated/argilla-server-<version>.ts   types for openapi-fetch, made by openapi-typescript
// `node scripts/generate.mjs --check` changes nothing and exits 1 when the committed spec differs from what the
// installed server emits. The server venv's python comes from $ARGILLA_SERVER_PYTHON or $DOMAIN_EVAL_ARGILLA_PYTHON (set
// by the peers' env file), else `tools/peers/venv.sh server`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const checkOnly = process.argv.includes("--check");
// `--check --spec FILE` compares FILE instead of the committed spec (used by the test that proves the check bites).
const specArg = process.argv.indexOf("--spec");
const specOverride = specArg > 0 ? process.argv[specArg + 1] : undefined;

function serverPython() {
  const fromEnv = process.env.ARGILLA_SERVER_PYTHON ?? process.env.DOMAIN_EVAL_ARGILLA_PYTHON;
  if (fromEnv) return fromEnv;
  const venvScript = join(packageDir, "..", "..", "tools", "peers", "venv.sh");
  if (existsSync(venvScript)) {
    const venv = execFileSync("bash", [venvScript, "server"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    return join(venv.trim(), "bin", "python");
  }
  console.error(
    "cannot find the argilla-server python: set ARGILLA_SERVER_PYTHON to a python with argilla-server installed " +
      "(or run from the domain-eval repo, whose tools/peers/venv.sh provides it)",
  );
  process.exit(1);
}

const python = serverPython();
let specText;
try {
  specText = execFileSync(python, [join(packageDir, "scripts", "dump-openapi.py")], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
} catch (error) {
  console.error(
    `dumping the spec with ${python} failed (${error.code ?? `exit ${error.status}`}): ` +
      "point ARGILLA_SERVER_PYTHON at a python that has argilla-server installed",
  );
  process.exit(1);
}
const spec = JSON.parse(specText);
const version = spec.info?.version;
if (!/^\d+\.\d+\.\d+/.test(version ?? "")) throw new Error(`unexpected server version in the spec: ${version}`);

const specPath = specOverride ?? join(packageDir, "openapi", `argilla-server-${version}.json`);
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
  console.log(`${specPath} matches what argilla-server ${version} emits`);
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
