/**
 * The customer portfolio matrix sheet (客户组合矩阵; McDonald & Rogers): per listed account its
 * criteria, the weights (editable), min–max normalised criteria, the attractiveness and
 * strength scores 0–100 and the quadrant, all native formulas; the cuts (editable, default
 * the medians), a legend of the four quadrants with their strategy, and a bubble chart.
 *
 * Accounts listed (options.accounts): "all" customers with a value, a number N (the top N by
 * value), or by default the first- and second-tier customers (all of them when there are at
 * most FEW customers). An account needs a value on a weighted criterion of each axis to be
 * placed; the others are named in a note, never scored from nothing.
 *
 * Criteria: the portfolio's attractiveness/strength criteria (per-customer means). When an
 * axis has none, documented proxies computed from the sales data stand in, and a note on the
 * sheet says so: attractiveness = revenue, profit margin (profit / revenue), growth (revenue
 * of the second half of the months against the first half); strength = satisfaction (1–5),
 * credit rating (engine/credit-rating.ts creditOrdinal: AAA = 10 … D = 1, Moody's grades mapped), months with
 * sales. Share of wallet is unknown from sales data.
 *
 * Layout (0-based rows; n notes from row 2):
 *   row 0 title, row 1 subtitle, rows 2.. notes, one blank row, then
 *   G   group headers (merged over each group of columns)
 *   G+1 "Weight (edit)": input cells over the criteria (named KA_AttractivenessWeights,
 *       KA_StrengthWeights)
 *   G+2 lowest, G+3 highest value of each criterion over the listed accounts (MIN, MAX)
 *   G+4 header of the table (Excel table "KA_PortfolioMatrix"), accounts from G+5:
 *       Customer | <revenue> (bubble size) | Tier | attractiveness criteria | strength
 *       criteria | normalised attractiveness criteria | normalised strength criteria |
 *       Attractiveness score | Strength score | Quadrant
 *   right of the table: the cuts (inputs, =MEDIAN(...) by default; KA_AttractivenessCut,
 *   KA_StrengthCut), the legend (quadrant, high/low, strategy, COUNTIF of accounts), the chart.
 *
 * Formulas (portable), row r:
 *   normalised  IF(ISNUMBER(x_r), IF(max>min, (x_r−min)/(max−min), 0.5), "")
 *   score       IF(COUNT(n_r)=0, "", 100*MIN(1, MAX(0, SUMPRODUCT(w, n_r)/SUMPRODUCT(w, --ISNUMBER(n_r)))))
 *               = scoring.scoreAccounts (constant criterion 0.5, blanks renormalised)
 *   quadrant    IF(ROUND(A_r,9)>=ROUND(cutA,9), IF(ROUND(S_r,9)>=ROUND(cutS,9), Strategic, Star),
 *               IF(ROUND(S_r,9)>=ROUND(cutS,9), Status, Streamline)), labels read from the legend.
 *   Equal to the cut counts as high; ROUND(,9) keeps floating-point noise in the scores from
 *   deciding a tie with the cut.
 *
 * Live mode: KA.SCORE over the criteria block per axis and KA.MATRIX over the two score
 * spills (no normalised columns, no Excel table). The sales table has one row per order line,
 * so the per-customer criteria on the sheet stay values computed at generation.
 */
import { Quadrant, QUADRANTS, quadrantOf } from "../engine/matrix";
import { Portfolio } from "../engine/portfolio";
import { scoreAccounts, normaliseCriterion } from "../engine/scoring";
import { median, minMax } from "../engine/stats";
import { TIER_LOSS, TIER_NONE } from "../engine/tiers";
import { list, text } from "../strings";
import { a1, Cell, SheetModel } from "./model";
import { axesOf, AxisName, FEW, listedAccounts, weightsOf } from "./matrix-axes";
import { abs, FORMAT, fx, numberOrBlank, range, SheetBuilder } from "./sheet-builder";
import { SheetOptions, Translate } from "./sheet-options";
import { colSpan, countIf, quoted, rowSpan, uniqueHeaders } from "./formula-text";
import { excelRound } from "./number-text";
import { measureValues } from "../engine/account-facts";

export { FEW };

export interface MatrixOptions extends SheetOptions {
  /** "all" customers with a value, the top N by value, or (default) the first two tiers. */
  readonly accounts?: "all" | number;
  /** One weight ≥ 0 per criterion of each axis (not all 0); default equal weights. */
  readonly weights?: { readonly attractiveness: readonly number[]; readonly strength: readonly number[] };
}

const TAB_COLOR = "2F5597";
const QUADRANT_FILLS: Record<(typeof QUADRANTS)[number], string> = {
  Strategic: "C6EFCE",
  Star: "FFEB9C",
  Status: "DDEBF7",
  Streamline: "EDEDED",
};

export function buildMatrixSheet(p: Portfolio, options: MatrixOptions): SheetModel {
  const loc = options.locale;
  const t: Translate = (key, args) => text(loc, `sheet.matrix.${key}`, args);
  const live = !!options.live;
  const a = p.analysis;
  const b = new SheetBuilder();
  const revenue = p.revenue ?? measureValues(p); // revenue, or the measure when revenue is not mapped
  const sizeName = p.revenue ? (options.columnNames?.revenue ?? t("proxy.revenue")) : p.measureName;

  const axes = axesOf(p, revenue, sizeName, t);
  const weights = weightsOf(axes, options.weights);

  // Accounts: listed (by the option), then placed (a value on a weighted criterion of both axes).
  const { ids: listed, selection } = listedAccounts(p, options.accounts, t);
  const placeable = (axis: AxisName, id: number) =>
    axes[axis].criteria.some((c, j) => weights[axis][j] > 0 && c.values[id] === c.values[id]);
  const placed = listed.filter((id) => placeable("attractiveness", id) && placeable("strength", id));
  const isPlaced = new Set(placed);
  const excluded = listed.filter((id) => !isPlaced.has(id));

  b.cell(0, 0, t("title"), { style: "title" });
  const sub = [t("subtitle", { count: placed.length, selection })];
  const date = options.generated;
  if (date) sub.push(t("generated", { date }));

  const notes: { text: string; style: "note" | "warning" }[] = [
    { text: t("note.axes"), style: "note" },
    { text: t("note.scoring"), style: "note" },
  ];
  for (const axis of ["attractiveness", "strength"] as const) {
    if (!axes[axis].proxies) continue;
    const names = axes[axis].criteria.map((c) => c.name).join(t("listSeparator"));
    notes.push({
      text: axes[axis].criteria.length ? t(`note.proxies.${axis}`, { list: names }) : t("note.noData", { axis: t(`axis.${axis}`) }),
      style: "warning",
    });
  }
  if (excluded.length) {
    const shown = excluded
      .slice(0, 10)
      .map((id) => a.customers.names[id])
      .join(t("listSeparator"));
    notes.push({
      text: t("note.excluded", {
        count: excluded.length,
        names: excluded.length > 10 ? t("andMore", { names: shown, more: excluded.length - 10 }) : shown,
      }),
      style: "warning",
    });
  }
  const sizes = placed.map((id) => revenue[id]);
  const bubbles = sizes.every((x) => x > 0);
  if (placed.length && !bubbles) notes.push({ text: t("note.noBubbles", { name: sizeName }), style: "note" });
  if (live) notes.push({ text: t("note.live"), style: "note" });

  // Legend positions are needed by the quadrant formulas: compute the columns first.
  const A = axes.attractiveness.criteria;
  const S = axes.strength.criteria;
  const col = {
    customer: 0,
    size: 1,
    tier: 2,
    critA: 3,
    critS: 3 + A.length,
    normA: 3 + A.length + S.length,
    normS: 3 + 2 * A.length + S.length,
    scoreA: 3 + 2 * (A.length + S.length),
    scoreS: 4 + 2 * (A.length + S.length),
    quadrant: 5 + 2 * (A.length + S.length),
  };
  if (live) {
    col.scoreA = col.normA;
    col.scoreS = col.scoreA + 1;
    col.quadrant = col.scoreS + 1;
  }
  const width = col.quadrant + 1;
  const X = width + 1;
  // Subtitle and notes: merged over the table's width and wrapped (they print with it).
  const wide = (row: number, value: string, style: "subtitle" | "note" | "warning") => {
    b.block(row, 0, [[value]], { style, wrap: true });
    b.merges.push(range(row, 0, 1, width));
  };
  wide(1, sub.join(" · "), "subtitle");
  notes.forEach((n, i) => wide(2 + i, n.text, n.style));
  const G = 2 + notes.length + 1;

  // Legend: the quadrant label cells the formulas read.
  // Cuts, legend and chart start below the table's header row (G + 4): that row prints on every
  // page and is tall (wrapped headers), so it stays out of their print area and stays empty in
  // their columns.
  const cutRow = G + 5;
  const legendTitle = cutRow + 4;
  const legendFirst = legendTitle + 2;
  const labelCell = (q: Quadrant) => abs(legendFirst + q, X);
  const quadrantLabels = QUADRANTS.map((q) => text(loc, `matrix.${q}`));

  if (placed.length === 0) {
    b.cell(G, 0, t("nothingToPlace"), { style: "warning" });
    legend(b, t, quadrantLabels, legendTitle, X, null);
    return b.build({ key: "matrix", name: t("sheetName"), tabColor: TAB_COLOR });
  }

  const m = placed.length;
  const H = G + 4;
  const first = H + 1;
  const last = first + m - 1;

  // Scores as the engine computes them, over the placed accounts only.
  const scoresOf = (axis: AxisName) => {
    const crit = axes[axis].criteria;
    const values = new Float64Array(m * crit.length);
    crit.forEach((c, j) => placed.forEach((id, i) => (values[j * m + i] = c.values[id])));
    return scoreAccounts({ rows: m, cols: crit.length, values }, weights[axis], new Array<number>(crit.length).fill(1)).scores;
  };
  const scoreA = scoresOf("attractiveness");
  const scoreS = scoresOf("strength");
  const cutA = median(scoreA);
  const cutS = median(scoreS);
  const r9 = (x: number) => excelRound(x, 9);
  const quadrants = placed.map((_, i) => quadrantOf(r9(scoreA[i]), r9(scoreS[i]), r9(cutA), r9(cutS)));

  // Group headers, weights, lowest and highest.
  const group = (c0: number, n: number, label: string) => {
    if (n === 0) return;
    b.cell(G, c0, label, { style: "section", wrap: true });
    if (n > 1) b.merges.push(range(G, c0, 1, n));
  };
  group(col.critA, A.length, t("group.critA"));
  group(col.critS, S.length, t("group.critS"));
  if (!live) {
    group(col.normA, A.length, t("group.normA"));
    group(col.normS, S.length, t("group.normS"));
  }
  group(col.scoreA, 2, t("group.scores"));
  b.block(G + 1, 0, [[t("row.weights")]], { style: "body" });
  const allCrit = [...A, ...S];
  const allW = [...weights.attractiveness, ...weights.strength];
  b.block(G + 1, col.critA, [allW], { style: "input", numberFormats: allW.map(() => FORMAT.number) });
  b.names.push({ name: "KA_AttractivenessWeights", range: range(G + 1, col.critA, 1, A.length), comment: t("nameComment.weightsA") });
  b.names.push({ name: "KA_StrengthWeights", range: range(G + 1, col.critS, 1, S.length), comment: t("nameComment.weightsS") });
  const bounds = allCrit.map((c) => {
    const [lo, hi] = minMax(placed.map((id) => c.values[id]));
    return lo === lo ? [lo, hi] : [0, 0]; // MIN/MAX of no number is 0 in Excel
  });
  if (!live) {
    b.block(G + 2, 0, [[t("row.lowest")], [t("row.highest")]], { style: "note" });
    b.block(
      G + 2,
      col.critA,
      [
        allCrit.map((_, j) => fx(`MIN(${colSpan(col.critA + j, first, last)})`, bounds[j][0])),
        allCrit.map((_, j) => fx(`MAX(${colSpan(col.critA + j, first, last)})`, bounds[j][1])),
      ],
      { style: "note", numberFormats: allCrit.map(() => FORMAT.number) },
    );
  }

  // The table.
  const lossLabel = list(loc, "tier.loss")[0];
  const tierOf = (id: number) =>
    a.tiers.tiers[id] === TIER_LOSS ? lossLabel : a.tiers.tiers[id] === TIER_NONE ? "" : a.spec.labels[a.tiers.tiers[id]];
  const headers = uniqueHeaders([
    t("header.customer"),
    t("header.size", { name: sizeName }),
    t("header.tier"),
    ...allCrit.map((c) => c.name),
    ...(live ? [] : allCrit.map((c) => t("header.normalised", { name: c.name }))),
    t("header.scoreA"),
    t("header.scoreS"),
    t("header.quadrant"),
  ]);
  const head = b.block(H, 0, [headers], { style: "header", wrap: true });
  const norm = allCrit.map((c) => {
    const out = new Float64Array(m);
    normaliseCriterion(
      Float64Array.from(placed, (id) => c.values[id]),
      1,
      out,
    );
    return out;
  });
  const cutACell = abs(cutRow + 1, X + 1);
  const cutSCell = abs(cutRow + 2, X + 1);
  const rows: Cell[][] = placed.map((id, i) => {
    const r = first + i;
    const row: Cell[] = [a.customers.names[id], numberOrBlank(revenue[id]), tierOf(id)];
    allCrit.forEach((c) => row.push(numberOrBlank(c.values[id])));
    if (!live) {
      allCrit.forEach((_, j) => {
        const x = a1(r, col.critA + j);
        const lo = abs(G + 2, col.critA + j);
        const hi = abs(G + 3, col.critA + j);
        row.push(fx(`IF(ISNUMBER(${x}),IF(${hi}>${lo},(${x}-${lo})/(${hi}-${lo}),0.5),"")`, norm[j][i] === norm[j][i] ? norm[j][i] : ""));
      });
      const score = (n0: number, n: number, w0: number) => {
        const nr = rowSpan(r, n0, n0 + n - 1);
        const wr = rowSpan(G + 1, w0, w0 + n - 1, true);
        return `IF(COUNT(${nr})=0,"",100*MIN(1,MAX(0,SUMPRODUCT(${wr},${nr})/SUMPRODUCT(${wr},--ISNUMBER(${nr})))))`;
      };
      row.push(fx(score(col.normA, A.length, col.critA), scoreA[i]), fx(score(col.normS, S.length, col.critS), scoreS[i]));
      const sa = a1(r, col.scoreA);
      const ss = a1(r, col.scoreS);
      const highS = `ROUND(${ss},9)>=ROUND(${cutSCell},9)`;
      row.push(
        fx(
          `IF(OR(${sa}="",${ss}=""),"",IF(ROUND(${sa},9)>=ROUND(${cutACell},9),IF(${highS},${labelCell(Quadrant.Strategic)},${labelCell(Quadrant.Star)}),IF(${highS},${labelCell(Quadrant.Status)},${labelCell(Quadrant.Streamline)})))`,
          quadrantLabels[quadrants[i]],
        ),
      );
    } else if (i === 0) {
      const scoreSpill = (c0: number, n: number, v: number) => ({
        ...fx(`KA.SCORE(${abs(first, c0)}:${abs(last, c0 + n - 1)},${rowSpan(G + 1, c0, c0 + n - 1, true)})`, v),
        spill: { rows: m, cols: 1 },
      });
      row.push(scoreSpill(col.critA, A.length, scoreA[0]), scoreSpill(col.critS, S.length, scoreS[0]));
      row.push({
        ...fx(
          `KA.MATRIX(${colSpan(col.scoreA, first, last)},${colSpan(col.scoreS, first, last)},${cutACell},${cutSCell},${abs(legendFirst, X)}:${abs(legendFirst + 3, X)},${quoted(loc)})`,
          quadrantLabels[quadrantOf(scoreA[0], scoreS[0], cutA, cutS)],
        ),
        spill: { rows: m, cols: 1 },
      });
    }
    return row;
  });
  const formats = [
    null,
    FORMAT.money,
    null,
    ...allCrit.map(() => FORMAT.number),
    ...(live ? [] : allCrit.map(() => FORMAT.ratio)),
    FORMAT.score,
    FORMAT.score,
    null,
  ];
  if (live) {
    // The spill anchors sit in the first row; the cells below them stay free for the spill.
    const fixed = rows.map((r) => r.slice(0, col.scoreA));
    b.block(first, 0, fixed, {
      style: "body",
      numberFormats: formats.slice(0, col.scoreA),
      align: fixed[0].map((_, j) => (j === col.tier ? "center" : null)),
    });
    rows[0].slice(col.scoreA).forEach((c, j) =>
      b.spill(first, col.scoreA + j, c as Parameters<SheetBuilder["spill"]>[2], {
        style: "body",
        numberFormats: [formats[col.scoreA + j]],
      }),
    );
  } else {
    const body = b.block(first, 0, rows, {
      style: "body",
      numberFormats: formats,
      align: rows[0].map((_, j) => (j === col.tier || j === col.quadrant ? "center" : null)),
    });
    b.tables.push({ name: "KA_PortfolioMatrix", range: { ...head, rows: 1 + body.rows }, style: "TableStyleMedium9" });
  }

  // Cuts, legend, chart.
  b.cell(cutRow, X, t("section.cuts"), { style: "section" });
  b.block(cutRow + 1, X, [[t("cut.attractiveness")], [t("cut.strength")]], { style: "body" });
  b.block(
    cutRow + 1,
    X + 1,
    [[fx(`MEDIAN(${colSpan(col.scoreA, first, last)})`, cutA)], [fx(`MEDIAN(${colSpan(col.scoreS, first, last)})`, cutS)]],
    { style: "input", numberFormats: [FORMAT.score] },
  );
  b.names.push({ name: "KA_AttractivenessCut", range: range(cutRow + 1, X + 1), comment: t("nameComment.cutA") });
  b.names.push({ name: "KA_StrengthCut", range: range(cutRow + 2, X + 1), comment: t("nameComment.cutS") });
  const counts = [0, 0, 0, 0];
  for (const q of quadrants) counts[q]++;
  const legendEnd = legend(b, t, quadrantLabels, legendTitle, X, {
    range: colSpan(col.quadrant, first, last),
    counts: live ? null : counts,
  });

  const anchor = b.reserve(range(legendEnd + 2, X, 20, 8), "portfolio chart");
  b.charts.push({
    kind: "portfolio",
    title: t("chart.title"),
    anchor,
    series: [
      {
        name: t("chart.series"),
        categories: range(first, col.scoreS, m),
        values: range(first, col.scoreA, m),
        ...(bubbles ? { sizes: range(first, col.size, m) } : {}),
        type: bubbles ? "bubble" : "scatter",
        axis: "primary",
        color: "2F5597",
      },
    ],
    xAxisTitle: t("chart.x"),
    yAxisTitle: t("chart.y"),
    referenceLines: [
      { axis: "x", value: cutS, label: t("chart.strengthCut") },
      { axis: "y", value: cutA, label: t("chart.attractivenessCut") },
    ],
    // The cuts are editable inputs: the lines follow those cells.
    referenceCells: [range(cutRow + 2, X + 1), range(cutRow + 1, X + 1)],
  });

  if (!live) {
    QUADRANTS.forEach((q, i) =>
      b.conditionalFormats.push({
        kind: "textEquals",
        range: range(first, col.quadrant, m),
        text: quadrantLabels[i],
        fill: QUADRANT_FILLS[q],
      }),
    );
    b.conditionalFormats.push({ kind: "colorScale", range: range(first, col.scoreA, m, 2), min: "F8696B", mid: "FFEB84", max: "63BE7B" });
  }
  // Widths that fit the headers (wrapped onto up to three lines) and the data.
  b.fitColumns([col.customer], { min: 16, max: 36 });
  b.fitColumns(
    Array.from({ length: col.quadrant }, (_, j) => j + 1),
    { min: 7, max: 16, lines: 3 },
  );
  b.fitColumns([col.quadrant], { min: 10, max: 16 });
  b.width(X - 1, 3);
  return b.build({
    key: "matrix",
    name: t("sheetName"),
    freeze: { rows: first, cols: 1 },
    tabColor: TAB_COLOR,
    // The table prints, landscape, one page wide, its header row on every page.
    // Prints: the table (header on every page), then from a new page the cuts, the legend and the chart.
    print: {
      area: range(0, 0, last + 1, width),
      areas: [range(cutRow, X, anchor.row + anchor.rows - cutRow, Math.max(5, anchor.cols))],
      landscape: true,
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: { from: H, to: H },
    },
  });
}

/** The legend: quadrant, attractiveness high/low, strength high/low, strategy, accounts (COUNTIF). Returns its last row. */
function legend(
  b: SheetBuilder,
  t: Translate,
  labels: readonly string[],
  title: number,
  X: number,
  accounts: { range: string; counts: number[] | null } | null,
): number {
  b.cell(title, X, t("section.legend"), { style: "section" });
  const head = [t("legend.quadrant"), t("legend.attractiveness"), t("legend.strength"), t("legend.strategy")];
  if (accounts?.counts) head.push(t("legend.accounts"));
  b.block(title + 1, X, [head], { style: "header" });
  const hl = (high: boolean) => t(high ? "legend.high" : "legend.low");
  const rows: Cell[][] = QUADRANTS.map((q, i) => {
    const row: Cell[] = [labels[i], hl(q === "Strategic" || q === "Star"), hl(q === "Strategic" || q === "Status"), t(`strategy.${q}`)];
    if (accounts?.counts) row.push(fx(countIf(accounts.range, abs(title + 2 + i, X), labels[i]), accounts.counts[i]));
    return row;
  });
  b.block(title + 2, X, rows, { style: "body", numberFormats: head.map((_, j) => (j === 4 ? FORMAT.count : null)) });
  // Beside the table's rows: one line each (no taller rows).
  b.fitColumns([X, X + 1, X + 2, X + 3, X + 4], { min: 8, max: 48, lines: 1 });
  return title + 1 + QUADRANTS.length;
}
