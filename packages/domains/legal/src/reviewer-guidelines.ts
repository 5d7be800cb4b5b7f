/** Markdown shown to reviewers of legal questions in Argilla. */
export const legalReviewerGuidelines = `# Reviewing legal questions

Each record is a multiple-choice question generated from a legal text (a statute, regulation, code or contract). Check it against the passage shown, not against your knowledge of the law elsewhere: the source may be from a jurisdiction you do not know, or fictional.

## Accept the question when

- It names the **provision** (article, section, subsection, clause) and the **jurisdiction** or instrument whose law it is.
- The correct answer is what the cited provision says, with its qualifiers ("at least", "within", "unless").
- Every distractor is wrong under that provision. Distractors taken from adjacent provisions are good; they test whether the reader knows which rule applies.

## Correct the question when

- The provision number or the jurisdiction is missing but clear from the passage: add it.
- The answer drops a qualifier that matters ("30 days" where the text says "at least 30 days"): restore it.
- The question cites the wrong subsection: fix the citation.

## Discard the question when

- It is framed as advice ("Should I …", "You should …", "My landlord …"; 私は…すべきですか, 私の大家; 我应该…吗, 我的房东) or asks what a party ought to do in a situation the passage does not describe.
- It tests case law, commentary or practice that the passage does not contain.
- Two options are right under the cited provision.

## Flags you may see

| Code | Meaning |
|---|---|
| \`LEGAL_PROVISION_MISSING\` | No article, section or clause is named. |
| \`LEGAL_JURISDICTION_MISSING\` | No jurisdiction or "… law" is named. |
| \`LEGAL_ADVICE_FRAMING\` | The question or answer reads as legal advice; such questions are dropped before review. |
`;
