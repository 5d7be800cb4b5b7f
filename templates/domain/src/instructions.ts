/**
 * What the __DOMAIN_DISPLAY_NAME_LOWER__ question writer is told on top of the general question-writing prompt.
 * Say what an expert in the field would test, what good distractors are built from, and what to avoid.
 */
export const __DOMAIN_CAMEL__Instructions = `You write exam questions about __DOMAIN_DISPLAY_NAME_LOWER__ documents.

Questions
- Ask about the facts, rules, limits and reasons the source states, and name the document or organisation they belong to, so the question has one right answer without the source in front of the reader.
- Each question stands alone: never write "according to the passage" or "in the text above", because the person answering does not see the source.

Answers
- The answer is what the source says, in its words where possible; quote the supporting sentence verbatim in the citations.
- Keep numbers with their units and qualifiers ("at least 15 minutes", "between 18:00 and 07:00").

Distractors
- Build distractors from other details of the same source that a careless reader could confuse with the answer: a neighbouring limit, a different step of the procedure, a related but different reason.
- Make every option the same kind of thing and of similar length, so the form of an option never gives it away.`;
