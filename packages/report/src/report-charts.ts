import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { ReportData } from "./collect-report-data.js";

/** A chart ready for the page: its id, caption and the SVG that Vega rendered. */
export interface RenderedChart {
  id: string;
  title: string;
  /** One line under the chart: what to look for. */
  caption: string;
  svg: string;
}

const WIDTH = 380;
const HEIGHT = 190;
const COLORS = { main: "#4c78a8", accent: "#e45756", muted: "#9ecae9", ok: "#54a24b" };

const base = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: WIDTH,
  height: HEIGHT,
  config: {
    font: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 11, grid: true, gridColor: "#eee" },
    legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 300 },
  },
} as const;

/**
 * Renders a Vega-Lite spec to an SVG string in Node (Vega's headless view), so the report needs no script at view
 * time. Marks with a tooltip get it as an SVG `<title>`, which browsers show on hover; Vega escapes the text.
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    // Vega writes the tooltip's text into aria-label (already attribute-escaped, so also safe as element text).
    return svg.replace(
      /<path ([^>]*?)aria-label="([^"]*)"([^>]*?)\/>/gu,
      (_match, before: string, label: string, after: string) =>
        // the <title> is also the mark's accessible name, so the aria-label would only double the size
        `<path ${`${before}${after}`.trim()}><title>${label}</title></path>`,
    );
  } finally {
    view.finalize();
  }
}

/** A black tick per bar at the value expected by chance (or by an even spread), layered over {@link bars}. */
function expectedTicks(params: { x: string; y: string }): Record<string, unknown> {
  return {
    name: "expected",
    mark: { type: "tick", color: "black", thickness: 2, size: 40 },
    encoding: {
      x: { field: params.x, type: "nominal", sort: null },
      y: { field: params.y, type: "quantitative" },
    },
  };
}

function bars(params: {
  values: Record<string, unknown>[];
  x: string;
  xTitle: string;
  y: string;
  yTitle: string;
  tooltip?: string[];
  sort?: "none" | "-y";
  color?: string;
  layer?: Record<string, unknown>[];
  xLabelAngle?: number;
  /** `count` (default): whole numbers on the axis; `fraction`: a value from 0 to 1, the axis spans 0 to 1. */
  yKind?: "count" | "fraction";
}): TopLevelSpec {
  // A count axis shows whole numbers; with every bar at 0 (a run that kept nothing) it still spans 0 to 1.
  const allZero = params.values.every((v) => !((v[params.y] as number) > 0));
  const y =
    params.yKind === "fraction"
      ? { scale: { domain: [0, 1] } }
      : { axis: { format: "d", tickMinStep: 1 }, ...(allZero ? { scale: { domain: [0, 1] } } : {}) };
  const bar = {
    name: "bars",
    mark: { type: "bar", color: params.color ?? COLORS.main },
    encoding: {
      x: {
        field: params.x,
        type: "nominal",
        title: params.xTitle,
        sort: params.sort === "-y" ? "-y" : null,
        axis: { labelAngle: params.xLabelAngle ?? 0, labelLimit: 140 },
      },
      y: { field: params.y, type: "quantitative", title: params.yTitle, ...y },
      tooltip: (params.tooltip ?? [params.x, params.y]).map((field) => ({ field })),
    },
  };
  return {
    ...base,
    data: { values: params.values },
    layer: [bar, ...(params.layer ?? [])],
  } as unknown as TopLevelSpec;
}

/** The charts of a report, in page order; sections without data have none. */
export async function renderReportCharts(data: ReportData): Promise<Map<string, RenderedChart>> {
  const charts: { id: string; title: string; caption: string; spec: TopLevelSpec }[] = [];

  if (data.positions) {
    charts.push({
      id: "answer-positions",
      title: "Answer position",
      caption: "Questions per correct letter; the black tick is the count a uniform spread would give.",
      spec: bars({
        values: data.positions,
        x: "letter",
        xTitle: "correct letter",
        y: "count",
        yTitle: "questions",
        tooltip: ["letter", "count", "expected"],
        layer: [expectedTicks({ x: "letter", y: "expected" })],
      }),
    });
  }

  if (data.options.sample.length > 0) {
    const max = Math.max(1, ...data.options.sample.map((p) => Math.max(p.answer, p.distractors)));
    charts.push({
      id: "option-length",
      title: "Option-length bias",
      caption:
        "One point per question: answer length against the mean distractor length (characters). Points above the line have an answer longer than its distractors.",
      spec: {
        ...base,
        layer: [
          {
            data: { values: [{ v: 0 }, { v: max }] },
            mark: { type: "line", color: "#999", strokeDash: [4, 4] },
            encoding: {
              x: { field: "v", type: "quantitative" },
              y: { field: "v", type: "quantitative" },
            },
          },
          {
            data: {
              values: data.options.sample.map((p) => ({
                ...p,
                kind: p.longest ? "answer is the longest option" : "answer not the longest",
              })),
            },
            name: "points",
            mark: { type: "point", filled: true, size: 18, opacity: 0.6, aria: false },
            encoding: {
              x: { field: "distractors", type: "quantitative", title: "mean distractor length (characters)" },
              y: { field: "answer", type: "quantitative", title: "answer length (characters)" },
              color: {
                field: "kind",
                type: "nominal",
                title: null,
                scale: {
                  domain: ["answer is the longest option", "answer not the longest"],
                  range: [COLORS.accent, COLORS.main],
                },
                legend: { orient: "top" },
              },
            },
          },
        ],
      } as unknown as TopLevelSpec,
    });
  }

  if (data.grounding.scored > 0) {
    charts.push({
      id: "grounding",
      title: "Grounding score",
      caption:
        "Questions per grounding score (mean of quote score and answer coverage in the source chunk), in bins of 0.1 labelled by their start.",
      spec: bars({ values: data.grounding.bins, x: "bin", xTitle: "grounding score", y: "count", yTitle: "questions" }),
    });
  }

  const docs = data.coverage.documents;
  if (docs.length > 0 && docs.length <= 30) {
    charts.push({
      id: "coverage-documents",
      title: "Questions per document",
      caption: "Kept questions per document; a missing bar is a document that produced none.",
      spec: bars({
        values: docs.map((d) => ({ document: d.label, kept: d.kept, dropped: d.dropped, chunks: d.chunks })),
        x: "document",
        xTitle: "document",
        y: "kept",
        yTitle: "questions kept",
        tooltip: ["document", "kept", "dropped", "chunks"],
        xLabelAngle: -30,
      }),
    });
  } else if (docs.length > 30) {
    const histogram = new Map<number, number>();
    for (const d of docs) histogram.set(d.kept, (histogram.get(d.kept) ?? 0) + 1);
    const values = [...histogram.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([kept, documents]) => ({ kept, documents }));
    charts.push({
      id: "coverage-documents",
      title: "Documents by number of questions",
      caption: `${docs.length} documents: how many documents produced 0, 1, 2, … kept questions.`,
      spec: {
        ...base,
        data: { values },
        layer: [
          {
            name: "bars",
            mark: { type: "bar", color: COLORS.main },
            encoding: {
              x: { field: "kept", type: "ordinal", title: "questions kept from the document" },
              y: { field: "documents", type: "quantitative", title: "documents" },
              tooltip: [{ field: "kept" }, { field: "documents" }],
            },
          },
        ],
      } as unknown as TopLevelSpec,
    });
  }

  if (data.coverage.positions.length > 0) {
    charts.push({
      id: "coverage-positions",
      title: "Questions per chunk position",
      caption: data.coverage.corpusKnown
        ? "Kept questions by the chunk's position in its document (1 = first chunk); hover for chunks never asked."
        : "Kept questions by the chunk's position in its document among the chunks that produced questions.",
      spec: bars({
        values: data.coverage.positions.map((p) => ({ ...p, "never asked": p.chunks - p.chunksAsked })),
        x: "position",
        xTitle: "chunk position in the document",
        y: "questions",
        yTitle: "questions kept",
        tooltip: ["position", "questions", "chunks", "never asked"],
      }),
    });
  }

  if (data.review) {
    charts.push({
      id: "review-status",
      title: "Review status",
      caption: "Dataset rows by review status.",
      spec: bars({
        values: Object.entries(data.review.status).map(([status, rows]) => ({ status, rows })),
        x: "status",
        xTitle: "review status",
        y: "rows",
        yTitle: "rows",
      }),
    });
    if (data.review.agreement.length > 0) {
      charts.push({
        id: "review-agreement",
        title: "Reviewer agreement",
        caption: "Rows by the share of reviewers who chose the published answer.",
        spec: bars({ values: data.review.agreement, x: "bin", xTitle: "agreement", y: "count", yTitle: "rows" }),
      });
    }
  }

  if (data.validation && data.validation.settings.length > 0) {
    charts.push({
      id: "validation-rates",
      title: "Validation panel: correct rate per setting",
      caption:
        "Mean share of panel answers that were right; the black tick is chance. Closed-book or options-only rates well above chance mean questions answerable without the source.",
      spec: bars({
        values: data.validation.settings.map((s) => ({
          setting: s.setting.replace("_", " "),
          rate: Math.round(s.mean * 1000) / 1000,
          chance: s.chance === null ? null : Math.round(s.chance * 1000) / 1000,
          questions: s.questions,
        })),
        x: "setting",
        xTitle: "setting",
        y: "rate",
        yTitle: "mean correct rate",
        tooltip: ["setting", "rate", "chance", "questions"],
        layer: [expectedTicks({ x: "setting", y: "chance" })],
      }),
    });
  }

  const evaluation = data.evaluation;
  if (evaluation) {
    const scored = evaluation.models.filter((m) => m.acc !== null);
    if (scored.length > 0) {
      charts.push({
        id: "evaluation-leaderboard",
        title: "Leaderboard",
        caption: "Accuracy per model.",
        spec: bars({
          values: scored.map((m) => ({ model: m.name, acc: m.acc, stderr: m.accStderr })),
          x: "model",
          xTitle: "model",
          y: "acc",
          yTitle: "accuracy",
          sort: "-y",
          yKind: "fraction",
          tooltip: ["model", "acc", "stderr"],
          xLabelAngle: scored.length > 4 ? -30 : 0,
        }),
      });
    }
    if (evaluation.scatter.length > 0) {
      charts.push({
        id: "evaluation-items",
        title: "Item difficulty vs discrimination",
        caption:
          evaluation.scatter.length < evaluation.scatterTotal
            ? `A sample of ${evaluation.scatter.length.toLocaleString("en-US")} of ${evaluation.scatterTotal.toLocaleString("en-US")} questions; hover a point for the question.`
            : "One point per question; hover a point for the question. Low or negative discrimination: the question does not separate strong from weak models.",
        spec: {
          ...base,
          data: { values: evaluation.scatter },
          layer: [
            {
              name: "points",
              mark: { type: "point", filled: true, size: 30, opacity: 0.7, color: COLORS.main },
              encoding: {
                x: { field: "difficulty", type: "quantitative", title: "difficulty (from results.json)" },
                y: { field: "discrimination", type: "quantitative", title: "discrimination" },
                tooltip: [
                  { field: "id" },
                  { field: "label", title: "question" },
                  { field: "difficulty" },
                  { field: "discrimination" },
                ],
              },
            },
          ],
        } as unknown as TopLevelSpec,
      });
    }
    if (evaluation.positionAccuracy.length > 0) {
      charts.push({
        id: "evaluation-positions",
        title: "Accuracy by correct letter",
        caption:
          "Per model, accuracy on the questions whose answer is at each letter; a model with a letter preference shows a spike.",
        spec: {
          ...base,
          data: { values: evaluation.positionAccuracy },
          layer: [
            {
              name: "bars",
              mark: { type: "bar" },
              encoding: {
                x: { field: "letter", type: "nominal", title: "correct letter", axis: { labelAngle: 0 } },
                xOffset: { field: "model", type: "nominal" },
                y: { field: "accuracy", type: "quantitative", title: "accuracy", scale: { domain: [0, 1] } },
                color: { field: "model", type: "nominal", legend: { orient: "top", title: null } },
                tooltip: [{ field: "model" }, { field: "letter" }, { field: "accuracy" }],
              },
            },
          ],
        } as unknown as TopLevelSpec,
      });
    }
  }

  const rendered = new Map<string, RenderedChart>();
  for (const chart of charts) {
    rendered.set(chart.id, {
      id: chart.id,
      title: chart.title,
      caption: chart.caption,
      svg: await renderChartSvg(chart.spec),
    });
  }
  return rendered;
}
