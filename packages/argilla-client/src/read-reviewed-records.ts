import { type ExamItem, safeParseExamItem } from "@domain-eval/core";
import { dataOrThrow } from "./argilla-api-error.js";
import type { ArgillaClient } from "./create-argilla-client.js";
import { EXAM_DATASET_NAMES, VALIDATION_RATE_METADATA } from "./exam-dataset-layout.js";
import { choicesOfRecordFields, EXAM_ITEM_METADATA } from "./exam-record.js";
import type { components } from "./generated/argilla-server-2.8.0.js";
import { retryTransient } from "./retry-transient.js";

type ArgillaRecord = components["schemas"]["Record"];

/** Review state of one record. */
export type RecordReviewStatus = "submitted" | "discarded" | "draft" | "pending";

/** One reviewer's response to a record. */
export interface ReviewerResponse {
  userId: string;
  status: "submitted" | "discarded" | "draft";
  /** Chosen option index, or null when none was chosen (e.g. a discard). */
  answer: number | null;
  improvedQuestion?: string;
  improvedAnswer?: string;
  updatedAt: string;
}

/** What the reader learned about one record. */
export interface ReviewedRecord {
  /** Argilla's record id. */
  recordId: string;
  /** The exam item id (`external_id`). */
  itemId: string;
  /**
   * `submitted` when at least one reviewer submitted and discards do not outnumber submissions; `discarded` when
   * reviewers discarded it (ties count as discarded); `draft` when responses are only drafts; `pending` when nobody
   * responded.
   */
  status: RecordReviewStatus;
  /** Submitted responses. */
  reviewerCount: number;
  /** Share of submitted responses that chose the final answer; null when nobody submitted. */
  agreement: number | null;
  /** Option index the generator suggested. */
  suggestedAnswer: number | null;
  /** Final option index: the majority of submitted answers, or the suggestion for an unreviewed item. */
  answer: number | null;
  /** The reviewers' answer differs from the suggestion. */
  answerChanged: boolean;
  /** A reviewer rewrote the question. */
  questionEdited: boolean;
  /** A reviewer rewrote the correct option's text. */
  answerEdited: boolean;
  /** Every response, in the order the server returns them. */
  responses: ReviewerResponse[];
  /**
   * The dataset row: present for submitted records, and for draft/pending ones with
   * `unreviewed: "include-as-unreviewed"` (review_status `unreviewed`). Never present for discarded records.
   */
  item?: ExamItem;
  /** Why a record that should have produced an item did not (e.g. a label beyond the item's choices). */
  problem?: string;
}

/**
 * Pages {@link readReviewedRecords} asks for at once. Measured on Argilla 2.8 (an earlier 2-core machine, 10,000
 * records, pages of 500): 1 at a time ~2,300 records/s, 2 ~2,500, 3 ~2,600; more only queues on the server. With pages
 * of 1,000 (a slower machine, raw search): 1 at a time 923–1,144 records/s, 3 at a time 986–1,269.
 */
export const DEFAULT_PAGES_IN_FLIGHT = 3;

/**
 * Records per page {@link readReviewedRecords} asks for: Argilla's maximum. Measured on Argilla 2.8 (2 cores, 10,000
 * reviewed records, 3 pages in flight, 5 interleaved runs): pages of 1,000 read 1,010 records/s (954–1,171), pages of
 * 500 read 941 (870–986); each page is one search plus one load of responses and suggestions, and fewer, larger pages
 * cost the server less.
 */
export const DEFAULT_READ_PAGE_SIZE = 1000;

/** Parameters of {@link readReviewedRecords}. */
export interface ReadReviewedRecordsParams {
  /** Client from {@link createArgillaClient} (an owner or admin key: it reads every reviewer's responses). */
  client: ArgillaClient;
  /** The exam dataset. */
  dataset: { id: string };
  /**
   * Records nobody submitted (draft or pending): `exclude` (default) yields them without an item;
   * `include-as-unreviewed` yields an item built from the generator's suggestion, marked `unreviewed`.
   */
  unreviewed?: "exclude" | "include-as-unreviewed";
  /** Records per request, 1–1000. Default {@link DEFAULT_READ_PAGE_SIZE}. */
  pageSize?: number;
  /**
   * Pages requested at once (default {@link DEFAULT_PAGES_IN_FLIGHT}): the server searches several pages in parallel
   * while the caller works through the current one; records still come out in order. 1 asks for one page at a time.
   */
  pagesInFlight?: number;
  /** Retries per page on network errors and 5xx. Default 4. */
  retries?: number;
  signal?: AbortSignal;
}

function letterIndex(value: unknown): number | null {
  if (typeof value !== "string" || !/^[A-Z]$/.test(value)) return null;
  return value.charCodeAt(0) - 65;
}

function textValue(values: Record<string, { value?: unknown }> | null | undefined, name: string): string | undefined {
  const value = values?.[name]?.value;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Majority answer among submitted responses; a tie goes to the most recently updated response among the tied. */
function majorityAnswer(submitted: ReviewerResponse[]): number | null {
  const votes = new Map<number, { count: number; latest: string }>();
  for (const r of submitted) {
    if (r.answer === null) continue;
    const v = votes.get(r.answer) ?? { count: 0, latest: "" };
    v.count++;
    if (r.updatedAt > v.latest) v.latest = r.updatedAt;
    votes.set(r.answer, v);
  }
  let best: { answer: number; count: number; latest: string } | undefined;
  for (const [answer, v] of votes) {
    if (!best || v.count > best.count || (v.count === best.count && v.latest > best.latest)) best = { answer, ...v };
  }
  return best?.answer ?? null;
}

/** The latest non-empty improvement among responses that chose the final answer. */
function latestImprovement(
  submitted: ReviewerResponse[],
  answer: number,
  key: "improvedQuestion" | "improvedAnswer",
): string | undefined {
  return submitted
    .filter((r) => r.answer === answer && r[key] !== undefined)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0]?.[key];
}

/** The validation columns stored in a record's metadata (null where absent). */
function validationColumnsFrom(metadata: Record<string, unknown>): Partial<ExamItem> {
  const rate = (column: keyof typeof VALIDATION_RATE_METADATA) => {
    const percent = metadata[VALIDATION_RATE_METADATA[column].name];
    return typeof percent === "number" ? percent / 100 : null;
  };
  const sensitive = metadata[EXAM_DATASET_NAMES.positionSensitiveMetadata];
  return {
    validation_open_book: rate("validation_open_book"),
    validation_closed_book: rate("validation_closed_book"),
    validation_options_only: rate("validation_options_only"),
    validation_position_sensitive: sensitive === "yes" ? true : sensitive === "no" ? false : null,
  };
}

/** Interprets one record (exported for unit tests of the review policy). */
export function reviewedRecordFrom(params: {
  record: ArgillaRecord;
  correctAnswerQuestionId: string;
  unreviewed: "exclude" | "include-as-unreviewed";
}): ReviewedRecord {
  const { record } = params;
  const n = EXAM_DATASET_NAMES;
  const responses: ReviewerResponse[] = (record.responses ?? []).map((r) => {
    const values = r.values as Record<string, { value?: unknown }> | null | undefined;
    const improvedQuestion = textValue(values, n.improvedQuestionQuestion);
    const improvedAnswer = textValue(values, n.improvedAnswerQuestion);
    return {
      userId: r.user_id,
      status: r.status,
      answer: letterIndex(values?.[n.correctAnswerQuestion]?.value),
      ...(improvedQuestion !== undefined ? { improvedQuestion } : {}),
      ...(improvedAnswer !== undefined ? { improvedAnswer } : {}),
      updatedAt: r.updated_at,
    };
  });
  const suggestion = (record.suggestions ?? []).find((s) => s.question_id === params.correctAnswerQuestionId);
  const suggestedAnswer = letterIndex(suggestion?.value);
  const submitted = responses.filter((r) => r.status === "submitted");
  const discarded = responses.filter((r) => r.status === "discarded");
  const status: RecordReviewStatus =
    discarded.length > 0 && discarded.length >= submitted.length
      ? "discarded"
      : submitted.length > 0
        ? "submitted"
        : responses.length > 0
          ? "draft"
          : "pending";

  const fields = record.fields as Record<string, unknown>;
  const metadata = (record.metadata ?? {}) as Record<string, unknown>;
  const choiceCountMeta = metadata[EXAM_ITEM_METADATA.choiceCount];
  const choices = choicesOfRecordFields(fields).slice(0, typeof choiceCountMeta === "number" ? choiceCountMeta : 26);

  const reviewerCount = submitted.length;
  const reviewedAnswer = status === "submitted" ? majorityAnswer(submitted) : null;
  const answer = status === "submitted" ? reviewedAnswer : status === "discarded" ? null : suggestedAnswer;
  // Share of everyone who reviewed (a discard is a vote against publishing) that chose the published answer.
  const agreement =
    status === "submitted" && reviewedAnswer !== null && reviewerCount > 0
      ? submitted.filter((r) => r.answer === reviewedAnswer).length / (submitted.length + discarded.length)
      : null;
  const improvedQuestion =
    status === "submitted" && answer !== null ? latestImprovement(submitted, answer, "improvedQuestion") : undefined;
  const improvedAnswer =
    status === "submitted" && answer !== null ? latestImprovement(submitted, answer, "improvedAnswer") : undefined;

  const result: ReviewedRecord = {
    recordId: record.id,
    itemId: record.external_id ?? record.id,
    status,
    reviewerCount,
    agreement,
    suggestedAnswer,
    answer,
    answerChanged: status === "submitted" && answer !== null && answer !== suggestedAnswer,
    questionEdited: improvedQuestion !== undefined,
    answerEdited: improvedAnswer !== undefined,
    responses,
  };

  const wantsItem = status === "submitted" || (status !== "discarded" && params.unreviewed === "include-as-unreviewed");
  if (!wantsItem) return result;
  if (answer === null) {
    result.problem =
      status === "submitted" ? "no submitted response chose an option" : "the record has no suggested answer";
    return result;
  }
  if (answer >= choices.length) {
    result.problem = `the chosen option ${String.fromCharCode(65 + answer)} is beyond the item's ${choices.length} choices`;
    return result;
  }
  const finalChoices = [...choices];
  if (improvedAnswer !== undefined) finalChoices[answer] = improvedAnswer;
  const candidate = {
    id: result.itemId,
    question: improvedQuestion ?? String(fields[n.questionField] ?? ""),
    subject: String(metadata[EXAM_ITEM_METADATA.subject] ?? ""),
    choices: finalChoices,
    answer,
    source_document_id: String(metadata[n.sourceDocumentMetadata] ?? ""),
    source_chunk_id: String(metadata[EXAM_ITEM_METADATA.sourceChunkId] ?? ""),
    citations: stringList(metadata[EXAM_ITEM_METADATA.citations]),
    generator_model: String(metadata[n.generatorModelMetadata] ?? suggestion?.agent ?? ""),
    prompt_version: String(metadata[EXAM_ITEM_METADATA.promptVersion] ?? ""),
    review_status: status === "submitted" ? "submitted" : "unreviewed",
    reviewer_count: status === "submitted" ? reviewerCount : 0,
    agreement: status === "submitted" ? agreement : null,
    ...validationColumnsFrom(metadata),
  };
  const parsed = safeParseExamItem(candidate);
  if (parsed.success) result.item = parsed.data;
  else
    result.problem = `the record does not make a valid exam item: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`;
  return result;
}

/**
 * Reads every record of an exam dataset with its responses and suggestions, in a stable order (sorted search by
 * insertion time, then id — the plain list endpoint is unsorted), and says for each what the reviewers decided.
 * Discarded records are yielded without an item; unreviewed ones get an item only when asked for.
 *
 * @example
 * for await (const record of readReviewedRecords({ client, dataset })) {
 *   if (record.item) rows.push(record.item);
 *   else if (record.status === "discarded") discardedIds.push(record.itemId);
 * }
 */
export async function* readReviewedRecords(params: ReadReviewedRecordsParams): AsyncGenerator<ReviewedRecord> {
  const { client, dataset, signal } = params;
  const pageSize = params.pageSize ?? DEFAULT_READ_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new TypeError(`pageSize must be an integer from 1 to 1000 (Argilla's limit), got ${pageSize}`);
  }
  const pagesInFlight = params.pagesInFlight ?? DEFAULT_PAGES_IN_FLIGHT;
  if (!Number.isInteger(pagesInFlight) || pagesInFlight < 1 || pagesInFlight > 16) {
    throw new TypeError(`pagesInFlight must be an integer from 1 to 16, got ${pagesInFlight}`);
  }
  const unreviewed = params.unreviewed ?? "exclude";
  if (unreviewed !== "exclude" && unreviewed !== "include-as-unreviewed") {
    throw new TypeError(`unreviewed must be "exclude" or "include-as-unreviewed", got ${JSON.stringify(unreviewed)}`);
  }
  const questions = dataOrThrow(
    await client.GET("/datasets/{dataset_id}/questions", { params: { path: { dataset_id: dataset.id } } }),
  );
  const correct = questions.items.find((q) => q.name === EXAM_DATASET_NAMES.correctAnswerQuestion);
  if (!correct) {
    throw new TypeError(
      `dataset ${dataset.id} has no "${EXAM_DATASET_NAMES.correctAnswerQuestion}" question: is it an exam dataset made by createExamDataset?`,
    );
  }
  const fetchPage = (offset: number) =>
    retryTransient({
      call: async () =>
        dataOrThrow(
          await client.POST("/datasets/{dataset_id}/records/search", {
            params: {
              path: { dataset_id: dataset.id },
              query: { offset, limit: pageSize, include: ["responses", "suggestions"] },
            },
            body: {
              sort: [
                { scope: { entity: "record", property: "inserted_at" }, order: "asc" },
                { scope: { entity: "record", property: "id" }, order: "asc" },
              ],
            },
            ...(signal ? { signal } : {}),
          }),
        ),
      retries: params.retries,
      signal,
    });
  const first = await fetchPage(0);
  // The first page says how many records there are: the next pages are asked for `pagesInFlight` at a time, in
  // order, each as soon as an earlier one has been handed out. A page that reports more records than known (records
  // added while reading) plans the pages for those too.
  const offsets: number[] = [];
  let planned = first.items.length === pageSize ? pageSize : Number.POSITIVE_INFINITY;
  const planUpTo = (total: number | undefined) => {
    for (; planned < (total ?? 0); planned += pageSize) offsets.push(planned);
  };
  planUpTo(first.total);
  const requested: ReturnType<typeof fetchPage>[] = [];
  let page = first;
  for (;;) {
    while (requested.length < pagesInFlight && offsets.length > 0) {
      const next = fetchPage(offsets.shift() as number);
      // A caller that stops early never awaits it: keep its failure from surfacing as an unhandled rejection.
      next.catch(() => undefined);
      requested.push(next);
    }
    for (const { record } of page.items) {
      yield reviewedRecordFrom({ record, correctAnswerQuestionId: correct.id, unreviewed });
    }
    const next = requested.shift();
    if (!next) return;
    signal?.throwIfAborted();
    page = await next;
    planUpTo(page.total);
  }
}
