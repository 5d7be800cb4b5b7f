import type { FewShotExample } from "@domain-eval/core";

/**
 * Worked examples for the legal question writer, drawn from a fictional statute. Each passes the core checks and the
 * legal checks against its own `source_text`; the contract suite verifies that.
 */
export const legalFewShotExamples: FewShotExample[] = [
  {
    source_text:
      "Section 21 — Notice to end a periodic tenancy. (1) A landlord who wishes to end a periodic tenancy must give the tenant at least 90 days' written notice. (2) A tenant who wishes to end a periodic tenancy must give the landlord at least 30 days' written notice. Section 22(2): The landlord must give the tenant at least 60 days' written notice of the increase.",
    question:
      "Under section 21(2) of the Residential Tenancies Act 2022 of the Republic of Varnia, how much written notice must a tenant give to end a periodic tenancy?",
    answer: "At least 30 days' notice",
    distractors: ["At least 90 days' notice", "At least 60 days' notice", "At least 21 days' notice"],
    citations: [
      "A tenant who wishes to end a periodic tenancy must give the landlord at least 30 days' written notice.",
    ],
    explanation:
      "90 days is the landlord's notice under section 21(1); 60 days is the notice of a rent increase under section 22(2); 21 days is the deadline for returning a deposit under section 13(2). Each comes from an adjacent provision.",
  },
  {
    source_text:
      "Section 12 — Limits on deposits. (1) A landlord may not require a tenancy deposit of more than two months' rent. (2) A landlord may require a holding deposit of not more than one week's rent to reserve a dwelling while references are checked.",
    question:
      "Under section 12(1) of the Residential Tenancies Act 2022 of the Republic of Varnia, what is the largest tenancy deposit a landlord may require?",
    answer: "Two months' rent",
    distractors: ["One week's rent", "Three months' rent", "One month's rent"],
    citations: ["A landlord may not require a tenancy deposit of more than two months' rent."],
    explanation:
      "One week's rent is the cap on a holding deposit in section 12(2), an adjacent provision; three months' and one month's rent are common caps elsewhere that this Act does not use.",
  },
  {
    source_text:
      "Article 7 — Right of withdrawal. A consumer who concludes a distance contract for digital services may withdraw from it without giving any reason within 14 days of the day on which the contract was concluded. Article 9 — Refunds. The trader must reimburse all payments received from the consumer without undue delay and in any event not later than 14 days from the day on which the trader is informed of the withdrawal.",
    question:
      "Under Article 7 of the Consumer Digital Services Code of the Republic of Varnia, from when does the 14-day withdrawal period for a distance contract for digital services run?",
    answer: "From the day the contract was concluded",
    distractors: [
      "From the day supply of the service began",
      "From the day the trader is informed",
      "From the day the first payment is made",
    ],
    citations: ["within 14 days of the day on which the contract was concluded"],
    explanation:
      "The day the trader is informed of the withdrawal starts the refund deadline in Article 9, not the withdrawal period; the start of supply and the first payment are plausible but not what Article 7 says.",
  },
];
