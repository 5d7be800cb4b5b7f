# @domain-eval/domain-__DOMAIN_ID__

The __DOMAIN_DISPLAY_NAME_LOWER__ domain plugin for [domain-eval](../../../README.md). It tells the question writer and the
reviewers what a good exam question about __DOMAIN_DISPLAY_NAME_LOWER__ documents looks like.

> Scaffolded by `npm run new:domain -- __DOMAIN_ID__`. It already passes the contract suite with example content about
> a fictional cold-room procedure: replace the instructions, few-shot examples, reviewer guidelines, checks and
> samples with your field's (see CONTRIBUTING.md, "Adding a domain").

It adds no checks of its own yet: core's checks run on every domain (form, grounding, a stem that says "according
to the passage", an answer the stem gives away, distractors that are not real options or of another kind; see
`@domain-eval/core`'s README). Add checks for what matters in your field to `checks` in
`src/__DOMAIN_ID__-domain.ts`.

## Install

```sh
npm install @domain-eval/domain-__DOMAIN_ID__ @domain-eval/core
```

Node 20 or later; ES module; `require()` works too on Node 20.19+ / 22.12+.

With the CLI installed, the plugin is found by name: `domain-eval domains` lists it and
`domain-eval generate --domain __DOMAIN_ID__ --docs ./documents --out questions.jsonl` uses it.

## Usage

```ts
import __DOMAIN_CAMEL__Default, {
  __DOMAIN_CAMEL__Domain,
  __DOMAIN_CAMEL__FewShotExamples,
  __DOMAIN_CAMEL__Instructions,
  __DOMAIN_CAMEL__ReviewerGuidelines,
  __DOMAIN_CAMEL__SamplesDir,
} from "@domain-eval/domain-__DOMAIN_ID__";
import { checkQuestion } from "@domain-eval/core";

console.log(__DOMAIN_CAMEL__Default === __DOMAIN_CAMEL__Domain, __DOMAIN_CAMEL__Domain.id); // true "__DOMAIN_ID__"
const findings = checkQuestion(
  {
    question: "According to the passage, how long may staff stay?",
    answer: "30 minutes",
    distractors: ["5 minutes", "15 minutes", "60 minutes"],
    citations: ["Stays are limited to 30 minutes"],
  },
  { extraChecks: __DOMAIN_CAMEL__Domain.checks },
); // → QUESTION_REFERS_TO_SOURCE (a core check)
console.log(__DOMAIN_CAMEL__Instructions, __DOMAIN_CAMEL__FewShotExamples.length, __DOMAIN_CAMEL__ReviewerGuidelines);
console.log(__DOMAIN_CAMEL__SamplesDir); // the bundled sample documents
```

## Test

```sh
npx turbo run test --filter=@domain-eval/domain-__DOMAIN_ID__
# or, inside packages/domains/__DOMAIN_ID__:
npx vitest run
```

The tests run the domain plugin contract suite from `@domain-eval/core/testing`: required fields, reviewer guidelines
that render as markdown, few-shot examples that pass every check against their own source text, and checks that catch
their flawed examples and pass the clean ones.
