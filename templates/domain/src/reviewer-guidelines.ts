/** Markdown shown to reviewers of __DOMAIN_DISPLAY_NAME_LOWER__ questions in Argilla. */
export const __DOMAIN_CAMEL__ReviewerGuidelines = `# Reviewing __DOMAIN_DISPLAY_NAME_LOWER__ questions

Each record is a multiple-choice question generated from a document. The source passage is shown next to it: check every answer against the passage, not against memory.

## Accept the question when

- It stands alone: a reader who has not seen the passage knows exactly what is asked.
- The correct answer is what the passage says, and the quotes are copied from it.
- Every distractor is wrong but plausible, and all options are of a similar kind and length.

## Correct the question when

- A detail needed to make the question unambiguous (whose rule, which document) is missing but clear from the passage: add it.
- A distractor is also right according to the passage: replace it.

## Discard the question when

- The answer cannot be verified from the passage.
- It asks about boilerplate (a disclaimer, a table of contents) rather than content.

## Flags you may see

| Code | Meaning |
|---|---|
| \`QUESTION_REFERS_TO_SOURCE\` | The question says "according to the passage" or similar, which the reader cannot see. |
`;
