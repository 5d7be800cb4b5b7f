// Checks that read what a question says: whether its quote supports the answer, whether it stands alone, gives the
// answer away, or offers options that are not real answers. They are rules, not models: each fires only on a pattern
// it can recognise in every supported language, and each is a warning (the question is flagged, not dropped).
import type { CheckableQuestion, QualityCheck } from "./check-question.js";
import { ContentHaystack, contentUnits, distinguishingUnits, isYesOrNo, type Unit } from "./content-units.js";
import type { Finding } from "./findings.js";
import { normalizeForComparison, normalizeForQuoteMatch, wordTokens } from "./normalize-text.js";
import { classifyOption, isNegationOption, kindConflict, type OptionKind } from "./option-kinds.js";
import { findPhrase } from "./phrase-lists.js";
import { countLettersAndDigits, isMostlySpacelessScript } from "./text-units.js";

function warning(code: string, message: string, data?: Record<string, unknown>): Finding {
  return data === undefined ? { code, severity: "warning", message } : { code, severity: "warning", message, data };
}

function quoted(text: string, max = 60): string {
  const t = text.trim();
  return `"${t.length > max ? `${t.slice(0, max - 3)}...` : t}"`;
}

function unitText(units: readonly Unit[]): string {
  return units.map((u) => u.value).join(", ");
}

/**
 * `QUOTE_DOES_NOT_SUPPORT_ANSWER`: the quotes share no content word or number with the answer, or they state a
 * distractor's distinguishing words and none of the answer's. A numeric answer quoted next to other figures is left
 * alone: it may be computed from them (a domain check such as finance's `quoted-figure-support` judges that).
 *
 * @example
 * quoteSupportCheck.run({ question: "Which costs fell?", answer: "Wage costs",
 *   distractors: ["Logistics costs", "Rent", "Energy costs"], citations: ["as logistics costs fell"] }, {})
 * // → QUOTE_DOES_NOT_SUPPORT_ANSWER: the quotes state distractor 1 ("Logistics costs") rather than the answer
 */
export const quoteSupportCheck: QualityCheck = {
  name: "quote-support",
  codes: ["QUOTE_DOES_NOT_SUPPORT_ANSWER"],
  description:
    "The quotes share the answer's content words or numbers, and do not state a distractor instead of the answer.",
  run(q) {
    const quotes = (q.citations ?? []).filter((c) => c.trim() !== "");
    if (quotes.length === 0 || q.answer.trim() === "" || isYesOrNo({ text: q.answer })) return [];
    const haystack = new ContentHaystack({ text: quotes.join("\n") });
    const answer = contentUnits({ text: q.answer });
    const answerUnits = [...answer.numbers, ...answer.words];
    if (answerUnits.length === 0) return [];
    const options = [q.answer, ...q.distractors];
    const distinct = distinguishingUnits({ options });
    const answerDistinct = distinct[0] ?? [];
    const numeric = answer.numbers.length > 0;
    // Only for answers in words: a computed figure is rightly absent from its quotes.
    const supportedDistractor = numeric
      ? -1
      : q.distractors.findIndex((d, i) => {
          const units = distinct[i + 1] ?? [];
          return d.trim() !== "" && units.length > 0 && units.every((u) => haystack.has(u));
        });
    const answerSupported = answerDistinct.some((u) => haystack.has(u));
    if (supportedDistractor >= 0 && answerDistinct.length > 0 && !answerSupported) {
      const d = q.distractors[supportedDistractor] as string;
      return [
        warning(
          "QUOTE_DOES_NOT_SUPPORT_ANSWER",
          `the quotes state distractor ${supportedDistractor + 1} (${quoted(d)}) rather than the answer ${quoted(q.answer)}: check the key, or quote the sentence that states the answer`,
          { supports: d },
        ),
      ];
    }
    const shared = answer.numbers.some((n) => haystack.hasNumber(n)) || answer.words.some((w) => haystack.hasWord(w));
    if (shared) return [];
    if (numeric && haystack.units.numbers.length > 0) return [];
    return [
      warning(
        "QUOTE_DOES_NOT_SUPPORT_ANSWER",
        `the quotes share no word or number with the answer ${quoted(q.answer)}: quote the sentence that states the answer, or write the answer in the source's words`,
      ),
    ];
  },
};

/**
 * `QUESTION_REFERS_TO_SOURCE`: the stem points to a text the person answering never sees ("according to the
 * passage", "in the text above", 本文によると, 根据上文, laut Text, selon le texte, según el texto, وفقا للنص, לפי
 * הקטע), from the built-in `refersToSource` phrases of every language and a plugin's `phrases`.
 *
 * @example
 * standaloneQuestionCheck.run({ question: "According to the passage, how long may staff stay?", answer: "30 minutes",
 *   distractors: ["5 minutes", "15 minutes", "60 minutes"] }, {}) // → QUESTION_REFERS_TO_SOURCE
 */
export const standaloneQuestionCheck: QualityCheck = {
  name: "standalone-question",
  codes: ["QUESTION_REFERS_TO_SOURCE"],
  description:
    'The question stands alone: it does not say "according to the passage" (in any supported language), which the reader never sees.',
  run(q, context) {
    const match = findPhrase({
      text: q.question,
      extra: context.phrases,
      kinds: ["refersToSource"],
      position: "anywhere",
    });
    if (!match) return [];
    return [
      warning(
        "QUESTION_REFERS_TO_SOURCE",
        `the question refers to "${match.phrase}", which the person answering does not see: name the document, organisation or rule instead`,
        { phrase: match.phrase, language: match.language },
      ),
    ];
  },
};

/**
 * Where the comparison form of `figure` (a number with its unit: `20日`, `30 days`) occurs in `text` as a whole
 * figure: not inside a longer number (`120日`), not followed by more letters of a word written with spaces (`30
 * daysx`).
 */
function containsFigure(text: string, figure: string): boolean {
  for (let at = text.indexOf(figure); at >= 0; at = text.indexOf(figure, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + figure.length);
    if (/\d(?:[.,]|\s)?$|[.,]$/u.test(before)) continue;
    if (/^\d/u.test(after) || (/[a-z]$/u.test(figure) && /^[\p{L}\p{N}]/u.test(after))) continue;
    return true;
  }
  return false;
}

/**
 * The answer, a figure with its unit or counter (`20日`, `30 days`, `3天`), written in the stem while no distractor
 * is: the stem states it ("…毎年20日を付与する」とされている。…何日か").
 */
function figureGivenAway(q: CheckableQuestion): boolean {
  const answer = normalizeForComparison(q.answer);
  if (!/\d/u.test(answer) || !/\p{L}/u.test(answer)) return false;
  const stem = normalizeForComparison(q.question);
  if (!containsFigure(stem, answer)) return false;
  return !q.distractors.some((d) => {
    const form = normalizeForComparison(d);
    return form !== "" && containsFigure(stem, form);
  });
}

/**
 * `STEM_GIVES_AWAY_ANSWER`: every word and number that sets the answer apart from the distractors is in the question,
 * and nothing that sets a distractor apart is. Words all options share ("30 Arbeitstage" among "24 Arbeitstage") do
 * not count, and an answer set apart by numbers alone is left alone (stems state other figures), unless the stem
 * writes the answer whole, its figure with its unit or counter (`20日`), and no distractor.
 *
 * @example
 * answerGiveawayCheck.run({ question: "Which costs fell as logistics improved?", answer: "Logistics costs",
 *   distractors: ["Wage costs", "Rent costs", "Energy costs"] }, {}) // → STEM_GIVES_AWAY_ANSWER
 */
export const answerGiveawayCheck: QualityCheck = {
  name: "answer-giveaway",
  codes: ["STEM_GIVES_AWAY_ANSWER"],
  description:
    "The question does not contain the words or numbers that set the answer apart from the distractors, which would give it away.",
  run(q) {
    if (q.question.trim() === "" || q.answer.trim() === "" || isYesOrNo({ text: q.answer })) return [];
    if (figureGivenAway(q)) {
      return [
        warning(
          "STEM_GIVES_AWAY_ANSWER",
          `the question states the answer ${quoted(q.answer)} itself: reword the question so it does not name the answer`,
          { words: [q.answer] },
        ),
      ];
    }
    const distinct = distinguishingUnits({ options: [q.answer, ...q.distractors] });
    const answerDistinct = distinct[0] ?? [];
    if (answerDistinct.length === 0) return [];
    // A stem states other figures (a section, a year, a threshold): a number alone is chance, not a giveaway; so is
    // one kanji or kana in common.
    const words = answerDistinct.filter((u) => u.kind === "word").map((u) => u.value);
    if (countLettersAndDigits({ text: words.join("") }) < 2) return [];
    const stem = new ContentHaystack({ text: q.question });
    if (!answerDistinct.every((u) => stem.has(u))) return [];
    // A distractor's own words (not the answer's) in the stem: the stem points at it as much as at the answer.
    const answer = new ContentHaystack({ text: q.answer });
    if (distinct.slice(1).some((units) => units.some((u) => !answer.has(u) && stem.has(u)))) return [];
    return [
      warning(
        "STEM_GIVES_AWAY_ANSWER",
        `the question contains ${unitText(answerDistinct)}, which only the answer ${quoted(q.answer)} repeats: reword the question so it does not name the answer`,
        { words: answerDistinct.map((u) => u.value) },
      ),
    ];
  },
};

// Words that cannot end a phrase an exam writer means as an option: it stops mid-sentence ("... proposed a").
const DANGLING_END = new Set(
  (
    "the a an of to for from by with and or but as than that which whose was were is are be has have had will would shall " +
    "should can could may might must its their his her our your this these those " +
    "der die das den dem des ein eine einen einem einer und oder zu von mit für auf als dass ist sind war wird hat " +
    "le la les un une des du de et ou à au aux par pour avec que qui est sont ont " +
    "el los las una del y o al en por para con que es son ha " +
    "の が を に へ と で や も は から より など 的 了 和 与 與 及 或 在 是 对 對 将 將 把 被 从 從 为 為"
  ).split(" "),
);
// Words that cannot start one: it begins mid-sentence ("as logistics costs fell").
const DANGLING_START = new Set(
  (
    "and or but as because while whereas which that whose so than " +
    "und oder aber sowie dass weil während sondern et ou mais car donc que qui dont y pero porque sino " +
    "が を に は で と の も や 的 了 和 而 但 并 並"
  ).split(" "),
);
// A sentence ends inside the option: a word of 3+ lower-case letters (or a figure, or a bracket), ". " and a capital;
// or 。！？ then more text. Abbreviations ("Mr. Smith", "Art. 5 GDPR", "approx. 5") and decimals are not ends.
const INNER_SENTENCE_END = /(?:(?<=\p{Ll}{3})|(?<=[\p{N})%]))[.!?]\s+(?=\p{Lu})|[。！？](?=\S)/u;

function fragmentSigns(text: string): string[] {
  const tokens = wordTokens(text);
  const signs: string[] = [];
  const first = tokens[0];
  const last = tokens.at(-1);
  if (first !== undefined && DANGLING_START.has(first)) signs.push(`starts with "${first}"`);
  if (last !== undefined && DANGLING_END.has(last)) signs.push(`ends with "${last}"`);
  if (INNER_SENTENCE_END.test(text.trim())) signs.push("runs over a sentence end");
  return signs;
}

function longEnoughForFragment(text: string): boolean {
  return isMostlySpacelessScript({ text }) ? countLettersAndDigits({ text }) >= 6 : wordTokens(text).length >= 3;
}

// Adjacent word pairs of b that a has in the same order, as a share of b's pairs.
function keptPairs(a: readonly string[], b: readonly string[]): number {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < a.length; i++) pairs.add(`${a[i]}\u0000${a[i + 1]}`);
  let kept = 0;
  for (let i = 0; i + 1 < b.length; i++) if (pairs.has(`${b[i]}\u0000${b[i + 1]}`)) kept++;
  return b.length < 2 ? 1 : kept / (b.length - 1);
}

function sameWordsShuffled(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 4 || a.length !== b.length) return false;
  if ([...a].sort().join("\u0000") !== [...b].sort().join("\u0000")) return false;
  // Figures swapped between the same words ("between 18:00 and 07:00") are a fair distractor.
  const mask = (words: readonly string[]) => words.map((w) => (/\d/u.test(w) ? "#" : w)).join(" ");
  if (mask(a) === mask(b)) return false;
  // Two parts swapped ("the employee pays the employer") keep most pairs; a shuffle keeps few.
  return keptPairs(a, b) < 0.5;
}

/**
 * `DISTRACTOR_SHUFFLED_WORDS`, `DISTRACTOR_SOURCE_FRAGMENT`, `DISTRACTOR_NOT_AN_ANSWER`: distractors that are not
 * real options. A shuffle of another option's words (4+ words, most word pairs broken: not a swap of two parts or of
 * figures); a verbatim span of the source that starts or ends mid-sentence or runs over a sentence end while the
 * answer does not; a question, or a restatement of the question's own words, offered as an answer.
 *
 * @example
 * distractorFormCheck.run({ question: "Which costs fell?", answer: "Logistics costs",
 *   distractors: ["as logistics costs fell", "Wage costs", "Rent"], source_text: "Margin improved as logistics costs fell." }, {})
 * // → DISTRACTOR_SOURCE_FRAGMENT
 */
export const distractorFormCheck: QualityCheck = {
  name: "distractor-form",
  codes: ["DISTRACTOR_SHUFFLED_WORDS", "DISTRACTOR_SOURCE_FRAGMENT", "DISTRACTOR_NOT_AN_ANSWER"],
  description:
    "Distractors read as answers: not a shuffle of another option's words, not a sentence fragment copied from the source, not a question or the question's own words.",
  run(q, context) {
    const out: Finding[] = [];
    const options = [q.answer, ...q.distractors];
    const tokens = options.map((o) => wordTokens(o));
    const source = context.sourceText ?? q.source_text;
    const haystack = source === undefined ? undefined : normalizeForQuoteMatch(source);
    const answerSigns = new Set(fragmentSigns(q.answer).map((s) => s.replace(/".*"/u, "")));
    const answerIsQuestion = /[?？؟]\s*$/u.test(q.answer);
    const stem = new ContentHaystack({ text: q.question });
    const answerUnits = contentUnits({ text: q.answer });
    const answerInStem =
      answerUnits.words.length + answerUnits.numbers.length > 0 &&
      answerUnits.words.every((w) => stem.hasWord(w)) &&
      answerUnits.numbers.every((x) => stem.hasNumber(x));
    q.distractors.forEach((d, index) => {
      const n = index + 1;
      if (d.trim() === "") return;
      const own = tokens[n] as string[];
      const shuffledOf = options.findIndex((_, j) => j !== n && sameWordsShuffled(tokens[j] as string[], own));
      if (shuffledOf >= 0) {
        const of = shuffledOf === 0 ? "the answer" : `distractor ${shuffledOf}`;
        out.push(
          warning(
            "DISTRACTOR_SHUFFLED_WORDS",
            `distractor ${n} ${quoted(d)} is the words of ${of} in a shuffled order: write a plausible wrong answer instead`,
          ),
        );
        return;
      }
      if (haystack !== undefined && longEnoughForFragment(d) && haystack.includes(normalizeForQuoteMatch(d))) {
        const signs = fragmentSigns(d).filter((s) => !answerSigns.has(s.replace(/".*"/u, "")));
        if (signs.length > 0) {
          out.push(
            warning(
              "DISTRACTOR_SOURCE_FRAGMENT",
              `distractor ${n} ${quoted(d)} is a piece of a source sentence (${signs.join(", ")}), not an answer: write a complete wrong answer of the same form as the answer`,
            ),
          );
          return;
        }
      }
      if (!answerIsQuestion && /[?？؟]\s*$/u.test(d)) {
        out.push(
          warning(
            "DISTRACTOR_NOT_AN_ANSWER",
            `distractor ${n} ${quoted(d)} is a question, not an answer: write a wrong answer to the question`,
          ),
        );
        return;
      }
      const units = contentUnits({ text: d });
      if (
        units.words.length + units.numbers.length >= 3 &&
        units.words.every((w) => stem.hasWord(w)) &&
        units.numbers.every((x) => stem.hasNumber(x)) &&
        !answerInStem
      ) {
        out.push(
          warning(
            "DISTRACTOR_NOT_AN_ANSWER",
            `distractor ${n} ${quoted(d)} only repeats the question's words: write a wrong answer to the question`,
          ),
        );
      }
    });
    return out;
  },
};

const KIND_NAMES: Record<OptionKind, string> = {
  percentage: "a percentage",
  amount: "an amount of money",
  date: "a date",
  year: "a year",
  duration: "a duration",
  number: "a number",
  text: "words without a figure",
  mixed: "a phrase",
};

/**
 * `OPTION_KIND_MISMATCH`: a distractor is another kind of thing than the answer: a figure (number, amount,
 * percentage, date, duration) against words, or two kinds of figure (a percentage against an amount, a date against a
 * duration). An option that denies a figure ("None", "No limit") fits any figure question. Whether a name is a person
 * or a place is beyond rules: that is left to the validation step and reviewers.
 *
 * @example
 * optionKindCheck.run({ question: "What was net revenue in fiscal 2023?", answer: "EUR 412 million",
 *   distractors: ["EUR 381 million", "Logistics costs", "EUR 398 million"] }, {}) // → OPTION_KIND_MISMATCH
 */
export const optionKindCheck: QualityCheck = {
  name: "option-kind",
  codes: ["OPTION_KIND_MISMATCH"],
  description:
    "All options are the same kind of thing: all figures of one kind (amounts, percentages, dates, durations) or all words.",
  run(q: CheckableQuestion) {
    if (q.answer.trim() === "") return [];
    const answerKind = classifyOption({ text: q.answer });
    if (answerKind === "mixed" || isNegationOption({ text: q.answer })) return [];
    const odd = q.distractors
      .map((d, i) => ({ d, n: i + 1, kind: classifyOption({ text: d }) }))
      .filter(
        ({ d, kind }) =>
          d.trim() !== "" &&
          normalizeForComparison(d) !== "" &&
          !isNegationOption({ text: d }) &&
          kindConflict({ a: answerKind, b: kind }) !== undefined,
      );
    if (odd.length === 0) return [];
    const list = odd.map(({ d, n, kind }) => `distractor ${n} ${quoted(d, 40)} is ${KIND_NAMES[kind]}`).join("; ");
    return [
      warning(
        "OPTION_KIND_MISMATCH",
        `${list}, but the answer ${quoted(q.answer, 40)} is ${KIND_NAMES[answerKind]}: make every option the same kind of thing, so the odd one out does not give the answer away`,
        { answerKind, distractorKinds: odd.map(({ kind }) => kind) },
      ),
    ];
  },
};

/** The content checks, in the order they run after the built-in form and grounding checks. */
export const QUESTION_CONTENT_CHECKS: readonly QualityCheck[] = Object.freeze([
  standaloneQuestionCheck,
  answerGiveawayCheck,
  quoteSupportCheck,
  distractorFormCheck,
  optionKindCheck,
]);
