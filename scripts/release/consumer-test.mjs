#!/usr/bin/env node
// The consumer test: every publishable package used the way a user would, from its npm tarball, in a fresh project
// outside the workspace (no workspace links). Run after `turbo run build` and `tools/peers/up.sh`.
//
//  1. `npm pack` every publishable workspace package (private ones are skipped).
//  2. A temporary project installs the tarballs, the third-party packages each README's Install section names, and
//     every peer dependency: `@langchain/core` at the lower bound of the one peer range the packages share, others
//     at the version the workspace uses. Registry packages come from the npm cache when they are there
//     (--prefer-offline).
//  3. Every entry point of every package is import()ed, then require()d (Node >= 20.19 require(esm)) and must show
//     the same exports, and is typechecked under TypeScript `nodenext` and `bundler` resolution.
//  4. Each package's consumer checks are typechecked the same way, compiled and run, one scratch folder each:
//     - the first ```ts block after the README's "## Install" heading (the README example, unchanged);
//     - every `test/consumer/*.ts` file of the package (not published), for what a README cannot show.
//     A check fails by throwing or exiting non-zero. Environment: OPENAI_BASE_URL / OPENAI_API_KEY (the scripted
//     OpenAI-compatible exam-writer server of @domain-eval/testing), ARGILLA_API_URL / ARGILLA_API_KEY (the local
//     Argilla of tools/peers), DOMAIN_EVAL_MODEL_FILE (a tiny random-weight GGUF model).
//
// `--keep` keeps the temporary project and prints where it is.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { packPackages } from "./pack-packages.mjs";
import { entryPoints, publishablePackages, repoRoot } from "./publishable-packages.mjs";

// Packages whose require() cannot work yet, and why; require() must fail for them with this code (so the entry is
// removed once it works). The README of each says to import() it.
const REQUIRE_UNSUPPORTED = {
  "@domain-eval/local-model": {
    code: "ERR_REQUIRE_ASYNC_MODULE",
    why: "node-llama-cpp uses top-level await, which require(esm) refuses; it would need a lazy import()",
  },
  "@domain-eval/report": {
    code: "ERR_REQUIRE_ASYNC_MODULE",
    why: "vega (vega-canvas) uses top-level await, which require(esm) refuses; it would need a lazy import()",
  },
};

const started = Date.now();
const log = (message) => console.log(`consumer test [${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
const problems = [];
const keep = process.argv.includes("--keep");
const cleanups = [];
const work = mkdtempSync(join(tmpdir(), "domain-eval-consumer-"));
const app = join(work, "app");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

/** Where a package's README example starts: the first ```ts block after the "## Install" heading. */
function readmeExample(p) {
  const readme = readFileSync(join(p.dir, "README.md"), "utf8");
  const install = readme.search(/^## Install\b/mu);
  if (install < 0) return { problem: 'README.md has no "## Install" section' };
  const block = /^```(?:ts|typescript)\n([\s\S]*?)^```/mu.exec(readme.slice(install));
  if (!block) return { problem: 'README.md has no ```ts example after "## Install"' };
  const installCommands = [...readme.slice(install, install + block.index).matchAll(/^npm install (.+)$/gmu)];
  const names = installCommands.flatMap((m) =>
    m[1]
      .replace(/#.*$/u, "")
      .split(/\s+/u)
      .filter((word) => word && !word.startsWith("-"))
      .map((word) => word.replace(/(?<=.)@[^/]*$/u, "")),
  );
  return { source: block[1], installs: names };
}

/** The lowest version a peer range allows (`^1.4.0`, `>=3`, `1.4.x` …), or undefined when it is not that simple. */
function lowerBound(range) {
  const m = /^(?:\^|~|>=)?\s*(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/u.exec(range.trim());
  if (!m) return undefined;
  const part = (s) => (s === undefined || s === "x" ? "0" : s);
  return `${m[1]}.${part(m[2])}.${part(m[3])}`;
}

const workspaceVersion = (name) => {
  const file = join(repoRoot, "node_modules", name, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : undefined;
};

async function startScriptedServer() {
  const cli = join(repoRoot, "packages", "testing", "dist", "openai-server", "cli.js");
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx turbo run build\` first`);
  const child = spawn(process.execPath, [cli, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  cleanups.push(() => child.kill("SIGTERM"));
  const line = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]);
    });
    child.on("exit", (code) => reject(new Error(`the scripted OpenAI server exited (${code}) before listening`)));
  });
  return JSON.parse(line).url;
}

try {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if ((major === 20 && minor < 19) || (major === 22 && minor < 12) || major < 20 || major === 21)
    throw new Error(
      `Node ${process.version} cannot require() ES modules: run the consumer test on Node 20.19+ or 22.12+`,
    );
  const packages = publishablePackages();
  log(`packing ${packages.length} packages: ${packages.map((p) => p.name).join(", ")}`);
  mkdirSync(join(work, "tarballs"));
  const packed = packPackages({ packages, destination: join(work, "tarballs") });

  // ---- the consumer project ----------------------------------------------------------------------------------
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
  const ours = new Set(packages.map((p) => p.name));
  const peerRanges = new Map();
  for (const p of packages) {
    for (const [name, range] of Object.entries(p.pkg.peerDependencies ?? {})) {
      if (!ours.has(name)) peerRanges.set(name, [...(peerRanges.get(name) ?? []), `${p.name} ${range}`]);
    }
  }
  const thirdParty = new Map();
  for (const [name, ranges] of peerRanges) {
    const distinct = new Set(ranges.map((r) => r.split(" ")[1]));
    if (name === "@langchain/core") {
      if (distinct.size > 1) problems.push(`@langchain/core peer ranges differ (${ranges.join(", ")}): use one range`);
      const bound = lowerBound([...distinct][0]);
      if (!bound) problems.push(`@langchain/core peer range ${[...distinct][0]} has no simple lower bound`);
      thirdParty.set(name, bound ?? [...distinct][0]);
    } else thirdParty.set(name, workspaceVersion(name) ?? [...distinct][0]);
  }
  const examples = new Map();
  for (const p of packages) {
    const example = readmeExample(p);
    if (example.problem) problems.push(`${p.name}: ${example.problem}`);
    else examples.set(p.name, example.source);
    for (const name of example.installs ?? []) {
      if (ours.has(name)) {
        if (!dependencies[name]) problems.push(`${p.name}: README installs ${name}, which is not published`);
      } else if (!thirdParty.has(name)) {
        const version = workspaceVersion(name);
        if (!version) problems.push(`${p.name}: README installs ${name}, which no workspace package uses`);
        else thirdParty.set(name, version);
      }
    }
  }
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    `${JSON.stringify(
      {
        name: "domain-eval-consumer",
        private: true,
        type: "module",
        dependencies: { ...dependencies, ...Object.fromEntries(thirdParty) },
        devDependencies: { typescript: workspaceVersion("typescript"), "@types/node": workspaceVersion("@types/node") },
      },
      null,
      2,
    )}\n`,
  );
  log(`npm install in ${app} (third-party: ${[...thirdParty].map(([n, v]) => `${n}@${v}`).join(", ")})`);
  const install = run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: app,
  });
  if (install.status !== 0) throw new Error(`npm install in the consumer project failed:\n${install.stderr}`);
  for (const p of packages) {
    const installed = realpathSync(join(app, "node_modules", p.name));
    if (!installed.startsWith(realpathSync(app)))
      problems.push(`${p.name} is linked to ${installed}, not installed from its tarball`);
  }
  const langchainCopies = run("find", ["node_modules", "-path", "*/@langchain/core/package.json"], { cwd: app })
    .stdout.trim()
    .split("\n")
    .filter(Boolean);
  const langchainVersion = JSON.parse(
    readFileSync(join(app, "node_modules", "@langchain", "core", "package.json"), "utf8"),
  ).version;
  if (langchainCopies.length !== 1)
    problems.push(`@langchain/core installed ${langchainCopies.length} times: ${langchainCopies}`);
  if (thirdParty.has("@langchain/core") && langchainVersion !== thirdParty.get("@langchain/core"))
    problems.push(
      `@langchain/core ${langchainVersion} installed, expected the lower bound ${thirdParty.get("@langchain/core")}`,
    );

  // ---- entry points: import, require, types ------------------------------------------------------------------
  const specs = packages.flatMap((p) => entryPoints(p));
  writeFileSync(join(app, "entry-points.json"), JSON.stringify(specs));
  writeFileSync(join(app, "require-unsupported.json"), JSON.stringify(REQUIRE_UNSUPPORTED));
  writeFileSync(
    join(app, "check-import.mjs"),
    `import { readFileSync, writeFileSync } from "node:fs";
const out = {};
for (const spec of JSON.parse(readFileSync("entry-points.json", "utf8"))) out[spec] = Object.keys(await import(spec)).sort();
writeFileSync("exports-esm.json", JSON.stringify(out));
`,
  );
  writeFileSync(
    join(app, "check-require.cjs"),
    `const { readFileSync } = require("node:fs");
const esm = JSON.parse(readFileSync("exports-esm.json", "utf8"));
const unsupported = JSON.parse(readFileSync("require-unsupported.json", "utf8"));
const failures = [];
for (const spec of JSON.parse(readFileSync("entry-points.json", "utf8"))) {
  const known = unsupported[spec];
  try {
    const keys = Object.keys(require(spec)).filter((k) => k !== "__esModule" && k !== "module.exports").sort();
    if (known) failures.push(spec + ": require() works now: remove it from REQUIRE_UNSUPPORTED and its README note");
    else if (JSON.stringify(keys) !== JSON.stringify(esm[spec])) failures.push(spec + ": require() shows other exports than import: " + keys.join(","));
  } catch (error) {
    if (known?.code !== error.code) failures.push(spec + ": require() failed: " + error.code + " " + error.message.split("\\n")[0]);
  }
}
if (failures.length) { console.error(failures.join("\\n")); process.exit(1); }
`,
  );
  const esm = run(process.execPath, ["check-import.mjs"], { cwd: app });
  if (esm.status !== 0) problems.push(`import() of the entry points failed:\n${esm.stderr}`);
  else {
    const cjs = run(process.execPath, ["check-require.cjs"], { cwd: app });
    if (cjs.status !== 0) problems.push(`require() (Node ${process.version}):\n${cjs.stderr}`);
  }
  log(`import() and require() of ${specs.length} entry points: ${esm.status === 0 ? "done" : "failed"}`);

  // ---- consumer checks: README examples and test/consumer/*.ts -----------------------------------------------
  const checks = [];
  for (const p of packages) {
    const slug = p.name.replace(/^@/u, "").replace(/\//gu, "__");
    const dir = join(app, "checks", slug);
    mkdirSync(dir, { recursive: true });
    if (examples.has(p.name)) {
      writeFileSync(join(dir, "readme-example.ts"), examples.get(p.name));
      checks.push({ pkg: p.name, name: "README example", file: `checks/${slug}/readme-example` });
    }
    const own = join(p.dir, "test", "consumer");
    for (const file of existsSync(own) ? readdirSync(own).filter((f) => f.endsWith(".ts")) : []) {
      cpSync(join(own, file), join(dir, file));
      checks.push({ pkg: p.name, name: `test/consumer/${file}`, file: `checks/${slug}/${basename(file, ".ts")}` });
    }
  }
  writeFileSync(
    join(app, "types-check.ts"),
    `${specs.map((spec, i) => `import * as entry${i} from "${spec}";`).join("\n")}
export const exportedNames: string[] = [${specs.map((_, i) => `...Object.keys(entry${i})`).join(", ")}];
`,
  );
  // skipLibCheck is off so that our declaration files are checked too (a type imported from a package users do not
  // get would show up here); errors inside third-party declaration files are not ours and are left out below.
  const common = {
    target: "ES2022",
    lib: ["ES2023", "DOM"],
    strict: true,
    skipLibCheck: false,
    types: ["node"],
    esModuleInterop: true,
  };
  writeFileSync(
    join(app, "tsconfig.nodenext.json"),
    JSON.stringify({
      compilerOptions: { ...common, module: "nodenext", moduleResolution: "nodenext", outDir: "out", rootDir: "." },
      include: ["types-check.ts", "checks/**/*.ts"],
    }),
  );
  writeFileSync(
    join(app, "tsconfig.bundler.json"),
    JSON.stringify({
      // Our declaration files were checked in full by the nodenext pass; this pass is about resolution.
      compilerOptions: { ...common, module: "preserve", moduleResolution: "bundler", noEmit: true, skipLibCheck: true },
      include: ["types-check.ts", "checks/**/*.ts"],
    }),
  );
  const tsc = join(app, "node_modules", "typescript", "bin", "tsc");
  for (const config of ["tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
    const typecheck = run(process.execPath, [tsc, "-p", config, "--pretty", "false"], { cwd: app });
    const errors = `${typecheck.stdout}${typecheck.stderr}`
      .split(/\n(?=\S)/u)
      .filter((e) => e.trim() && (!e.startsWith("node_modules/") || e.startsWith("node_modules/@domain-eval/")));
    if (errors.length > 0)
      problems.push(`tsc -p ${config} (types of every entry point and every check):\n${errors.join("\n")}`);
  }
  log(`typechecked ${specs.length} entry points and ${checks.length} checks under bundler and nodenext`);

  const env = { ...process.env, OPENAI_API_KEY: "consumer-test" };
  env.OPENAI_BASE_URL = await startScriptedServer();
  const { ensurePeers, makeTinyGguf, peersProcessEnv } = await import(
    join(repoRoot, "packages", "testing", "dist", "index.js")
  );
  const peers = peersProcessEnv(await ensurePeers({ onProgress: () => {} }));
  Object.assign(env, peers);
  Object.assign(process.env, peers); // makeTinyGguf uses the eval venv's Python
  env.DOMAIN_EVAL_MODEL_FILE = await makeTinyGguf({ dir: work });
  for (const check of checks) {
    const script = join(app, "out", `${check.file}.js`);
    if (!existsSync(script)) {
      problems.push(`${check.pkg} ${check.name}: not compiled (see the tsc errors)`);
      continue;
    }
    const cwd = join(work, "run", basename(check.file) + checks.indexOf(check));
    mkdirSync(cwd, { recursive: true });
    const began = Date.now();
    const result = run(process.execPath, [script], { cwd, env, timeout: 180_000 });
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    if (result.status !== 0)
      problems.push(
        `${check.pkg} ${check.name} failed (exit ${result.status ?? result.signal}, ${seconds}s):\n${result.stderr.slice(-3000)}`,
      );
    log(`${result.status === 0 ? "ok  " : "FAIL"} ${check.pkg} ${check.name} (${seconds}s)`);
  }
} catch (error) {
  problems.push(error.stack ?? String(error));
} finally {
  for (const cleanup of cleanups) cleanup();
  if (keep) console.log(`consumer project kept in ${app}`);
  // ~900 MB (node-llama-cpp's prebuilt binaries for every backend): deleted in the background, not waited for.
  else spawn("rm", ["-rf", work], { detached: true, stdio: "ignore" }).unref();
}

if (problems.length > 0) {
  console.error(`\nconsumer test: ${problems.length} problem(s):\n${problems.map((x) => `- ${x}`).join("\n")}`);
  process.exit(1);
}
log("every package installs from its tarball and works as its README says");
