import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describeDomainPluginContract } from "@domain-eval/core/testing";
import { describe, expect, it } from "vitest";
import legalDefault, { legalDomain, legalSamplesDir } from "./index.js";

const source =
  "Section 13(2) At the end of the tenancy the landlord must return the deposit, less any deductions permitted by section 14, within 21 days of the tenant giving up possession.";
const citations = ["the landlord must return the deposit, less any deductions permitted by section 14, within 21 days"];
const good = {
  answer: "Within 21 days",
  distractors: ["Within 30 days", "Within 7 days", "Within 6 months"],
  citations,
  source_text: source,
};

describeDomainPluginContract({
  plugin: legalDomain,
  flawed: [
    {
      question: { ...good, question: "In the Republic of Varnia, when must a landlord return a tenancy deposit?" },
      expectCodes: ["LEGAL_PROVISION_MISSING"],
    },
    {
      question: { ...good, question: "Under section 13(2), when must a landlord return a tenancy deposit?" },
      expectCodes: ["LEGAL_JURISDICTION_MISSING"],
    },
    {
      question: {
        ...good,
        question:
          "Under section 13(2) of the Varnian Residential Tenancies Act 2022, should I sue if my landlord keeps the deposit?",
      },
      expectCodes: ["LEGAL_ADVICE_FRAMING"],
    },
    {
      question: {
        ...good,
        question: "How long does a landlord have to return a deposit?",
        answer: "You should expect it within 21 days",
        distractors: [
          "You should expect it within 30 days",
          "You should expect it within 7 days",
          "You should expect it within 6 months",
        ],
      },
      expectCodes: ["LEGAL_PROVISION_MISSING", "LEGAL_JURISDICTION_MISSING", "LEGAL_ADVICE_FRAMING"],
    },
  ],
  clean: [
    {
      ...good,
      question:
        "Under section 13(2) of the Residential Tenancies Act 2022 of the Republic of Varnia, within what period must a landlord return a tenancy deposit?",
    },
    {
      ...good,
      question: "Under Varnian law, by when does section 13(2) require a landlord to return a tenancy deposit?",
    },
    {
      question: "Under Article 17 of the GDPR in the European Union, what right does the data subject have?",
      answer: "The right to erasure",
      distractors: ["The right to portability", "The right to rectification", "The right to object"],
      citations: ["the right to obtain from the controller the erasure of personal data"],
    },
  ],
});

describe("legal package exports", () => {
  it("default-exports the same plugin as legalDomain, with id legal", () => {
    expect(legalDefault).toBe(legalDomain);
    expect(legalDomain.id).toBe("legal");
  });

  it("ships sample documents, each marked as fictional", async () => {
    const files = (await readdir(legalSamplesDir)).filter((f) => /\.(md|txt|html)$/u.test(f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      expect(await readFile(join(legalSamplesDir, file), "utf8"), file).toMatch(/fictional/iu);
    }
  });
});
