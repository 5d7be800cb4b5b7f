import { describe, expect, it } from "vitest";
import { builtinChecks, type CheckableQuestion, checkQuestion, type QualityCheck } from "../check-question.js";
import { type DomainPlugin, defineDomainPlugin } from "../domain-plugin.js";
import type { Finding } from "../findings.js";
import { findMarkdownProblems } from "./markdown-problems.js";

/** A question a plugin check must catch, and the finding codes it must produce. */
export interface FlawedExample {
  /** The flawed question; give `source_text` when the flaw is about the source. */
  question: CheckableQuestion;
  /** Finding codes (warning or error) the question must get from the core and plugin checks. */
  expectCodes: string[];
}

/** What {@link describeDomainPluginContract} needs besides the plugin. */
export interface DomainPluginContractOptions {
  /** The plugin under test, as its package exports it. */
  plugin: DomainPlugin;
  /**
   * Questions the plugin's checks must catch. Every code a plugin check declares must be expected by at least one
   * flawed example, so each check proves it catches what it claims.
   */
  flawed?: FlawedExample[];
  /** Good questions the plugin's checks must leave alone (no warning or error from any check). */
  clean?: CheckableQuestion[];
}

/** Argilla refuses dataset guidelines over 10,000 characters; leave room for the pipeline's own review notes. */
export const MAX_REVIEWER_GUIDELINES_CHARS = 8_000;

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/u;
const FINDING_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/u;
const PLACEHOLDER = /\bTODO\b|\bTBD\b|\bFIXME\b|lorem ipsum|\{\{[^}]*\}\}|__[A-Z][A-Z_]+__/u;

function runChecks(plugin: DomainPlugin, question: CheckableQuestion): Finding[] {
  return checkQuestion({ question, sourceText: question.source_text, extraChecks: plugin.checks ?? [] });
}

function blocking(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity !== "info").map((f) => `${f.code} (${f.severity}): ${f.message}`);
}

function label(question: CheckableQuestion): string {
  const text = question.question.trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Registers the vitest suite every domain plugin must pass: required fields, reviewer guidelines that render as
 * markdown, few-shot examples that pass the core and plugin checks against their own `source_text`, plugin checks that
 * catch what they claim (every declared code is demonstrated by a flawed example) and leave clean questions alone.
 * Call it at the top level of a `*.test.ts` file.
 *
 * @example
 * import { describeDomainPluginContract } from "@domain-eval/core/testing";
 * import financeDomain from "./finance-domain.js";
 *
 * describeDomainPluginContract({
 *   plugin: financeDomain,
 *   flawed: [{ question: { question: "What was revenue?", answer: "€9 million", ... }, expectCodes: ["NUMERIC_QUESTION_MISSING_PERIOD"] }],
 *   clean: [{ question: "What was Harbourline's revenue in EUR for FY2024?", answer: "€412.6 million", ... }],
 * });
 */
export function describeDomainPluginContract(options: DomainPluginContractOptions): void {
  const { plugin } = options;
  const flawed = options.flawed ?? [];
  const clean = options.clean ?? [];
  const checks: QualityCheck[] = [...(plugin.checks ?? [])];

  describe(`domain plugin contract: ${plugin.id ?? "(no id)"}`, () => {
    describe("required fields", () => {
      it("passes defineDomainPlugin validation", () => {
        expect(() => defineDomainPlugin({ ...plugin })).not.toThrow();
      });

      it("has a semantic version, recorded in every question's prompt_version", () => {
        expect(plugin.version, `version "${plugin.version}" should look like 1.0.0`).toMatch(SEMVER);
      });

      it("gives the question writer substantial instructions with no placeholders left", () => {
        const problems: string[] = [];
        if (plugin.instructions.trim().length < 200) {
          problems.push(
            `instructions are ${plugin.instructions.trim().length} characters: say what good questions, answers and distractors look like in this domain (200+ characters)`,
          );
        }
        const placeholder = PLACEHOLDER.exec(plugin.instructions);
        if (placeholder) problems.push(`instructions still contain the placeholder "${placeholder[0]}"`);
        expect(problems).toEqual([]);
      });
    });

    describe("reviewer guidelines", () => {
      it("render as well-formed markdown", () => {
        const report = findMarkdownProblems({ markdown: plugin.reviewerGuidelines, label: "reviewerGuidelines" });
        expect(report.problems).toEqual([]);
        expect(
          report.headings.length + report.listItems,
          "guidelines need structure: headings and lists, not one paragraph",
        ).toBeGreaterThanOrEqual(3);
      });

      it(`fit in the review UI (at most ${MAX_REVIEWER_GUIDELINES_CHARS} characters)`, () => {
        expect(plugin.reviewerGuidelines.length).toBeLessThanOrEqual(MAX_REVIEWER_GUIDELINES_CHARS);
      });
    });

    describe("few-shot examples", () => {
      it.each(plugin.fewShotExamples.map((example, index) => ({ index: index + 1, example, name: label(example) })))(
        "example $index passes every check against its own source_text: $name",
        ({ example }) => {
          expect(example.source_text.trim(), "a few-shot example needs its source_text").not.toBe("");
          expect(example.citations.length, "a few-shot example needs at least one citation").toBeGreaterThan(0);
          expect(blocking(runChecks(plugin, example))).toEqual([]);
        },
      );
    });

    describe("domain checks", () => {
      it("have unique names and well-formed codes that do not reuse core codes", () => {
        const problems: string[] = [];
        const coreCodes = new Set(builtinChecks().flatMap((c) => c.codes));
        const names = new Set<string>();
        const owners = new Map<string, string>();
        for (const check of checks) {
          if (names.has(check.name)) problems.push(`two checks are named "${check.name}"`);
          names.add(check.name);
          if (!check.description?.trim()) problems.push(`check "${check.name}" needs a one-sentence description`);
          for (const code of check.codes) {
            if (!FINDING_CODE.test(code)) problems.push(`code "${code}" of "${check.name}" should be UPPER_SNAKE_CASE`);
            if (coreCodes.has(code)) problems.push(`code "${code}" of "${check.name}" is already a core check's code`);
            const owner = owners.get(code);
            if (owner) problems.push(`code "${code}" is declared by both "${owner}" and "${check.name}"`);
            owners.set(code, check.name);
          }
        }
        expect(problems).toEqual([]);
      });

      it("each declared code is demonstrated by a flawed example", () => {
        const demonstrated = new Set(flawed.flatMap((f) => f.expectCodes));
        const missing = checks.flatMap((check) =>
          check.codes.filter((code) => !demonstrated.has(code)).map((code) => `${code} (check "${check.name}")`),
        );
        expect(missing, "add a flawed example expecting each of these codes").toEqual([]);
      });

      it("emit only their declared codes, each with a message", () => {
        const questions: CheckableQuestion[] = [...plugin.fewShotExamples, ...flawed.map((f) => f.question), ...clean];
        const problems: string[] = [];
        for (const check of checks) {
          for (const question of questions) {
            for (const finding of check.run(question, { sourceText: question.source_text })) {
              if (!check.codes.includes(finding.code)) {
                problems.push(`"${check.name}" emitted undeclared code ${finding.code} for "${label(question)}"`);
              }
              if (!finding.message?.trim()) problems.push(`"${check.name}" emitted ${finding.code} with no message`);
              if (!["error", "warning", "info"].includes(finding.severity)) {
                problems.push(`"${check.name}" emitted ${finding.code} with severity "${finding.severity}"`);
              }
            }
          }
        }
        expect(problems).toEqual([]);
      });

      it("do not throw on sparse input (no citations, no source text, empty strings)", () => {
        const sparse: CheckableQuestion[] = [
          { question: "", answer: "", distractors: [] },
          { question: "What is 5?", answer: "5", distractors: ["", "6", "7"], citations: [] },
          { question: "What?", answer: "x", distractors: ["y", "z", "w"], citations: [""], source_text: "" },
        ];
        for (const check of checks) {
          for (const question of sparse) {
            expect(() => check.run(question, {}), `check "${check.name}"`).not.toThrow();
          }
        }
      });

      if (flawed.length > 0) {
        it.each(
          flawed.map((f, index) => ({
            index: index + 1,
            flawed: f,
            codes: f.expectCodes.join(", "),
            name: label(f.question),
          })),
        )("flawed example $index is caught with $codes: $name", ({ flawed: f }) => {
          expect(f.expectCodes.length, "a flawed example must expect at least one code").toBeGreaterThan(0);
          const findings = runChecks(plugin, f.question);
          const caught = new Set(findings.filter((x) => x.severity !== "info").map((x) => x.code));
          const missed = f.expectCodes.filter((code) => !caught.has(code));
          expect(
            missed,
            `expected ${missed.join(", ")} but got: ${findings.map((x) => `${x.code} (${x.severity})`).join(", ") || "no findings"}`,
          ).toEqual([]);
        });
      }

      if (clean.length > 0) {
        it.each(clean.map((question, index) => ({ index: index + 1, question, name: label(question) })))(
          "clean example $index passes every check: $name",
          ({ question }) => {
            expect(blocking(runChecks(plugin, question))).toEqual([]);
          },
        );
      }
    });
  });
}
