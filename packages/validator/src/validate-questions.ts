import { createHash } from "node:crypto";
import { type Finding, seededShuffle } from "@domain-eval/core";
import type { MemberAnswer, PanelMember } from "./panel-member.js";
import { type JournalAnswer, openValidationJournal, type ValidationJournal } from "./validation-journal.js";
import {
  type PanelItem,
  VALIDATION_PROMPT_VERSION,
  VALIDATION_SETTINGS,
  type ValidationSetting,
} from "./validation-prompts.js";
import {
  buildValidation,
  letterAt,
  type QuestionValidation,
  type ValidationAnswer,
  type ValidationPolicy,
} from "./validation-result.js";

/** What validation reads of a question (a line of questions.jsonl has all of it). */
export interface ValidatableQuestion {
  id: string;
  question: string;
  answer: string;
  distractors: readonly string[];
  /** The passage; without it the open-book settings cannot run (they are recorded with no answers). */
  source_text?: string;
}

/** Caps on a run: it stops starting new calls once one is reached; calls in flight finish. */
export interface ValidationBudget {
  maxCalls?: number;
  maxTokens?: number;
}

/** Progress after each answer. */
export interface ValidationProgress {
  done: number;
  total: number;
  calls: number;
}

/** Parameters of {@link validateQuestions} and {@link estimateValidation}. */
export interface ValidateQuestionsParams {
  questions: readonly ValidatableQuestion[];
  /** One or more members (`createEndpointMember`, `createLocalMember`). */
  panel: readonly PanelMember[];
  /**
   * Option orders per member in the closed-book and options-only settings, and open-book orders in all (the first is
   * the open-book setting, the rest the order swap). The orders are rotations of one shuffled order, so with as many
   * orders as options (the default) the key is shown at every letter once: a member that always picks the same
   * letter is then right exactly at chance and is never flagged.
   */
  orders?: number;
  policy?: ValidationPolicy;
  /** Seed of the shuffled base order (default "validate-1"). */
  seed?: string | number;
  /** JSONL journal: one line per answer, so an interrupted run resumes without asking again. */
  journalPath?: string;
  /** Continue the run recorded in `journalPath`. */
  resume?: boolean;
  budget?: ValidationBudget;
  signal?: AbortSignal;
  onProgress?: (progress: ValidationProgress) => void;
}

/** The outcome for one question; `validation` is null when the run stopped before all its answers were in. */
export interface QuestionValidationResult {
  id: string;
  validation: QuestionValidation | null;
  findings: Finding[];
}

/** Counts of a run. */
export interface ValidationStats {
  questions: number;
  validated: number;
  /** Answers asked in this run (calls). */
  calls: number;
  /** Answers taken from the journal. */
  resumed: number;
  noAnswers: number;
  promptTokens: number;
  completionTokens: number;
  /**
   * This run's tokens per panel member (by name), split into answers asked directly (`sync`) and through batch jobs
   * (`batch`, where providers charge less): what a price table turns into the money spent.
   */
  usageByMember: Record<string, { sync: TokenUsage; batch: TokenUsage }>;
  elapsedMs: number;
  stoppedBy?: "max-calls" | "max-tokens" | "aborted";
}

/** Prompt and completion tokens. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** One answer to ask for: a question in a setting, by a member, in an option order; `key` names it in the journal. */
export interface ValidationTask {
  question: ValidatableQuestion;
  options: string[];
  setting: ValidationSetting;
  member: PanelMember;
  sample: number;
  order: number[];
  key: string;
}

function contentHash(q: ValidatableQuestion): string {
  return createHash("sha256")
    .update(JSON.stringify([q.id, q.question, q.answer, q.distractors, q.source_text ?? null]))
    .digest("hex")
    .slice(0, 16);
}

function checkParams(params: ValidateQuestionsParams): number | undefined {
  if (!params.panel || params.panel.length === 0) {
    throw new TypeError("panel needs at least one member: createEndpointMember(...) or createLocalMember(...)");
  }
  const names = new Set<string>();
  for (const m of params.panel) {
    if (names.has(m.name)) throw new TypeError(`panel member "${m.name}" appears twice: give each a distinct name`);
    names.add(m.name);
  }
  if (params.orders !== undefined && (!Number.isInteger(params.orders) || params.orders < 1)) {
    throw new TypeError(`orders must be a whole number of at least 1, got ${params.orders}`);
  }
  return params.orders;
}

/** Every answer to ask for, in a stable order: question by question, setting by setting, member by member. */
export function planTasks(params: ValidateQuestionsParams): ValidationTask[] {
  const orders = checkParams(params);
  const seed = params.seed ?? VALIDATION_PROMPT_VERSION;
  const tasks: ValidationTask[] = [];
  for (const question of params.questions) {
    const options = [question.answer, ...question.distractors];
    const count = Math.min(orders ?? options.length, options.length);
    const base = seededShuffle({ values: options.map((_, i) => i), seed, key: question.id });
    const rotation = (r: number) => base.map((_, j) => base[(j + r) % base.length] as number);
    const hash = contentHash(question);
    const hasPassage = typeof question.source_text === "string" && question.source_text.trim() !== "";
    for (const setting of VALIDATION_SETTINGS) {
      const samples =
        setting === "open_book"
          ? hasPassage
            ? [0]
            : []
          : setting === "order_swap"
            ? hasPassage
              ? Array.from({ length: count - 1 }, (_, i) => i + 1)
              : []
            : Array.from({ length: count }, (_, i) => i);
      for (const member of params.panel) {
        for (const sample of samples) {
          const order = rotation(sample);
          tasks.push({
            question,
            options,
            setting,
            member,
            sample,
            order,
            key: `${hash}|${setting}|${member.name}|${sample}|${order.join(",")}`,
          });
        }
      }
    }
  }
  return tasks;
}

export function itemFor(task: ValidationTask): PanelItem {
  const shown = task.order.map((i) => task.options[i] as string);
  const { setting, question } = task;
  if (setting === "options_only") return { setting, options: shown };
  if (setting === "closed_book") return { setting, question: question.question, options: shown };
  return { setting, question: question.question, passage: question.source_text, options: shown };
}

function toValidationAnswer(task: ValidationTask, answer: JournalAnswer): ValidationAnswer {
  const probabilities = answer.probabilities
    ? task.order.reduce<number[]>((out, optionIndex, position) => {
        out[optionIndex] = Math.round((answer.probabilities?.[position] ?? 0) * 10000) / 10000;
        return out;
      }, [])
    : null;
  if (answer.choice === null) {
    return {
      model: task.member.name,
      sample: task.sample,
      order: task.order,
      choice: null,
      letter: null,
      correct: null,
      probabilities,
      no_answer: answer.noAnswer ?? "no answer",
    };
  }
  const choice = task.order[answer.choice] as number;
  return {
    model: task.member.name,
    sample: task.sample,
    order: task.order,
    choice,
    letter: letterAt(answer.choice),
    correct: choice === 0,
    probabilities,
    no_answer: null,
  };
}

/** Runs `work` with at most `limit` at once per key. */
function limiter() {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  return async <T>(key: string, limit: number, work: () => Promise<T>): Promise<T> => {
    while ((active.get(key) ?? 0) >= limit) {
      await new Promise<void>((resolve) => waiting.set(key, [...(waiting.get(key) ?? []), resolve]));
    }
    active.set(key, (active.get(key) ?? 0) + 1);
    try {
      return await work();
    } finally {
      active.set(key, (active.get(key) ?? 1) - 1);
      const next = waiting.get(key)?.shift();
      next?.();
    }
  };
}

/** A validation run in progress: the direct path and the batch path share it, so both record and read alike. */
export interface ValidationRun {
  tasks: ValidationTask[];
  /** Tasks with no answer in the journal. */
  pending: ValidationTask[];
  stats: ValidationStats;
  /** Why new calls must not start (a budget reached, aborted), or undefined. */
  stopReason(): ValidationStats["stoppedBy"];
  /** True once the task has an answer (from the journal or this run). */
  isAnswered(task: ValidationTask): boolean;
  /** Records an answer: counted (`via` a batch job or directly, default directly), journaled, reported. */
  record(task: ValidationTask, answer: MemberAnswer, via?: "sync" | "batch"): Promise<void>;
  /** Appends a line of another kind to the journal (the batch path's batch records). */
  appendToJournal(record: Record<string, unknown>): Promise<void>;
  /** Lines of other kinds the journal holds from earlier runs. */
  journalRecords: readonly unknown[];
  /** Asks the members directly (concurrently, each within its own limit) for the tasks' answers. */
  answerDirectly(tasks: readonly ValidationTask[]): Promise<void>;
  /** Closes the journal and builds each question's validation from the answers in. */
  finish(): Promise<{ results: QuestionValidationResult[]; stats: ValidationStats }>;
  /** Closes the journal (after a failure). */
  close(): Promise<void>;
}

/**
 * Starts a validation run: plans the tasks, opens the journal (taking its answers when resuming).
 *
 * @example
 * const run = await startValidationRun({ questions, panel, journalPath, resume: true });
 * await run.answerDirectly(run.pending);
 * const { results } = await run.finish();
 */
export async function startValidationRun(params: ValidateQuestionsParams): Promise<ValidationRun> {
  const started = Date.now();
  const tasks = planTasks(params);
  const journal: ValidationJournal | undefined = params.journalPath
    ? await openValidationJournal({
        path: params.journalPath,
        resume: params.resume ?? false,
        promptVersion: VALIDATION_PROMPT_VERSION,
      })
    : undefined;
  const answers = new Map<string, JournalAnswer>();
  const stats: ValidationStats = {
    questions: params.questions.length,
    validated: 0,
    calls: 0,
    resumed: 0,
    noAnswers: 0,
    promptTokens: 0,
    completionTokens: 0,
    usageByMember: {},
    elapsedMs: 0,
  };
  for (const task of tasks) {
    const earlier = journal?.finished.get(task.key);
    if (earlier) {
      answers.set(task.key, earlier);
      stats.resumed++;
    }
  }
  const budget = params.budget ?? {};
  const stopReason = (): ValidationStats["stoppedBy"] => {
    if (params.signal?.aborted) return "aborted";
    if (budget.maxCalls !== undefined && stats.calls >= budget.maxCalls) return "max-calls";
    if (budget.maxTokens !== undefined && stats.promptTokens + stats.completionTokens >= budget.maxTokens) {
      return "max-tokens";
    }
    return undefined;
  };
  const record = async (task: ValidationTask, answer: MemberAnswer, via: "sync" | "batch" = "sync") => {
    const entry: JournalAnswer = {
      choice: answer.choice,
      probabilities: answer.probabilities,
      noAnswer: answer.noAnswer,
      usage: answer.usage,
    };
    stats.promptTokens += answer.usage.promptTokens;
    stats.completionTokens += answer.usage.completionTokens;
    stats.usageByMember[task.member.name] ??= {
      sync: { promptTokens: 0, completionTokens: 0 },
      batch: { promptTokens: 0, completionTokens: 0 },
    };
    const member = stats.usageByMember[task.member.name] as ValidationStats["usageByMember"][string];
    member[via].promptTokens += answer.usage.promptTokens;
    member[via].completionTokens += answer.usage.completionTokens;
    answers.set(task.key, entry);
    await journal?.append(task.key, entry);
    params.onProgress?.({ done: answers.size, total: tasks.length, calls: stats.calls });
  };
  const answerDirectly = async (todo: readonly ValidationTask[]) => {
    if (todo.length === 0) return;
    const limit = limiter();
    const overall = Math.max(...params.panel.map((m) => m.concurrency));
    let next = 0;
    let failure: unknown;
    const worker = async () => {
      while (next < todo.length && failure === undefined) {
        const reason = stopReason();
        if (reason) {
          stats.stoppedBy = reason;
          return;
        }
        const task = todo[next++] as ValidationTask;
        stats.calls++;
        try {
          const answer = await limit(task.member.name, task.member.concurrency, () =>
            task.member.answer({ item: itemFor(task), signal: params.signal }),
          );
          await record(task, answer);
        } catch (error) {
          if (params.signal?.aborted) {
            stats.stoppedBy = "aborted";
            return;
          }
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, overall) }, worker));
    if (failure !== undefined) throw failure;
  };
  const finish = async () => {
    await journal?.close();
    const panel = params.panel.map((m) => ({ model: m.name, kind: m.kind, scoring: m.scoring }));
    const byQuestion = new Map<string, ValidationTask[]>();
    for (const task of tasks) byQuestion.set(task.question.id, [...(byQuestion.get(task.question.id) ?? []), task]);
    const results = params.questions.map((question): QuestionValidationResult => {
      const own = byQuestion.get(question.id) ?? [];
      if (own.some((t) => !answers.has(t.key))) return { id: question.id, validation: null, findings: [] };
      const grouped = Object.fromEntries(VALIDATION_SETTINGS.map((s) => [s, [] as ValidationAnswer[]])) as Record<
        ValidationSetting,
        ValidationAnswer[]
      >;
      for (const task of own) {
        const answer = toValidationAnswer(task, answers.get(task.key) as JournalAnswer);
        if (answer.choice === null) stats.noAnswers++;
        grouped[task.setting].push(answer);
      }
      stats.validated++;
      const { validation, findings } = buildValidation({
        options: [question.answer, ...question.distractors],
        panel,
        answers: grouped,
        policy: params.policy,
      });
      return { id: question.id, validation, findings };
    });
    stats.elapsedMs = Date.now() - started;
    return { results, stats };
  };
  return {
    tasks,
    pending: tasks.filter((t) => !answers.has(t.key)),
    stats,
    stopReason,
    isAnswered: (task) => answers.has(task.key),
    record,
    appendToJournal: async (line) => {
      await journal?.appendRecord(line);
    },
    journalRecords: journal?.others ?? [],
    answerDirectly,
    finish,
    close: async () => {
      await journal?.close();
    },
  };
}

/**
 * Has a panel of models answer every question in four settings and reports what the answers say about the question:
 * open book (passage, question, options: the panel should pick the key), closed book (no passage), options only (no
 * question), and order swap (open book with the options rotated). Each question gets a `validation` object and
 * findings (`KEY_DISPUTED`, `ANSWERABLE_WITHOUT_SOURCE`, `ANSWERABLE_FROM_OPTIONS`); see `buildValidation` for the
 * rules. Answers are journaled as they arrive, so an interrupted run resumes without asking again.
 *
 * @example
 * const panel = [createEndpointMember({ baseUrl, model: "gpt-4o-mini" }), createLocalMember({ modelFile, threads: 2 })];
 * const { results, stats } = await validateQuestions({ questions, panel, journalPath: "out.journal.jsonl", resume: true });
 * const validated = questions.map((q, i) => results[i]?.validation ? withValidation({ question: q, ...results[i] }) : q);
 */
export async function validateQuestions(
  params: ValidateQuestionsParams,
): Promise<{ results: QuestionValidationResult[]; stats: ValidationStats }> {
  const run = await startValidationRun(params);
  try {
    await run.answerDirectly(run.pending);
  } catch (error) {
    await run.close();
    throw error;
  }
  return run.finish();
}

/** A dry-run estimate per setting. */
export interface ValidationEstimate {
  settings: Record<ValidationSetting, { calls: number; promptTokens: number; completionTokens: number }>;
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

/**
 * What {@link validateQuestions} would spend, without calling any model: the calls of every setting and their prompt
 * tokens as each member counts them (endpoints: the chat prompt; local models: the prompt once plus every option).
 *
 * @example
 * const estimate = await estimateValidation({ questions, panel });
 * console.log(estimate.settings.closed_book.calls, estimate.promptTokens);
 */
export async function estimateValidation(
  params: Pick<ValidateQuestionsParams, "questions" | "panel" | "orders" | "seed">,
): Promise<ValidationEstimate> {
  const tasks = planTasks(params);
  const settings = Object.fromEntries(
    VALIDATION_SETTINGS.map((s) => [s, { calls: 0, promptTokens: 0, completionTokens: 0 }]),
  ) as ValidationEstimate["settings"];
  for (const task of tasks) {
    const entry = settings[task.setting];
    entry.calls++;
    entry.promptTokens += await task.member.estimatePromptTokens(itemFor(task));
    entry.completionTokens += task.member.completionTokensPerAnswer;
  }
  const sum = (k: "calls" | "promptTokens" | "completionTokens") =>
    Object.values(settings).reduce((total, s) => total + s[k], 0);
  return {
    settings,
    calls: sum("calls"),
    promptTokens: sum("promptTokens"),
    completionTokens: sum("completionTokens"),
  };
}
