import type { FewShotExample } from "@domain-eval/core";

/**
 * Worked examples for the medical question writer: third-person vignettes with distractors from the differential
 * diagnosis and from dosing errors. Each passes the core checks and the medical checks against its own
 * `source_text`; the contract suite verifies that.
 */
export const medicalFewShotExamples: FewShotExample[] = [
  {
    source_text:
      "For a child aged 6 to 12 years the intramuscular adrenaline dose is 300 micrograms (0.3 mL of 1 mg/mL adrenaline). For a child aged 6 months to 6 years it is 150 micrograms (0.15 mL), and for a child over 12 years it is 500 micrograms, as for an adult.",
    question:
      "An 8-year-old girl develops stridor and a weak pulse after a wasp sting, and anaphylaxis is recognised. What is the initial intramuscular adrenaline dose for her age group?",
    answer: "300 micrograms",
    distractors: ["150 micrograms", "500 micrograms", "30 micrograms"],
    citations: [
      "For a child aged 6 to 12 years the intramuscular adrenaline dose is 300 micrograms (0.3 mL of 1 mg/mL adrenaline).",
    ],
    explanation:
      "150 micrograms is the dose for 6 months to 6 years and 500 micrograms the dose over 12 years (adjacent age bands); 30 micrograms is a tenfold decimal error.",
  },
  {
    source_text:
      "Score one point for each of: confusion (new disorientation in person, place or time); urea greater than 7 mmol/L; respiratory rate of 30 breaths per minute or more; systolic blood pressure below 90 mmHg or diastolic 60 mmHg or below; age 65 years or older. A score of 0 or 1 indicates low severity, 2 moderate severity, and 3 to 5 high severity.",
    question:
      "A 72-year-old man with community-acquired pneumonia is newly confused, with a urea of 9 mmol/L, a respiratory rate of 24 breaths per minute and a blood pressure of 128/76 mmHg. What is his CURB-65 score?",
    answer: "3",
    distractors: ["2", "4", "1"],
    citations: [
      "Score one point for each of: confusion (new disorientation in person, place or time); urea greater than 7 mmol/L",
      "age 65 years or older",
    ],
    explanation:
      "He scores for confusion, urea and age. 2 misses the age criterion; 4 counts a respiratory rate of 24 although the threshold is 30; 1 counts only the confusion.",
  },
  {
    source_text:
      "A 70-year-old woman has flushing and abdominal cramps after an intravenous contrast injection, with a normal blood pressure and no airway or breathing problems. The differential diagnosis includes a non-anaphylactic reaction, vasovagal syncope and panic; anaphylaxis requires airway, breathing or circulation problems, usually with skin or mucosal changes.",
    question:
      "A 70-year-old woman has flushing and abdominal cramps after intravenous contrast, with a normal blood pressure and no airway or breathing problems. Which feature required for a diagnosis of anaphylaxis is absent?",
    answer: "Airway, breathing or circulation problems",
    distractors: ["Skin or mucosal changes", "A likely trigger shortly before", "A sudden onset after exposure"],
    citations: ["anaphylaxis requires airway, breathing or circulation problems, usually with skin or mucosal changes"],
    explanation:
      "Her flushing is a skin change, the contrast is a likely trigger and the onset was sudden, so those features are present; what is missing is any airway, breathing or circulation problem.",
  },
];
