import type { Capped, ReportData } from "./collect-report-data.js";
import type { RenderedChart } from "./report-charts.js";

/**
 * Escapes text for HTML element content and quoted attribute values. Question texts are user data: a `<script>` or
 * `<img onerror>` in a question must show as text.
 *
 * @example
 * escapeHtml('<img src=x onerror="alert(1)">') // "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? "")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/'/gu, "&#39;");
}

/** No script, no network: the page only uses its own inline styles and SVG. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --fg: #1d2430; --muted: #5b6472; --line: #dde1e6; --warn: #b35c00; --bad: #b3261e; --ok: #2e7d32; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0 auto; max-width: 1240px; padding: 24px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
header p, .note, figcaption { color: var(--muted); }
nav { margin: 8px 0 16px; display: flex; flex-wrap: wrap; gap: 4px 14px; }
nav a { color: #1f5fa8; text-decoration: none; }
section { margin: 0 0 28px; }
.absent { color: var(--muted); font-style: italic; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 8px 0; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.tile b { display: block; font-size: 20px; }
.tile span { color: var(--muted); font-size: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; break-inside: avoid; max-width: 100%; }
figure.chart h3 { margin: 0 0 4px; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; max-width: 520px; margin-top: 4px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f5f7f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.q { max-width: 460px; overflow-wrap: anywhere; white-space: pre-wrap; }
.sev-error { color: var(--bad); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
code { font-size: 12px; }
.more { color: var(--muted); font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  section { break-inside: auto; }
  figure.chart, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

const number = new Intl.NumberFormat("en-US");
function fmt(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return digits === 0 ? number.format(n) : n.toFixed(digits);
}
function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "–";
}

function tile(value: string, label: string): string {
  return `<div class="tile"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;
}

function chartFigure(chart: RenderedChart | undefined): string {
  if (!chart) return "";
  return `<figure class="chart" data-chart="${escapeHtml(chart.id)}"><h3>${escapeHtml(chart.title)}</h3>${chart.svg}<figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`;
}

function table(headers: { label: string; num?: boolean }[], rows: string[][], id?: string): string {
  const head = headers.map((h) => `<th${h.num ? ' class="num"' : ""}>${escapeHtml(h.label)}</th>`).join("");
  const body = rows.map((cells) => `<tr>${cells.join("")}</tr>`).join("\n");
  return `<table${id ? ` id="${escapeHtml(id)}"` : ""}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
const td = (text: unknown, cls?: string) => `<td${cls ? ` class="${cls}"` : ""}>${escapeHtml(text)}</td>`;
const tdNum = (text: string) => `<td class="num">${escapeHtml(text)}</td>`;

function more(capped: Capped<unknown>, what: string): string {
  const hidden = capped.total - capped.rows.length;
  return hidden > 0
    ? `<p class="more" data-more="${hidden}">${fmt(hidden)} more ${escapeHtml(what)} not shown (the table lists the first ${fmt(capped.rows.length)}).</p>`
    : "";
}

function countsTable(counts: Record<string, number>, keyLabel: string, valueLabel: string): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return "";
  return table(
    [{ label: keyLabel }, { label: valueLabel, num: true }],
    entries.map(([k, v]) => [`<td><code>${escapeHtml(k)}</code></td>`, tdNum(fmt(v))]),
  );
}

function section(id: string, title: string, present: boolean, body: string): string {
  return `<section id="${id}" data-section="${id}" data-state="${present ? "present" : "absent"}"><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function argillaLink(base: string | undefined, id: string): string {
  if (!base) return "";
  const url = `${base}${base.includes("?") ? "&" : "?"}_search=${encodeURIComponent(id)}`;
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">Argilla</a>`;
}

const BASIS: Record<string, string> = {
  summary: "from the run summary",
  corpus: "from the corpus",
  questions: "that produced questions (no run summary or corpus given)",
};

function glanceSection(data: ReportData): string {
  const g = data.glance;
  const stats = g.summary?.stats;
  const tiles = [
    tile(fmt(g.documents.value), `documents ${BASIS[g.documents.basis]}`),
    tile(fmt(g.chunks.value), `chunks ${BASIS[g.chunks.basis]}`),
    tile(fmt(g.kept), "questions kept"),
    tile(fmt(g.flagged), `kept but flagged (${pct(g.flagged, g.kept)})`),
    tile(g.droppedBasis === "none" ? "–" : fmt(g.dropped), "questions dropped"),
  ];
  if (stats?.calls !== undefined) tiles.push(tile(fmt(stats.calls), "model calls"));
  if (stats?.promptTokens !== undefined && stats.completionTokens !== undefined) {
    tiles.push(
      tile(
        fmt(stats.promptTokens + stats.completionTokens),
        `tokens: ${fmt(stats.promptTokens)} prompt + ${fmt(stats.completionTokens)} completion${stats.tokensEstimated ? " (partly estimated)" : ""}`,
      ),
    );
  }
  const money = (cost: { amount: number; currency: string }) =>
    `${cost.amount.toFixed(cost.amount < 1 ? 4 : 2)} ${cost.currency}`;
  if (g.cost) tiles.push(tile(money(g.cost), "generation cost at the given prices"));
  const validation = g.summary?.validation;
  if (g.validationCost) {
    const resumed = validation?.resumed ? `; ${fmt(validation.resumed)} resumed, not counted` : "";
    const answers = validation?.calls !== undefined ? ` (${fmt(validation.calls)} answers${resumed})` : "";
    tiles.push(tile(money(g.validationCost), `validation cost${answers} at the run's prices`));
    if (g.cost && g.cost.currency === g.validationCost.currency) {
      const total = { amount: g.cost.amount + g.validationCost.amount, currency: g.cost.currency };
      tiles.push(tile(money(total), "total cost: generation and validation"));
    }
  }
  if (stats?.elapsedMs !== undefined) tiles.push(tile(`${(stats.elapsedMs / 1000).toFixed(1)} s`, "generation time"));
  const notes: string[] = [];
  if (!g.summary) {
    notes.push(
      "Model calls and tokens are not stored in questions.jsonl: pass the run summary (<code>domain-eval generate --json &gt; summary.json</code>, then <code>--summary summary.json</code>) to show them; <code>domain-eval run</code> includes them.",
    );
  } else if (!g.prices && stats?.promptTokens !== undefined) {
    notes.push(
      "Pass token prices (<code>--prices FILE</code>, or <code>--price-input</code> and <code>--price-output</code> per million tokens) to show the cost.",
    );
  }
  if (g.droppedBasis === "none")
    notes.push("No questions.dropped.jsonl was found, so dropped questions are not counted.");
  if (stats?.stoppedBy) notes.push(`The run stopped early: ${escapeHtml(stats.stoppedBy)}.`);
  if (g.summary?.failures && g.summary.failures.length > 0) {
    notes.push(`${fmt(g.summary.failures.length)} chunks failed (rerun generate with --resume to retry them).`);
  }
  // no table without a row (a run that kept no question)
  const models = g.models.length
    ? table(
        [{ label: "generator model" }, { label: "questions", num: true }],
        g.models.slice(0, 10).map((m) => [td(m.name), tdNum(fmt(m.questions))]),
      )
    : "";
  const versions = g.promptVersions.length
    ? table(
        [{ label: "prompt version" }, { label: "questions", num: true }],
        g.promptVersions.slice(0, 10).map((m) => [td(m.name), tdNum(fmt(m.questions))]),
      )
    : "";
  const flaggedCodes = Object.keys(g.flaggedByCode).length
    ? `<h3>Kept but flagged, by finding</h3>${countsTable(g.flaggedByCode, "finding", "questions")}`
    : "";
  const droppedCodes = Object.keys(g.droppedByCode).length
    ? `<h3>Dropped, by finding</h3>${countsTable(g.droppedByCode, "finding", "questions")}`
    : "";
  return section(
    "glance",
    "The run at a glance",
    true,
    `<div class="tiles">${tiles.join("")}</div>${notes.map((n) => `<p class="note">${n}</p>`).join("")}
<div class="charts"><div>${models}</div><div>${versions}</div></div>${flaggedCodes}${droppedCodes}`,
  );
}

function fairnessSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const o = data.options;
  const questions = Object.values(o.optionCounts).reduce((a, b) => a + b, 0);
  const title = "Answer positions, option lengths, grounding";
  if (questions === 0) {
    return section(
      "fairness",
      title,
      false,
      '<p class="note">No question was kept: no answer positions, option lengths or grounding scores to show.</p>',
    );
  }
  const notes = [
    `The answer is the longest option in ${fmt(o.answerLongest)} of ${fmt(questions)} questions (${pct(o.answerLongest, questions)}; chance would give about ${fmt(Math.round(o.expectedLongest))}, ${pct(o.expectedLongest, questions)}), the shortest in ${fmt(o.answerShortest)}.`,
  ];
  if (o.sampled)
    notes.push(`The length plot shows a sample of ${fmt(o.sample.length)} of ${fmt(questions)} questions.`);
  if (!data.positions) {
    notes.push(
      "Answer positions are assigned when the dataset is written: pass the dataset folder (<code>--dataset DIR</code>) to see them.",
    );
  }
  const g = data.grounding;
  notes.push(
    g.scored > 0
      ? `Grounding: mean ${fmt(g.mean, 2)} over ${fmt(g.scored)} questions${g.unscored > 0 ? `; ${fmt(g.unscored)} without a source text or score` : ""}.`
      : "No grounding score: the questions carry neither source_text nor a GROUNDING_SCORE finding.",
  );
  return section(
    "fairness",
    title,
    true,
    `${notes.map((n) => `<p class="note">${n}</p>`).join("")}<div class="charts">${["answer-positions", "option-length", "grounding"].map((id) => chartFigure(charts.get(id))).join("")}</div>`,
  );
}

function coverageSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const c = data.coverage;
  const notes: string[] = [];
  if (c.corpusKnown) {
    notes.push(
      `${fmt(c.chunksWithoutQuestions)} of ${fmt(c.documents.reduce((n, d) => n + d.chunks, 0))} chunks produced no kept question.`,
    );
  } else {
    notes.push(
      "Only chunks that produced questions are known here; pass the documents (<code>--docs DIR</code>) to see the chunks and documents nobody asked about.",
    );
  }
  const without =
    c.documentsWithoutQuestions.total > 0
      ? `<h3>Documents without a kept question</h3><ul>${c.documentsWithoutQuestions.rows.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>${more(c.documentsWithoutQuestions, "documents")}`
      : "";
  return section(
    "coverage",
    "Coverage",
    true,
    `${notes.map((n) => `<p class="note">${n}</p>`).join("")}<div class="charts">${chartFigure(charts.get("coverage-documents"))}${chartFigure(charts.get("coverage-positions"))}</div>${without}`,
  );
}

function reviewSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const r = data.review;
  if (!r) {
    return section(
      "review",
      "Review",
      false,
      '<p class="absent">No dataset folder given: pass <code>--dataset DIR</code> (written by domain-eval export) to see review statistics.</p>',
    );
  }
  const reviewed = r.agreement.length > 0;
  const changedRows = r.changed.rows.map((c) => [
    td(c.id),
    td(c.question, "q"),
    td(c.generated, "q"),
    td(c.published, "q"),
  ]);
  return section(
    "review",
    "Review",
    true,
    `<p class="note">${fmt(r.rows)} dataset rows; ${fmt(r.changed.total)} answers changed by reviewers${r.unmatched > 0 ? `; ${fmt(r.unmatched)} rows have no question in the questions file` : ""}.${reviewed ? "" : " Nobody reviewed these rows (published without review), so there is no agreement to show."}</p>
<div class="charts">${chartFigure(charts.get("review-status"))}${chartFigure(charts.get("review-agreement"))}<div>${countsTable(r.reviewers, "reviewers", "rows")}</div></div>
${r.changed.total > 0 ? `<h3>Answers changed by reviewers</h3>${table([{ label: "id" }, { label: "question" }, { label: "generated answer" }, { label: "published answer" }], changedRows, "changed-answers")}${more(r.changed, "changed answers")}` : ""}`,
  );
}

function validationSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const v = data.validation;
  const g = data.glance;
  const droppedCodes = Object.entries(g.validationDroppedByCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `<code>${escapeHtml(code)}</code> ${fmt(n)}`)
    .join(", ");
  const droppedNote =
    g.validationDropped > 0
      ? `<p class="note" data-validation-dropped="${g.validationDropped}">The validation dropped ${fmt(g.validationDropped)} question${g.validationDropped === 1 ? "" : "s"} the checks had kept (${droppedCodes}): listed under Flagged questions, counted as dropped.</p>`
      : "";
  if (!v) {
    return section(
      "validation",
      "Validation",
      g.validationDropped > 0,
      `${droppedNote}<p class="absent">No kept question carries validation results${g.validationDropped > 0 ? "" : ": run <code>domain-eval validate</code> on the questions file first"}.</p>`,
    );
  }
  const rateTable = table(
    [
      { label: "setting" },
      { label: "mean correct rate", num: true },
      { label: "chance", num: true },
      { label: "questions", num: true },
    ],
    v.settings.map((s) => [
      td(s.setting.replace("_", " ")),
      tdNum(fmt(s.mean, 3)),
      tdNum(fmt(s.chance, 3)),
      tdNum(fmt(s.questions)),
    ]),
  );
  const flaggedRows = v.flagged.rows.map((f) => [
    td(f.id),
    td(f.question, "q"),
    `<td>${f.codes.map((c) => `<code>${escapeHtml(c)}</code>`).join(" ")}</td>`,
    tdNum(fmt(f.rates.open_book ?? null, 2)),
    tdNum(fmt(f.rates.closed_book ?? null, 2)),
    tdNum(fmt(f.rates.options_only ?? null, 2)),
  ]);
  return section(
    "validation",
    "Validation",
    true,
    `<p class="note">${fmt(v.questions)} kept questions validated; ${fmt(v.positionSensitive)} change their answer when the options are reordered.</p>${droppedNote}
<div class="charts">${chartFigure(charts.get("validation-rates"))}<div>${rateTable}${countsTable(v.byCode, "finding", "questions")}</div></div>
<h3>Questions flagged by validation</h3>${
      v.flagged.total > 0
        ? `${table(
            [
              { label: "id" },
              { label: "question" },
              { label: "findings" },
              { label: "open book", num: true },
              { label: "closed book", num: true },
              { label: "options only", num: true },
            ],
            flaggedRows,
            "validation-flagged",
          )}${more(v.flagged, "questions")}`
        : '<p class="note">None.</p>'
    }`,
  );
}

function evaluationSection(data: ReportData, charts: Map<string, RenderedChart>): string {
  const e = data.evaluation;
  if (!e) {
    return section(
      "evaluation",
      "Evaluation",
      false,
      '<p class="absent">No results given: run <code>domain-eval evaluate</code> and pass <code>--results DIR</code>.</p>',
    );
  }
  const leaderboard = table(
    [
      { label: "#", num: true },
      { label: "model" },
      { label: "backend" },
      { label: "accuracy", num: true },
      { label: "± stderr", num: true },
      { label: "acc_norm", num: true },
      { label: "status" },
    ],
    e.models.map((m, i) => [
      tdNum(String(i + 1)),
      td(m.name),
      td(m.backend ?? ""),
      tdNum(fmt(m.acc, 3)),
      tdNum(fmt(m.accStderr, 3)),
      tdNum(fmt(m.accNorm, 3)),
      m.status === "ok"
        ? td("ok")
        : `<td class="sev-error">${escapeHtml(`failed: ${m.error ?? "no reason given"}`)}</td>`,
    ]),
    "leaderboard",
  );
  const flagged = e.flagged.rows.map((f) => [
    td(f.id),
    td(f.question, "q"),
    td(f.flags.join(", ")),
    tdNum(fmt(f.difficulty, 2)),
  ]);
  const notes = [
    `${e.dataset?.task ? `Task ${escapeHtml(e.dataset.task)}; ` : ""}${fmt(e.scatterTotal + e.withoutDiscrimination)} items${e.withoutDiscrimination > 0 ? `, ${fmt(e.withoutDiscrimination)} without a discrimination (too few models)` : ""}${e.createdAt ? `; evaluated ${escapeHtml(e.createdAt)}` : ""}.`,
  ];
  if (e.scatter.length < e.scatterTotal) {
    notes.push(`The scatter plot shows a sample of ${fmt(e.scatter.length)} of ${fmt(e.scatterTotal)} items.`);
  }
  return section(
    "evaluation",
    "Evaluation",
    true,
    `${notes.map((n) => `<p class="note">${n}</p>`).join("")}${leaderboard}
<div class="charts">${["evaluation-leaderboard", "evaluation-items", "evaluation-positions"].map((id) => chartFigure(charts.get(id))).join("")}</div>
${Object.keys(e.flags).length > 0 ? `<h3>Items flagged by the evaluation</h3>${countsTable(e.flags, "flag", "items")}${table([{ label: "id" }, { label: "question" }, { label: "flags" }, { label: "difficulty", num: true }], flagged, "evaluation-flagged")}${more(e.flagged, "items")}` : ""}`,
  );
}

function flaggedSection(data: ReportData): string {
  const f = data.flagged;
  if (f.total === 0) {
    return section("flagged", "Flagged questions", true, '<p class="note">No question was flagged or dropped.</p>');
  }
  const rows = f.rows.map((q) => [
    td(q.id),
    td(q.status),
    td(q.question, "q"),
    `<td>${q.findings.map((x) => `<div><span class="sev-${x.severity}">${escapeHtml(x.code)}</span> ${escapeHtml(x.message)}</div>`).join("")}</td>`,
    td(q.document),
    `<td>${q.status === "kept" ? argillaLink(data.argillaDatasetUrl, q.id) : ""}</td>`,
  ]);
  return section(
    "flagged",
    "Flagged questions",
    true,
    `<p class="note">${fmt(f.total)} questions kept with warnings or dropped, with their findings${data.argillaDatasetUrl ? " and a link to their Argilla record" : ""}.</p>${table(
      [
        { label: "id" },
        { label: "status" },
        { label: "question" },
        { label: "findings" },
        { label: "document" },
        { label: "review" },
      ],
      rows,
      "flagged-table",
    )}${more(f, "questions")}`,
  );
}

/**
 * The whole page: inline CSS, inline SVG charts, no script, a CSP that forbids scripts and network access.
 *
 * @example
 * const page = renderReportHtml({ data, charts: await renderReportCharts(data) });
 */
export function renderReportHtml(params: { data: ReportData; charts: Map<string, RenderedChart> }): string {
  const { data, charts } = params;
  const sources = Object.entries(data.sources ?? {})
    .filter(([, v]) => v)
    .map(([k, v]) => `${escapeHtml(k)}: <code>${escapeHtml(v)}</code>`)
    .join(" · ");
  const nav = [
    ["glance", "At a glance"],
    ["fairness", "Positions & lengths"],
    ["coverage", "Coverage"],
    ["review", "Review"],
    ["validation", "Validation"],
    ["evaluation", "Evaluation"],
    ["flagged", "Flagged questions"],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@domain-eval/report">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(data.title)}</h1>
<p>Generated ${escapeHtml(data.generatedAt)}${sources ? ` from ${sources}` : ""}.</p>
<nav>${nav}</nav>
</header>
<main>
${glanceSection(data)}
${fairnessSection(data, charts)}
${coverageSection(data, charts)}
${reviewSection(data, charts)}
${validationSection(data, charts)}
${evaluationSection(data, charts)}
${flaggedSection(data)}
</main>
</body>
</html>
`;
}
