import type { Finding, QualityCheck } from "@domain-eval/core";
import { extractFigures, mentionsCurrency } from "./figures.js";

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const PERIOD = new RegExp(
  [
    String.raw`\b(?:19|20)\d{2}\b`, // 2024, 2024/25
    String.raw`\bFY\s?'?\d{2,4}\b`, // FY2024, FY 24
    String.raw`\b(?:fiscal|financial|calendar)\s+year\b`,
    String.raw`\bQ[1-4]\b`,
    String.raw`\bH[12]\b`,
    String.raw`\b(?:first|second|third|fourth)\s+(?:quarter|half)\b`,
    String.raw`\bhalf[-\s]year\b`,
    String.raw`\b(?:year|period|quarter|months?)\s+(?:ended|ending|to)\b`,
    String.raw`\b(?:as\s+(?:at|of))\b`,
    String.raw`\b(?:${MONTHS})\b`,
    // Japanese and Chinese: 2024年度, 令和6年度, 第2四半期, 上期, 通期, 3月期, 期末; 2024年, 第二季度, 上半年, 财年
    String.raw`\d{1,4}\s?年度?|(?:令和|平成|昭和)\s?(?:\d{1,2}|元)\s?年|第\s?[1-4一二三四]\s?(?:四半期|季度)|[上下]半?期|通期|\d{1,2}\s?月期|期末|年度末|[上下]半年|[财財]年`,
  ].join("|"),
  "iu",
);

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const FOREIGN_IN_JAPANESE = /ドル|ユーロ|ポンド|ウォン|人民元|元|圓|[$€£₩]|\b(?!JPY)[A-Z]{3}\b/u;
const FOREIGN_IN_CHINESE = /美元|[欧歐]元|日[元圓]|[韩韓]元|英[镑鎊]|円|[$€£¥₩]|\b(?!CNY|RMB|TWD|HKD|MOP)[A-Z]{3}\b/u;

/**
 * Japanese and Chinese exams take the reporting currency for granted: 売上高はいくらか → 486億円, 营业收入是多少？→
 * 125.6亿元. An answer in the home currency of the question's language (円 in Japanese; 元, 圓, 人民币 in Chinese) needs
 * no currency named in the question; one in dollars or euros still does.
 */
function inHomeCurrency(question: string, answer: string): boolean {
  const text = answer.normalize("NFKC");
  if (KANA.test(question)) return /円/u.test(text) && !FOREIGN_IN_JAPANESE.test(text);
  if (HAN.test(question)) return /[元圓]|人民[币幣]/u.test(text) && !FOREIGN_IN_CHINESE.test(text);
  return false;
}

/**
 * Finance check: a numeric question must state the period it is about (a year, quarter, "year ended 31 December",
 * "as at"), and a question whose answer is an amount of money must state the currency (a Japanese or Chinese question
 * whose answer is in yen or yuan takes it for granted, as exams in those languages do). Without them the same
 * question has several right answers in a filing that compares periods.
 *
 * @example
 * checkQuestion({ question: "What was revenue?", answer: "€412.6 million", ... }, { extraChecks: [currencyAndPeriodCheck] })
 * // → NUMERIC_QUESTION_MISSING_PERIOD, NUMERIC_QUESTION_MISSING_CURRENCY
 */
export const currencyAndPeriodCheck: QualityCheck = {
  name: "currency-and-period",
  codes: ["NUMERIC_QUESTION_MISSING_PERIOD", "NUMERIC_QUESTION_MISSING_CURRENCY"],
  description:
    "A question with a numeric answer states the period (year, quarter, balance-sheet date); one with a money answer also states the currency.",
  run(question): Finding[] {
    const figures = extractFigures({ text: question.answer }).filter((f) => !f.date);
    if (figures.length === 0) return [];
    const out: Finding[] = [];
    if (!PERIOD.test(question.question)) {
      out.push({
        code: "NUMERIC_QUESTION_MISSING_PERIOD",
        severity: "warning",
        message:
          'the question has a numeric answer but names no period: say which one, e.g. "for the year ended 31 December 2024" or "as at 30 June 2025"',
      });
    }
    const quotes = (question.citations ?? []).join(" ");
    const money = figures.some(
      (f) => f.currency || (!f.percent && !f.multiple && !f.count && mentionsCurrency({ text: quotes })),
    );
    if (
      money &&
      !mentionsCurrency({ text: question.question }) &&
      !inHomeCurrency(question.question, question.answer)
    ) {
      out.push({
        code: "NUMERIC_QUESTION_MISSING_CURRENCY",
        severity: "warning",
        message:
          'the answer is an amount of money but the question names no currency: say it, e.g. "in euros" or "in USD millions"',
      });
    }
    return out;
  },
};
