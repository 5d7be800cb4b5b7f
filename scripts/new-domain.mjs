#!/usr/bin/env node
// Scaffolds a domain plugin package: `npm run new:domain -- NAME`. Copies templates/domain/ to packages/domains/NAME,
// fills in the names, adds a changeset and runs `npm install` so the workspace links the new package. See
// CONTRIBUTING.md ("Adding a domain").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const USAGE = `Usage: npm run new:domain -- <name> [options]

  <name>                   the domain id: lower-case kebab-case, e.g. food-safety (used as --domain <name>)

Options:
  --display-name <text>    human name (default: from the id, e.g. "Food safety")
  --subject <text>         the dataset's subject column (default: the id with spaces, e.g. "food safety")
  --root <dir>             the domain-eval repo to add it to (default: this script's repo)
  --skip-install           do not run npm install afterwards (then run it yourself to link the package)
  -h, --help               show this help`;

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u;

/** Exits with a message naming the problem and the fix. */
function fail(message) {
  process.stderr.write(`new:domain: ${message}\n`);
  process.exit(1);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        "display-name": { type: "string" },
        subject: { type: "string" },
        root: { type: "string" },
        "skip-install": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    fail(`${error.message}\n\n${USAGE}`);
  }
}

const { values, positionals } = parse();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (positionals.length !== 1) {
  fail(
    `expected exactly one domain name, got ${positionals.length}: e.g. npm run new:domain -- food-safety\n\n${USAGE}`,
  );
}

const id = positionals[0];
if (!ID_PATTERN.test(id)) {
  const suggestion = id
    .trim()
    .replace(/([a-z0-9])([A-Z])/gu, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^[^a-z]+|-+$/gu, "");
  fail(
    `"${id}" is not a valid domain name: use lower-case kebab-case (letters, digits, single dashes, starting with a letter)${suggestion && ID_PATTERN.test(suggestion) ? `, e.g. "${suggestion}"` : ""}`,
  );
}
if (id.startsWith("domain-")) {
  fail(
    `"${id}" starts with "domain-": the package is already named @domain-eval/domain-<name>, so use "${id.slice(7)}"`,
  );
}

const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const templateDir = join(root, "templates", "domain");
const domainsDir = join(root, "packages", "domains");
const target = join(domainsDir, id);
const changesetPath = join(root, ".changeset", `add-domain-${id}.md`);

if (!existsSync(templateDir)) fail(`no template at ${templateDir}: run this from a domain-eval checkout`);
if (existsSync(target)) {
  fail(
    `${relative(root, target)} already exists: choose another name, or remove that folder first if you mean to start over`,
  );
}

const words = id.split("-");
const displayName =
  values["display-name"]?.trim() || [words[0][0].toUpperCase() + words[0].slice(1), ...words.slice(1)].join(" ");
const camel =
  words[0] +
  words
    .slice(1)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
const corePackage = JSON.parse(await readFile(join(root, "packages", "core", "package.json"), "utf8"));

const tokens = {
  __DOMAIN_ID__: id,
  __DOMAIN_CAMEL__: camel,
  __DOMAIN_DISPLAY_NAME_LOWER__: displayName.toLowerCase(),
  __DOMAIN_DISPLAY_NAME__: displayName,
  __DOMAIN_SUBJECT__: values.subject?.trim() || words.join(" "),
  __CORE_VERSION__: corePackage.version,
};
const fill = (text) => text.replace(/__(?:DOMAIN_[A-Z_]+?|CORE_VERSION)__/gu, (token) => tokens[token] ?? token);

/** Copies the template into `to`, filling tokens in names and contents; the changeset template goes elsewhere. */
async function copyTemplate(from, to) {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (from === templateDir && entry.name === "changeset.md.tpl") continue;
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const source = join(from, entry.name);
    // `.tpl` keeps the formatter off files whose tokens or front matter it would rewrite (README.md.tpl).
    const destination = join(to, fill(entry.name).replace(/\.tpl$/u, ""));
    if (entry.isDirectory()) await copyTemplate(source, destination);
    else await writeFile(destination, fill(await readFile(source, "utf8")));
  }
}

// Build in a staging folder beside the target and move it into place, so a failure never leaves half a package.
const staging = join(domainsDir, `.${id}.scaffolding-${process.pid}`);
try {
  await mkdir(domainsDir, { recursive: true });
  await copyTemplate(templateDir, staging);
  await rename(staging, target);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  fail(`could not write ${relative(root, target)}: ${error.message}`);
}

const created = [];
for (const file of await listFiles(target)) created.push(relative(root, file));
if (existsSync(changesetPath)) {
  process.stdout.write(`kept the existing ${relative(root, changesetPath)}\n`);
} else {
  await mkdir(dirname(changesetPath), { recursive: true });
  await writeFile(changesetPath, fill(await readFile(join(templateDir, "changeset.md.tpl"), "utf8")));
  created.push(relative(root, changesetPath));
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if ((await stat(path)).isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out.sort();
}

process.stdout.write(
  `Created @domain-eval/domain-${id} (--domain ${id}):\n${created.map((f) => `  ${f}`).join("\n")}\n`,
);

if (values["skip-install"]) {
  process.stdout.write("\nSkipped npm install: run `npm install` at the repo root to link the new package.\n");
} else {
  process.stdout.write("\nRunning npm install at the repo root to link the new workspace package...\n");
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (install.status !== 0) {
    fail(
      `npm install failed (exit ${install.status ?? install.signal}); the package files are in place: fix the problem above and run \`npm install\` at the repo root`,
    );
  }
  process.stdout.write(`npm install linked node_modules/@domain-eval/domain-${id} -> packages/domains/${id}.\n`);
}

// Names change line lengths and the order of sorted exports, so format the new files with the repo's own formatter;
// the repo's lint step then passes on them as scaffolded.
const biome = join(root, "node_modules", "@biomejs", "biome", "bin", "biome");
if (existsSync(biome)) {
  const format = spawnSync(process.execPath, [biome, "check", "--write", relative(root, target)], {
    cwd: root,
    encoding: "utf8",
  });
  if (format.status === 0) process.stdout.write(`Formatted packages/domains/${id} with biome.\n`);
  else process.stdout.write(`biome reported problems in the new files:\n${format.stdout}${format.stderr}\n`);
} else {
  process.stdout.write(
    `biome is not installed yet: after npm install, run npx biome check --write packages/domains/${id}\n`,
  );
}

process.stdout.write(`
Next steps:
  1. Edit packages/domains/${id}/src: instructions, few-shot examples, reviewer guidelines, checks (and samples/).
  2. Test it:      npx turbo run build test --filter=@domain-eval/domain-${id}
  3. Try it:       domain-eval domains   and   domain-eval generate --domain ${id} --docs <folder> --out questions.jsonl
  4. Describe the change in ${relative(root, changesetPath)} and open a pull request.
`);
