import { readdir } from "node:fs/promises";
import { describeDomainPluginContract } from "@domain-eval/core/testing";
import { describe, expect, it } from "vitest";
import pluginDefault, { __DOMAIN_CAMEL__Domain, __DOMAIN_CAMEL__SamplesDir } from "./index.js";

const source =
  "Staff must sign the entry log at the door and state the expected time of exit. No one may enter the cold room alone between 18:00 and 07:00.";
const good = {
  answer: "Between 18:00 and 07:00",
  distractors: ["Between 07:00 and 18:00", "Between 20:00 and 06:00", "Between 22:00 and 05:00"],
  citations: ["No one may enter the cold room alone between 18:00 and 07:00."],
  source_text: source,
};

// The contract every domain plugin passes. Add a flawed example for each code your checks declare (the suite fails
// until every code is demonstrated) and clean examples your checks must leave alone. The flawed example below is
// caught by core's standalone-question check, which every domain gets.
describeDomainPluginContract({
  plugin: __DOMAIN_CAMEL__Domain,
  flawed: [
    {
      question: { ...good, question: "According to the passage, when may no one enter the cold room alone?" },
      expectCodes: ["QUESTION_REFERS_TO_SOURCE"],
    },
  ],
  clean: [
    {
      ...good,
      question: "Under the Northgate Research Station procedure, when may no one enter the cold room alone?",
    },
  ],
});

describe("__DOMAIN_ID__ package", () => {
  it("default-exports the plugin, with id __DOMAIN_ID__", () => {
    expect(pluginDefault).toBe(__DOMAIN_CAMEL__Domain);
    expect(__DOMAIN_CAMEL__Domain.id).toBe("__DOMAIN_ID__");
  });

  it("ships sample documents", async () => {
    const files = (await readdir(__DOMAIN_CAMEL__SamplesDir)).filter((f) => /\.(md|txt|html)$/u.test(f));
    expect(files.length).toBeGreaterThan(0);
  });
});
