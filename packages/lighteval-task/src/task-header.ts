/**
 * The default line before the questions, in the dataset's language: a Japanese model is asked in Japanese. Each
 * entry is the sentence without a subject, and the text before and after the subject when the row has one.
 */
export interface TaskHeader {
  /** The header when the row names no subject. */
  plain: string;
  /** Text before and after the subject: `${about[0]}${subject}${about[1]}`. */
  about: readonly [string, string];
}

const HEADERS: Readonly<Record<string, TaskHeader>> = {
  en: {
    plain: "The following are multiple choice questions (with answers).",
    about: ["The following are multiple choice questions (with answers) about ", "."],
  },
  ja: {
    plain: "以下は多肢選択式の問題（解答付き）です。",
    about: ["以下は", "に関する多肢選択式の問題（解答付き）です。"],
  },
  zh: {
    plain: "以下是单项选择题（附答案）。",
    about: ["以下是关于", "的单项选择题（附答案）。"],
  },
  ko: {
    plain: "다음은 객관식 문제(정답 포함)입니다.",
    about: ["다음은 ", "에 관한 객관식 문제(정답 포함)입니다."],
  },
  de: {
    plain: "Es folgen Multiple-Choice-Fragen (mit Antworten).",
    about: ["Es folgen Multiple-Choice-Fragen (mit Antworten) zum Thema ", "."],
  },
  fr: {
    plain: "Voici des questions à choix multiple (avec les réponses).",
    about: ["Voici des questions à choix multiple (avec les réponses) sur le thème ", "."],
  },
  es: {
    plain: "A continuación hay preguntas de opción múltiple (con sus respuestas).",
    about: ["A continuación hay preguntas de opción múltiple (con sus respuestas) sobre ", "."],
  },
  it: {
    plain: "Seguono domande a scelta multipla (con le risposte).",
    about: ["Seguono domande a scelta multipla (con le risposte) su ", "."],
  },
  pt: {
    plain: "A seguir estão questões de múltipla escolha (com respostas).",
    about: ["A seguir estão questões de múltipla escolha (com respostas) sobre ", "."],
  },
  ar: {
    plain: "فيما يلي أسئلة اختيار من متعدد (مع الإجابات).",
    about: ["فيما يلي أسئلة اختيار من متعدد (مع الإجابات) حول ", "."],
  },
};

/** Language codes with a built-in header; any other language gets the English one (set `instruction` instead). */
export const TASK_HEADER_LANGUAGES: readonly string[] = Object.keys(HEADERS);

/**
 * The default header for a language code (`"ja"`, `"pt-BR"`); English for a language without one.
 *
 * @example
 * taskHeaderFor({ language: "ja" }).plain // "以下は多肢選択式の問題（解答付き）です。"
 */
export function taskHeaderFor(params: { language?: string }): TaskHeader {
  const base = (params.language ?? "en").split("-")[0]?.toLowerCase() ?? "en";
  return HEADERS[base] ?? (HEADERS.en as TaskHeader);
}
