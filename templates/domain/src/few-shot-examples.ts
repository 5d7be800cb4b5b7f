import type { FewShotExample } from "@domain-eval/core";

/**
 * Worked examples for the __DOMAIN_DISPLAY_NAME_LOWER__ question writer. Replace them with examples from your domain:
 * each needs a real `source_text`, quotes copied verbatim from it, distractors that are plausible mistakes, options of
 * similar length, and an `explanation` of why each distractor is wrong. The contract suite runs every check on them.
 */
export const __DOMAIN_CAMEL__FewShotExamples: FewShotExample[] = [
  {
    source_text:
      "The room is held at −20 °C. Insulated gloves, a hat and the blue thermal jacket must be worn for any stay longer than 5 minutes. Stays are limited to 30 minutes, followed by at least 15 minutes in a warm area before re-entry.",
    question:
      "Under the Northgate Research Station cold room procedure, what is the longest a member of staff may stay in the cold room at one time?",
    answer: "30 minutes",
    distractors: ["5 minutes", "15 minutes", "60 minutes"],
    citations: ["Stays are limited to 30 minutes"],
    explanation:
      "5 minutes is when protective clothing becomes mandatory and 15 minutes is the warm-up break: both come from the same paragraph. 60 minutes is a plausible round number the procedure does not use.",
  },
  {
    source_text:
      "Samples are stored on the left-hand racks by project code. Dry ice must never be stored in the cold room, because sublimating carbon dioxide can displace oxygen in a sealed space.",
    question: "Why does the Northgate Research Station procedure forbid storing dry ice in the cold room?",
    answer: "Its carbon dioxide can displace oxygen",
    distractors: [
      "It warms the room above −20 °C",
      "It damages the left-hand sample racks",
      "It sets off the door's green push bar",
    ],
    citations: ["sublimating carbon dioxide can displace oxygen in a sealed space"],
    explanation:
      "The procedure gives one reason, the oxygen hazard; the distractors reuse other details of the same document (the temperature, the racks, the door) in plausible but wrong ways.",
  },
];
