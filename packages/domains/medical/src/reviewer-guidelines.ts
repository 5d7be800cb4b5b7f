/** Markdown shown to reviewers of medical questions in Argilla. */
export const medicalReviewerGuidelines = `# Reviewing medical questions

Each record is a multiple-choice question generated from clinical material. **Check every answer against the passage shown, not against your memory or your own practice**: guidelines differ between countries and change over time, and the question must test what this source says.

## Accept the question when

- It describes a patient in the third person and asks one clear question about diagnosis, severity, investigation or management.
- The vignette contains every finding the answer depends on (age for age-banded doses, values for scores).
- The answer matches the passage exactly, including dose, unit, route and frequency.
- Distractors are plausible: differential diagnoses, adjacent dose bands, decimal or frequency errors. Each carries its unit.

## Correct the question when

- A unit, route or frequency is missing from an option but clear from the passage: add it.
- The vignette leaves out a finding the answer needs: add it from the passage.
- A distractor is also correct according to the passage: replace it.

## Discard the question when

- It reads as personal advice ("Should I take …", "My child has …", "You should stop …").
- The answer depends on knowledge outside the passage, or the passage itself looks wrong or outdated: discard and leave a comment rather than correcting it from memory.
- It could harm someone who took it as advice, for example a dose without the patient group it applies to.

## Flags you may see

| Code | Meaning |
|---|---|
| \`DOSE_WITHOUT_UNIT\` | A dose is given without a unit (an error when it is the answer). |
| \`PATIENT_ADVICE_FRAMING\` | The question or answer reads as personal medical advice; such questions are dropped before review. |
`;
