import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describeDomainPluginContract } from "@domain-eval/core/testing";
import { describe, expect, it } from "vitest";
import medicalDefault, { medicalDomain, medicalSamplesDir } from "./index.js";

const source =
  "Low severity (CURB-65 0–1): amoxicillin 500 mg orally three times a day. Penicillin allergy: doxycycline 200 mg on day 1, then 100 mg once a day. The total course is 5 days for all severities.";
const citations = ["amoxicillin 500 mg orally three times a day"];

describeDomainPluginContract({
  plugin: medicalDomain,
  flawed: [
    {
      question: {
        question: "My doctor says I have mild pneumonia. How much amoxicillin should I take?",
        answer: "500 mg three times a day",
        distractors: ["250 mg three times a day", "500 mg twice a day", "1 g three times a day"],
        citations,
        source_text: source,
      },
      expectCodes: ["PATIENT_ADVICE_FRAMING"],
    },
    {
      question: {
        question:
          "A 45-year-old woman has low-severity community-acquired pneumonia (CURB-65 score 0). What oral amoxicillin dose is given three times a day?",
        answer: "500",
        distractors: ["250 mg", "1 g", "100 mg"],
        citations,
        source_text: source,
      },
      expectCodes: ["DOSE_WITHOUT_UNIT"],
    },
  ],
  clean: [
    {
      question:
        "A 45-year-old woman has low-severity community-acquired pneumonia (CURB-65 score 0) and no drug allergies. What is the first-choice antibiotic regimen?",
      answer: "Amoxicillin 500 mg orally three times a day",
      distractors: [
        "Doxycycline 100 mg orally once a day",
        "Amoxicillin 500 mg orally once a day",
        "Amoxicillin 50 mg orally three times a day",
      ],
      citations,
      source_text: source,
    },
    {
      question:
        "A 45-year-old man with low-severity pneumonia is treated with amoxicillin. How long is the total course of antibiotics?",
      answer: "5 days",
      distractors: ["3 days", "7 days", "10 days"],
      citations: ["The total course is 5 days for all severities."],
      source_text: source,
    },
  ],
});

describe("medical package exports", () => {
  it("default-exports the same plugin as medicalDomain, with id medical", () => {
    expect(medicalDefault).toBe(medicalDomain);
    expect(medicalDomain.id).toBe("medical");
  });

  it("tells reviewers to check against the source, not memory", () => {
    expect(medicalDomain.reviewerGuidelines).toMatch(/against the passage shown, not against your memory/u);
  });

  it("ships sample documents, each marked as fictional and not clinical guidance", async () => {
    const files = (await readdir(medicalSamplesDir)).filter((f) => /\.(md|txt|html)$/u.test(f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const text = await readFile(join(medicalSamplesDir, file), "utf8");
      expect(text, file).toMatch(/fictional/iu);
      expect(text, file).toMatch(/not clinical guidance/iu);
    }
  });
});
