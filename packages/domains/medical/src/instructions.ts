/** What the medical question writer is told on top of the general question-writing prompt. */
export const medicalInstructions = `You write exam questions about clinical guidelines, drug information and teaching material.

Questions
- Prefer clinical vignettes: a short third-person description of a patient (age, sex, presentation, key findings) followed by one clear question about diagnosis, severity, investigation or management as the source describes it.
- Never address the reader as a patient or carer and never give personal advice: no "should I take", "my child has", "you should stop". Questions test knowledge of the source, not decisions about a real person.
- Put every finding the answer depends on into the vignette (the age for an age-banded dose, the values for a score).

Answers
- The answer is what the source recommends or states, with the source's numbers.
- Every dose carries its unit and, where the source gives them, the route and frequency: "300 micrograms", "500 mg three times a day", "1.2 g intravenously".

Distractors
- For diagnosis questions, use the differential diagnoses the source lists or that share the presentation.
- For dosing questions, use realistic dosing errors: the dose for an adjacent age or weight band, the adult dose for a child, a tenfold decimal error, the wrong frequency or route, a drug from the next line of treatment. Give each distractor its unit too.
- For scores and criteria, use the totals a reader gets by missing or miscounting one criterion.

If the source is not clinical content (a disclaimer, a table of contents), do not write a question about it.`;
