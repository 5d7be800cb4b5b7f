import { choiceLetter, costOf, type Finding, normalizeForComparison, scoreGrounding } from "@domain-eval/core";
import { ReportError } from "./report-error.js";
import type { EvaluationResultsInput, QualityReportInput, RunSummaryInput, TokenPrices } from "./report-input.js";

export const DEFAULT_SCATTER_POINTS = 1500;
export const DEFAULT_TABLE_ROWS = 200;
/** Chunk positions past this are counted together, so the chart stays readable for long documents. */
export const MAX_CHUNK_POSITIONS = 30;
/** Codes the validator adds (see the agreed validation format). */
export const VALIDATION_CODES = ["KEY_DISPUTED", "ANSWERABLE_WITHOUT_SOURCE", "ANSWERABLE_FROM_OPTIONS"] as const;
export const VALIDATION_SETTINGS = ["open_book", "closed_book", "options_only", "order_swap"] as const;
const QUESTION_TEXT_LIMIT = 240;

/** A capped list: the first `rows`, and how many there were in all. */
export interface Capped<T> {
  rows: T[];
  total: number;
}

export interface FlaggedQuestion {
  id: string;
  question: string;
  status: "kept" | "dropped";
  findings: Pick<Finding, "code" | "severity" | "message">[];
  document: string;
}

/** Aggregates of a run, bounded in size whatever the number of questions. */
export interface ReportData {
  title: string;
  generatedAt: string;
  sources: QualityReportInput["sources"];
  glance: {
    documents: { value: number; basis: "summary" | "corpus" | "questions" };
    chunks: { value: number; basis: "summary" | "corpus" | "questions" };
    kept: number;
    flagged: number;
    dropped: number;
    droppedBasis: "dropped-file" | "summary" | "none";
    /** Of `dropped`: the questions the checks kept and the validation dropped, and by which finding. */
    validationDropped: number;
    validationDroppedByCode: Record<string, number>;
    flaggedByCode: Record<string, number>;
    droppedByCode: Record<string, number>;
    models: { name: string; questions: number }[];
    promptVersions: { name: string; questions: number }[];
    summary?: RunSummaryInput;
    /** What the generation cost at the given prices. */
    cost?: { amount: number; currency: string };
    /** What the validation's answers cost (the run summary's `validation.spend`). */
    validationCost?: { amount: number; currency: string };
    prices?: TokenPrices;
  };
  options: {
    /** Questions by their number of options. */
    optionCounts: Record<string, number>;
    answerLongest: number;
    answerShortest: number;
    /** Sum over questions of 1/options: the expected number of "answer is the longest" by chance. */
    expectedLongest: number;
    sample: { answer: number; distractors: number; longest: boolean }[];
    sampled: boolean;
  };
  /** Questions per answer letter in the dataset, with the count a uniform spread would give. */
  positions?: { letter: string; count: number; expected: number }[];
  grounding: { bins: { bin: string; count: number }[]; scored: number; unscored: number; mean: number | null };
  coverage: {
    documents: { id: string; label: string; kept: number; dropped: number; chunks: number; chunksAsked: number }[];
    positions: { position: string; questions: number; chunks: number; chunksAsked: number }[];
    corpusKnown: boolean;
    documentsWithoutQuestions: Capped<string>;
    chunksWithoutQuestions: number | null;
  };
  review?: {
    rows: number;
    status: Record<string, number>;
    reviewers: Record<string, number>;
    agreement: { bin: string; count: number }[];
    changed: Capped<{ id: string; question: string; generated: string; published: string }>;
    unmatched: number;
  };
  validation?: {
    questions: number;
    settings: { setting: string; mean: number; questions: number; chance: number | null }[];
    positionSensitive: number;
    byCode: Record<string, number>;
    flagged: Capped<{ id: string; question: string; codes: string[]; rates: Record<string, number | null> }>;
  };
  evaluation?: {
    createdAt?: string;
    dataset?: EvaluationResultsInput["dataset"];
    models: {
      name: string;
      backend?: string;
      status: string;
      error?: string | null;
      acc: number | null;
      accStderr: number | null;
      accNorm: number | null;
    }[];
    positionAccuracy: { model: string; letter: string; accuracy: number }[];
    scatter: { id: string; label: string; difficulty: number; discrimination: number }[];
    scatterTotal: number;
    withoutDiscrimination: number;
    flags: Record<string, number>;
    flagged: Capped<{ id: string; question: string; flags: string[]; difficulty: number | null }>;
  };
  flagged: Capped<FlaggedQuestion>;
  argillaDatasetUrl?: string;
  limits: { scatterPoints: number; tableRows: number };
}

/** Deterministic reservoir sampling, so the same inputs make the same report. */
class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;
  private state = 0x9e3779b9;
  constructor(private readonly size: number) {}
  add(item: T): void {
    this.seen++;
    if (this.items.length < this.size) {
      this.items.push(item);
      return;
    }
    this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
    const j = this.state % this.seen;
    if (j < this.size) this.items[j] = item;
  }
}

class CappedList<T> {
  readonly rows: T[] = [];
  total = 0;
  constructor(private readonly cap: number) {}
  add(row: T): void {
    this.total++;
    if (this.rows.length < this.cap) this.rows.push(row);
  }
  done(): Capped<T> {
    return { rows: this.rows, total: this.total };
  }
}

function truncate(text: string, limit = QUESTION_TEXT_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function asFindings(value: unknown): Finding[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f) => {
    const r = asRecord(f);
    if (!r || typeof r.code !== "string") return [];
    const severity = r.severity === "error" || r.severity === "warning" ? r.severity : "info";
    return [{ code: r.code, severity, message: asString(r.message) ?? "", data: asRecord(r.data) }];
  });
}

/** The codes that decided a drop: errors, else warnings, else everything (as generate counts them). */
function decidingCodes(findings: readonly Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const deciding = errors.length > 0 ? errors : warnings.length > 0 ? warnings : findings;
  return [...new Set(deciding.map((f) => f.code))];
}

function increment(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

function documentLabel(path: string | undefined, id: string): string {
  if (!path) return id.slice(0, 16);
  const parts = path.split(/[\\/]/u);
  return parts[parts.length - 1] || path;
}

const SCORE_BINS = 10;
function scoreBin(score: number): number {
  return Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(score * SCORE_BINS)));
}
function scoreBinLabels(): string[] {
  // each bin is [start, start + 0.1); the label is its start, so ten labels fit under a 380-pixel chart
  return Array.from({ length: SCORE_BINS }, (_, i) => (i / SCORE_BINS).toFixed(1));
}

interface DocumentStats {
  path?: string;
  kept: number;
  dropped: number;
  /** chunk id → start offset and questions kept from it. */
  chunks: Map<string, { start: number; kept: number; dropped: number; inCorpus: boolean }>;
  inCorpus: boolean;
}

function groundingScore(question: Record<string, unknown>, findings: readonly Finding[]): number | undefined {
  const sourceText = asString(question.source_text);
  const answer = asString(question.answer);
  const citations = Array.isArray(question.citations) ? question.citations.filter((c) => typeof c === "string") : [];
  if (sourceText !== undefined && answer !== undefined)
    return scoreGrounding({ question: { answer, citations }, sourceText }).score;
  const recorded = findings.find((f) => f.code === "GROUNDING_SCORE")?.data?.score;
  return typeof recorded === "number" && Number.isFinite(recorded) ? recorded : undefined;
}

function validationRate(setting: unknown): number | null {
  const rate = asRecord(setting)?.rate;
  return typeof rate === "number" && Number.isFinite(rate) ? rate : null;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * Reads every input once and keeps only aggregates, capped tables and sampled scatter points, so the report of a
 * 100,000-question run is as small as that of a 1,000-question one.
 */
export async function collectReportData(input: QualityReportInput): Promise<ReportData> {
  const limits = {
    scatterPoints: input.limits?.scatterPoints ?? DEFAULT_SCATTER_POINTS,
    tableRows: input.limits?.tableRows ?? DEFAULT_TABLE_ROWS,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new ReportError({
        code: "BAD_OPTION",
        message: `limits.${name} must be a whole number of at least 1, got ${value}`,
      });
    }
  }
  if (input.argillaDatasetUrl !== undefined && !/^https?:\/\//iu.test(input.argillaDatasetUrl)) {
    throw new ReportError({
      code: "BAD_OPTION",
      message: `argillaDatasetUrl must start with http:// or https://, got "${input.argillaDatasetUrl}": pass the dataset URL annotate printed`,
    });
  }

  const documents = new Map<string, DocumentStats>();
  const docStats = (id: string, path: string | undefined): DocumentStats => {
    let d = documents.get(id);
    if (!d) {
      d = { path, kept: 0, dropped: 0, chunks: new Map(), inCorpus: false };
      documents.set(id, d);
    }
    if (!d.path && path) d.path = path;
    return d;
  };
  let corpusKnown = false;
  if (input.corpus) {
    for await (const chunk of input.corpus) {
      corpusKnown = true;
      const d = docStats(chunk.document_id, chunk.document_path);
      d.inCorpus = true;
      d.chunks.set(chunk.chunk_id, { start: chunk.start, kept: 0, dropped: 0, inCorpus: true });
    }
  }
  const countSource = (source: Record<string, unknown> | undefined, field: "kept" | "dropped"): string => {
    const documentId = asString(source?.document_id);
    if (!documentId) return "";
    const d = docStats(documentId, asString(source?.document_path));
    d[field]++;
    const chunkId = asString(source?.chunk_id);
    if (chunkId) {
      let c = d.chunks.get(chunkId);
      if (!c) {
        c = { start: finiteOrNull(source?.start) ?? d.chunks.size, kept: 0, dropped: 0, inCorpus: false };
        d.chunks.set(chunkId, c);
      }
      c[field]++;
    }
    return documentLabel(d.path, documentId);
  };

  const questionText = new Map<string, { question: string; answer: string }>();
  const flagged = new CappedList<FlaggedQuestion>(limits.tableRows);
  /**
   * Reads a file of dropped questions (by the checks or by the validation) into the flagged list, each document
   * counted; `questionOf` finds the question in a line (its findings are the line's). The count and deciding codes.
   */
  const takeDropped = async (
    lines: QualityReportInput["dropped"],
    questionOf: (line: Record<string, unknown> | undefined) => Record<string, unknown> | undefined,
  ): Promise<{ count: number; byCode: Record<string, number> }> => {
    const byCode: Record<string, number> = {};
    let count = 0;
    for await (const value of lines ?? []) {
      const line = asRecord(value);
      const q = questionOf(line);
      const findings = asFindings(line?.findings);
      count++;
      for (const code of decidingCodes(findings)) increment(byCode, code);
      flagged.add({
        id: asString(q?.id) ?? `(dropped ${count})`,
        question: truncate(asString(q?.question) ?? ""),
        status: "dropped",
        findings: findings
          .filter((f) => f.severity !== "info")
          .map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
        document: countSource(asRecord(q?.source), "dropped"),
      });
    }
    return { count, byCode };
  };
  const flaggedByCode: Record<string, number> = {};
  const models = new Map<string, number>();
  const promptVersions = new Map<string, number>();
  const optionCounts: Record<string, number> = {};
  const lengthSample = new Reservoir<{ answer: number; distractors: number; longest: boolean }>(limits.scatterPoints);
  let answerLongest = 0;
  let answerShortest = 0;
  let expectedLongest = 0;
  const groundingBins = new Array<number>(SCORE_BINS).fill(0);
  let groundingSum = 0;
  let groundingScored = 0;
  let groundingUnscored = 0;
  let kept = 0;
  let flaggedCount = 0;
  const validationSums = new Map<string, { sum: number; n: number; chanceSum: number; chanceN: number }>();
  let validated = 0;
  let positionSensitive = 0;
  const validationByCode: Record<string, number> = {};
  const validationFlagged = new CappedList<{
    id: string;
    question: string;
    codes: string[];
    rates: Record<string, number | null>;
  }>(limits.tableRows);

  let lineNumber = 0;
  for await (const value of input.questions) {
    lineNumber++;
    const q = asRecord(value);
    const id = asString(q?.id);
    const text = asString(q?.question);
    const answer = asString(q?.answer);
    if (!q || !id || text === undefined || answer === undefined || !Array.isArray(q.distractors)) {
      throw new ReportError({
        code: "QUESTIONS_UNREADABLE",
        message: `question ${lineNumber} has no id, question, answer or distractors: pass a questions.jsonl written by domain-eval generate`,
      });
    }
    kept++;
    const distractors = q.distractors.filter((d): d is string => typeof d === "string");
    questionText.set(id, { question: truncate(text), answer });
    const findings = asFindings(q.findings);
    const source = asRecord(q.source);
    const document = countSource(source, "kept");
    const model = asString(q.generator_model) ?? "(unknown)";
    models.set(model, (models.get(model) ?? 0) + 1);
    const promptVersion = asString(q.prompt_version) ?? "(unknown)";
    promptVersions.set(promptVersion, (promptVersions.get(promptVersion) ?? 0) + 1);

    const serious = findings.filter((f) => f.severity !== "info");
    if (serious.length > 0) {
      flaggedCount++;
      for (const code of new Set(serious.map((f) => f.code))) increment(flaggedByCode, code);
      flagged.add({
        id,
        question: truncate(text),
        status: "kept",
        findings: serious.map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
        document,
      });
    }

    // option lengths
    const optionCount = distractors.length + 1;
    increment(optionCounts, String(optionCount));
    if (distractors.length > 0) {
      const lengths = distractors.map((d) => d.length);
      const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
      const longest = answer.length > Math.max(...lengths);
      if (longest) answerLongest++;
      if (answer.length < Math.min(...lengths)) answerShortest++;
      expectedLongest += 1 / optionCount;
      lengthSample.add({ answer: answer.length, distractors: Math.round(mean * 10) / 10, longest });
    }

    const score = groundingScore(q, findings);
    if (score === undefined) groundingUnscored++;
    else {
      groundingScored++;
      groundingSum += score;
      groundingBins[scoreBin(score)] = (groundingBins[scoreBin(score)] ?? 0) + 1;
    }

    const validation = asRecord(q.validation);
    const settings = asRecord(validation?.settings);
    if (settings) {
      validated++;
      const rates: Record<string, number | null> = {};
      for (const name of VALIDATION_SETTINGS) {
        const setting = asRecord(settings[name]);
        const rate = validationRate(setting);
        rates[name] = rate;
        if (rate === null) continue;
        const s = validationSums.get(name) ?? { sum: 0, n: 0, chanceSum: 0, chanceN: 0 };
        s.sum += rate;
        s.n++;
        const chance = finiteOrNull(setting?.chance);
        if (chance !== null) {
          s.chanceSum += chance;
          s.chanceN++;
        }
        validationSums.set(name, s);
      }
      if (asRecord(settings.order_swap)?.position_sensitive === true) positionSensitive++;
      const codes = [...new Set(findings.map((f) => f.code))].filter((c) =>
        (VALIDATION_CODES as readonly string[]).includes(c),
      );
      for (const code of codes) increment(validationByCode, code);
      if (codes.length > 0) validationFlagged.add({ id, question: truncate(text), codes, rates });
    }
  }
  // dropped by the checks: each line holds the question and the findings that dropped it
  const byChecks = await takeDropped(input.dropped, (line) => asRecord(line?.question));
  let dropped = byChecks.count;
  const droppedByCode = byChecks.byCode;
  // kept by the checks, dropped by the validation (KEY_DISPUTED, …): each line is the question, its findings inside
  const byValidation = await takeDropped(input.validationDropped, (line) => line);
  const validationDropped = byValidation.count;
  const validationDroppedByCode = byValidation.byCode;
  // A run whose questions were all dropped still has a report: it shows why.
  if (kept === 0 && lineNumber === 0 && dropped === 0 && validationDropped === 0) {
    throw new ReportError({
      code: "QUESTIONS_UNREADABLE",
      message: "the questions file holds no questions: generate some with domain-eval generate",
    });
  }
  const summary = input.runSummary;
  let droppedBasis: ReportData["glance"]["droppedBasis"] = input.dropped ? "dropped-file" : "none";
  if (!input.dropped && summary?.stats?.questionsDropped !== undefined) {
    dropped = summary.stats.questionsDropped;
    Object.assign(droppedByCode, summary.stats.dropReasons ?? {});
    droppedBasis = "summary";
  }
  if (validationDropped > 0) {
    dropped += validationDropped;
    for (const [code, n] of Object.entries(validationDroppedByCode)) increment(droppedByCode, code, n);
    if (droppedBasis === "none") droppedBasis = "dropped-file";
  }

  // coverage
  const docRows = [...documents.entries()].map(([id, d]) => {
    const chunks = [...d.chunks.values()];
    return {
      id,
      label: documentLabel(d.path, id),
      kept: d.kept,
      dropped: d.dropped,
      chunks: chunks.length,
      chunksAsked: chunks.filter((c) => c.kept > 0).length,
    };
  });
  const withoutQuestions = new CappedList<string>(limits.tableRows);
  for (const d of docRows) if (d.kept === 0) withoutQuestions.add(d.label);
  const positionRows = new Map<number, { questions: number; chunks: number; chunksAsked: number }>();
  for (const d of documents.values()) {
    const ordered = [...d.chunks.values()].sort((a, b) => a.start - b.start);
    ordered.forEach((c, index) => {
      const p = Math.min(index, MAX_CHUNK_POSITIONS);
      const row = positionRows.get(p) ?? { questions: 0, chunks: 0, chunksAsked: 0 };
      row.questions += c.kept;
      row.chunks++;
      if (c.kept > 0) row.chunksAsked++;
      positionRows.set(p, row);
    });
  }
  const positions = [...positionRows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([p, row]) => ({ position: p === MAX_CHUNK_POSITIONS ? `${p + 1}+` : String(p + 1), ...row }));
  const totalChunks = docRows.reduce((n, d) => n + d.chunks, 0);
  const askedChunks = docRows.reduce((n, d) => n + d.chunksAsked, 0);

  const glanceDocuments =
    summary?.documents !== undefined
      ? { value: summary.documents, basis: "summary" as const }
      : { value: documents.size, basis: corpusKnown ? ("corpus" as const) : ("questions" as const) };
  const glanceChunks =
    summary?.chunks !== undefined
      ? { value: summary.chunks, basis: "summary" as const }
      : { value: totalChunks, basis: corpusKnown ? ("corpus" as const) : ("questions" as const) };
  let cost: ReportData["glance"]["cost"];
  const stats = summary?.stats;
  if (input.prices && stats?.promptTokens !== undefined && stats.completionTokens !== undefined) {
    cost = costOf({
      prices: input.prices,
      promptTokens: stats.promptTokens,
      completionTokens: stats.completionTokens,
      batch: summary?.mode === "batch",
    });
  } else if (summary?.cost?.spend) cost = summary.cost.spend;

  // dataset rows: answer positions and review
  let positionsData: ReportData["positions"];
  let review: ReportData["review"];
  if (input.datasetRows) {
    const letterCounts: number[] = [];
    const letterExpected: number[] = [];
    const status: Record<string, number> = {};
    const reviewers: Record<string, number> = {};
    const agreementBins = new Array<number>(5).fill(0);
    let agreementNone = 0;
    const changed = new CappedList<{ id: string; question: string; generated: string; published: string }>(
      limits.tableRows,
    );
    let rows = 0;
    let unmatched = 0;
    let reviewed = false;
    for await (const row of input.datasetRows) {
      rows++;
      const k = row.choices.length;
      for (let i = 0; i < k; i++) letterExpected[i] = (letterExpected[i] ?? 0) + 1 / k;
      letterCounts[row.answer] = (letterCounts[row.answer] ?? 0) + 1;
      increment(status, row.review_status ?? "(none)");
      if (row.review_status && row.review_status !== "unreviewed") reviewed = true;
      increment(reviewers, String(row.reviewer_count ?? 0));
      if (row.agreement === null || row.agreement === undefined) agreementNone++;
      else {
        const bin = Math.min(4, Math.max(0, Math.floor(row.agreement * 5)));
        agreementBins[bin] = (agreementBins[bin] ?? 0) + 1;
      }
      const generated = questionText.get(row.id);
      const published = row.choices[row.answer] ?? "";
      if (!generated) unmatched++;
      else if (normalizeForComparison(generated.answer) !== normalizeForComparison(published)) {
        changed.add({ id: row.id, question: generated.question, generated: generated.answer, published });
      }
    }
    if (rows > 0) {
      positionsData = letterExpected.map((expected, i) => ({
        letter: choiceLetter(i),
        count: letterCounts[i] ?? 0,
        expected: Math.round(expected * 100) / 100,
      }));
      review = {
        rows,
        status,
        reviewers,
        agreement: reviewed
          ? [
              ...agreementBins.map((count, i) => ({
                bin: `${(i / 5).toFixed(1)}–${((i + 1) / 5).toFixed(1)}`,
                count,
              })),
              { bin: "no review", count: agreementNone },
            ]
          : [],
        changed: changed.done(),
        unmatched,
      };
    }
  }

  const validationData: ReportData["validation"] =
    validated > 0
      ? {
          questions: validated,
          settings: VALIDATION_SETTINGS.flatMap((setting) => {
            const s = validationSums.get(setting);
            return s
              ? [{ setting, mean: s.sum / s.n, questions: s.n, chance: s.chanceN > 0 ? s.chanceSum / s.chanceN : null }]
              : [];
          }),
          positionSensitive,
          byCode: validationByCode,
          flagged: validationFlagged.done(),
        }
      : undefined;

  return {
    title: input.title ?? "Exam quality report",
    generatedAt: (input.generatedAt ?? new Date()).toISOString(),
    sources: input.sources,
    glance: {
      documents: glanceDocuments,
      chunks: glanceChunks,
      kept,
      flagged: flaggedCount,
      dropped,
      droppedBasis,
      validationDropped,
      validationDroppedByCode,
      flaggedByCode,
      droppedByCode,
      models: [...models.entries()].sort((a, b) => b[1] - a[1]).map(([name, questions]) => ({ name, questions })),
      promptVersions: [...promptVersions.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([name, questions]) => ({ name, questions })),
      summary,
      cost,
      validationCost: summary?.validation?.spend,
      prices: input.prices,
    },
    options: {
      optionCounts,
      answerLongest,
      answerShortest,
      expectedLongest,
      sample: lengthSample.items,
      sampled: lengthSample.seen > lengthSample.items.length,
    },
    positions: positionsData,
    grounding: {
      bins: scoreBinLabels().map((bin, i) => ({ bin, count: groundingBins[i] ?? 0 })),
      scored: groundingScored,
      unscored: groundingUnscored,
      mean: groundingScored > 0 ? groundingSum / groundingScored : null,
    },
    coverage: {
      documents: docRows,
      positions,
      corpusKnown,
      documentsWithoutQuestions: withoutQuestions.done(),
      chunksWithoutQuestions: corpusKnown ? totalChunks - askedChunks : null,
    },
    review,
    validation: validationData,
    evaluation: input.results ? collectEvaluation(input.results, questionText, limits) : undefined,
    flagged: flagged.done(),
    argillaDatasetUrl: input.argillaDatasetUrl,
    limits,
  };
}

function collectEvaluation(
  results: EvaluationResultsInput,
  questionText: Map<string, { question: string }>,
  limits: ReportData["limits"],
): NonNullable<ReportData["evaluation"]> {
  const models = results.models.map((m) => ({
    name: m.name,
    backend: m.backend,
    status: m.status,
    error: m.error,
    acc: finiteOrNull(m.scores?.acc),
    accStderr: finiteOrNull(m.scores?.acc_stderr),
    accNorm: finiteOrNull(m.scores?.acc_norm),
  }));
  models.sort((a, b) => (b.acc ?? -1) - (a.acc ?? -1));
  const positionAccuracy = results.models.flatMap((m) =>
    m.status === "ok"
      ? Object.entries(m.position_accuracy ?? {}).flatMap(([letter, accuracy]) =>
          typeof accuracy === "number" && Number.isFinite(accuracy) ? [{ model: m.name, letter, accuracy }] : [],
        )
      : [],
  );
  const sample = new Reservoir<{ id: string; label: string; difficulty: number; discrimination: number }>(
    limits.scatterPoints,
  );
  let withoutDiscrimination = 0;
  const flags: Record<string, number> = {};
  const flagged = new CappedList<{ id: string; question: string; flags: string[]; difficulty: number | null }>(
    limits.tableRows,
  );
  for (const item of results.items) {
    const text = questionText.get(item.id)?.question ?? "";
    const itemFlags = Array.isArray(item.flags) ? item.flags.filter((f) => typeof f === "string") : [];
    for (const flag of itemFlags) increment(flags, flag);
    if (itemFlags.length > 0) {
      flagged.add({ id: item.id, question: text, flags: itemFlags, difficulty: finiteOrNull(item.difficulty) });
    }
    const difficulty = finiteOrNull(item.difficulty);
    const discrimination = finiteOrNull(item.discrimination);
    if (difficulty === null || discrimination === null) {
      withoutDiscrimination++;
      continue;
    }
    sample.add({ id: item.id, label: truncate(text, 120), difficulty, discrimination });
  }
  return {
    createdAt: results.created_at,
    dataset: results.dataset,
    models,
    positionAccuracy,
    scatter: sample.items,
    scatterTotal: sample.seen,
    withoutDiscrimination,
    flags,
    flagged: flagged.done(),
  };
}
