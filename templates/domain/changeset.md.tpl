---
"@domain-eval/domain-__DOMAIN_ID__": minor
---

New __DOMAIN_DISPLAY_NAME_LOWER__ domain plugin (`--domain __DOMAIN_ID__`): instructions, few-shot examples, reviewer guidelines and quality checks for __DOMAIN_DISPLAY_NAME_LOWER__ exam questions.
