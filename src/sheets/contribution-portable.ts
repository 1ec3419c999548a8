/**
 * The portable contribution sheet: native formulas only (see contribution.ts for the layout
 * and the formulas). A layout fixes every position first; each section then writes its block.
 */
import { Portfolio } from "../engine/portfolio";
import { tierSums, TierSums } from "../engine/tier-sums";
import { TIER_LOSS, TIER_NONE } from "../engine/tiers";
import { list, text } from "../strings";
import { abs, FORMAT, fx, numberOrBlank, range, SheetBuilder } from "./sheet-builder";
import { colSpan, countIf, sumIf, uniqueHeaders } from "./formula-text";
import { percentText } from "./number-text";
import { a1, Cell, HorizontalAlignment, SheetModel } from "./model";

import type { ContributionOptions } from "./contribution";
import {
  NOTE,
  HEADER,
  FIRST,
  DEFAULT_CHART_CUSTOMERS,
  TIER_FILLS,
  TAB_COLOR,
  ColumnKey,
  MetricKey,
  contextOf,
  headlineRow,
  header,
  wide,
  borders,
  isMetric,
  headerOf,
  formatOf,
  tierFormula,
  allCustomers,
  sumOf,
} from "./contribution-context";

export function buildPortable(p: Portfolio, options: ContributionOptions): SheetModel {
  const layout = portableLayout(p, options);
  reconciliation(layout);
  belowTable(layout, customerTable(layout));
  const summary = tierSummary(layout);
  const figures = concentrationFigures(layout, summary.sumTotal);
  // Headline: one sentence formula over the figures; the note below it.
  const { b, c, t, keys, T } = layout;
  headlineRow(
    b,
    c,
    {
      fraction: figures.headlineCell,
      count: figures.countCell,
      customers: figures.allCount,
      measure: summary.measureCell,
      positiveTotal: T,
    },
    keys.length - 1,
  );
  wide(b, NOTE, t("note"), "note", keys.length);
  paretoChart(layout, figures.concTitle, figures.concEnd, summary.sideColumns);
  return finish(layout, summary.sideColumns);
}

/** Where everything of the portable sheet is (rows, columns, spans), fixed before any section writes. */
type PortableLayout = ReturnType<typeof portableLayout>;

/** The context, the title and the tier borders, and the positions every section refers to. */
function portableLayout(p: Portfolio, options: ContributionOptions) {
  const c = contextOf(p, options);
  const { t, loc, conc, labels, metrics } = c;
  const a = p.analysis;
  const { order, ranks } = a.ranking;
  const { names, totals, noCustomer, totalRows } = a.customers;
  // Total rows of the source (total-rows.ts) get a line below the table and two in the
  // reconciliation, so that the figures still add up to SUM over the source column.
  const leftOut = totalRows.rows.length;
  const tiers = a.tiers.tiers;
  const m = order.length;
  const lossLabel = list(loc, "tier.loss")[0];
  const b = new SheetBuilder();

  // Columns of the customer table.
  const keys: ColumnKey[] = ["rank", "customer", "value"];
  for (const key of ["revenue", "profit", "effort"] as const) if (metrics[key]) keys.push(key);
  keys.push("share", "cumulative", "exclusive", "tier");
  header(b, c, options, keys.length);
  const col = {} as Record<ColumnKey, number>;
  keys.forEach((key, i) => (col[key] = i));
  const metricKeys = (["value", "revenue", "profit", "effort"] as const).filter((key) => metrics[key]);
  const L = (key: ColumnKey, r: number) => a1(r, col[key]);

  const bodyRows = Math.max(1, m); // an Excel table needs a data row even when no customer has a value >= 0
  const last = FIRST + bodyRows - 1;
  const span = (key: ColumnKey) => colSpan(col[key], FIRST, last);

  // Right-hand side column, then the blocks that the table's formulas refer to.
  const X = keys.length + 1;
  const bord = borders(b, c, HEADER, X);

  // Below the table: losses, the no-customer line, the total.
  const lossTitle = last + 2;
  const lossFirst = lossTitle + 2;
  const lossRows = Math.max(1, a.losses.length);
  const lossLast = lossFirst + lossRows - 1;
  const noCustRow = lossLast + 1;
  const totalRowsRow = noCustRow + 1; // only with total rows
  const totalRow = noCustRow + 1 + (leftOut > 0 ? 1 : 0);
  const lossSpan = (key: ColumnKey) => colSpan(col[key], lossFirst, lossLast);

  const formats = keys.map((key) => formatOf(key));
  const align = keys.map((key): HorizontalAlignment | null => (key === "rank" ? "center" : key === "tier" ? "center" : null));

  // Reconciliation: the shares' denominator and the net total.
  const recTitle = bord.next;
  const rec = recTitle + 1;
  const T = abs(rec, X + 1);
  const lossValue = conc.lossValue;
  return {
    p,
    options,
    b,
    c,
    t,
    loc,
    conc,
    labels,
    metrics,
    a,
    order,
    ranks,
    names,
    totals,
    noCustomer,
    totalRows,
    leftOut,
    tiers,
    m,
    lossLabel,
    keys,
    col,
    metricKeys,
    L,
    bodyRows,
    last,
    span,
    X,
    bord,
    lossFirst,
    lossLast,
    lossTitle,
    noCustRow,
    totalRowsRow,
    totalRow,
    lossSpan,
    recTitle,
    rec,
    T,
    lossValue,
    formats,
    align,
  };
}

/** Reconciliation: the positive total (the shares' denominator), losses, no customer, the net total. */
function reconciliation(layout: PortableLayout): void {
  const { b, t, a, noCustomer, totalRows, leftOut, col, span, X, noCustRow, totalRowsRow, lossSpan, recTitle, rec, lossValue } = layout;
  b.cell(recTitle, X, t("section.reconciliation"), { style: "section" });
  b.rows(rec, X, [
    { cells: [t("positiveTotal"), fx(`SUM(${span("value")})`, a.tiers.positiveTotal)], format: FORMAT.money },
    { cells: [t("losses"), fx(`SUM(${lossSpan("value")})`, lossValue)], format: FORMAT.money },
    { cells: [t("noCustomer"), fx(abs(noCustRow, col.value), noCustomer.value)], format: FORMAT.money },
    {
      cells: [t(leftOut > 0 ? "netTotalLessTotalRows" : "netTotal"), fx(`SUM(${colSpan(X + 1, rec, rec + 2)})`, a.netTotal)],
      format: FORMAT.money,
    },
    ...(leftOut > 0
      ? [
          { cells: [t("totalRows", { count: leftOut }), fx(abs(totalRowsRow, col.value), totalRows.value)], format: FORMAT.money },
          { cells: [t("sourceTotal"), fx(`SUM(${colSpan(X + 1, rec + 3, rec + 4)})`, a.netTotal + totalRows.value)], format: FORMAT.money },
        ]
      : []),
  ]);
  b.names.push({ name: "KA_PositiveTotal", range: range(rec, X + 1), comment: t("nameComment.positiveTotal") });
  b.names.push({ name: "KA_NetTotal", range: range(rec + 3, X + 1), comment: t("nameComment.netTotal") });
}

/** The customer table (an Excel table), one row per ranked customer; returns its headers. */
function customerTable(layout: PortableLayout): string[] {
  const {
    b,
    c,
    t,
    labels,
    metrics,
    a,
    order,
    ranks,
    names,
    totals,
    tiers,
    m,
    lossLabel,
    keys,
    col,
    metricKeys,
    L,
    bodyRows,
    bord,
    T,
    formats,
    align,
  } = layout;
  // The customer table.
  const headers = uniqueHeaders(keys.map((key) => headerOf(c, key)));
  const tableHeader = b.block(HEADER, 0, [headers], { style: "header", wrap: true });
  const tierLabel = (id: number) => (tiers[id] === TIER_LOSS ? lossLabel : tiers[id] === TIER_NONE ? "" : labels[tiers[id]]);
  const rows: Cell[][] = new Array<Cell[]>(bodyRows);
  if (m === 0) rows[0] = keys.map((key) => (key === "customer" ? t("noRanked") : null));
  const metricColumns = metricKeys.map((key) => [col[key], present(metrics[key], `${key} values`)] as const);
  let exclusive = 0;
  for (let j = 0; j < m; j++) {
    const id = order[j];
    const r = FIRST + j;
    if (j > 0 && totals[id] !== totals[order[j - 1]]) exclusive = a.cumulativeShare[j - 1];
    const row: Cell[] = new Array<Cell>(keys.length);
    row[col.rank] = ranks[j];
    row[col.customer] = names[id];
    for (const [cc, values] of metricColumns) row[cc] = numberOrBlank(values[id]);
    row[col.share] = fx(`IF(${T}>0,${L("value", r)}/${T},0)`, a.share[j]);
    row[col.cumulative] = fx(
      j === 0 ? `MIN(1,${L("share", r)})` : `MIN(1,${L("cumulative", r - 1)}+${L("share", r)})`,
      a.cumulativeShare[j],
    );
    row[col.exclusive] =
      j === 0 ? 0 : fx(`IF(${L("value", r)}=${L("value", r - 1)},${L("exclusive", r - 1)},${L("cumulative", r - 1)})`, exclusive);
    row[col.tier] = fx(tierFormula(L("value", r), L("exclusive", r), bord), tierLabel(id));
    rows[j] = row;
  }
  const body = b.block(FIRST, 0, rows, { style: "body", numberFormats: formats, align });
  b.tables.push({ name: "KA_Contribution", range: { ...tableHeader, rows: 1 + body.rows }, style: "TableStyleMedium2" });
  return headers;
}

/** Below the table: the loss-making customers, the no-customer line, the total. */
function belowTable(layout: PortableLayout, headers: readonly string[]): void {
  const {
    p,
    b,
    t,
    loc,
    metrics,
    a,
    names,
    noCustomer,
    totalRows,
    leftOut,
    lossLabel,
    keys,
    col,
    span,
    lossTitle,
    lossFirst,
    noCustRow,
    totalRowsRow,
    totalRow,
    lossSpan,
    formats,
    align,
  } = layout;
  // Losses, no customer, total.
  b.cell(lossTitle, 0, t("section.losses"), { style: "section" });
  b.block(lossTitle + 1, 0, [keys.map((key, i) => (["rank", "share", "cumulative", "exclusive"].includes(key) ? "" : headers[i]))], {
    style: "header",
    wrap: true,
  });
  const lossCells: Cell[][] = a.losses.length
    ? a.losses.map((id) =>
        keys.map((key) =>
          key === "customer"
            ? names[id]
            : key === "tier"
              ? lossLabel
              : isMetric(key) && metrics[key]
                ? numberOrBlank(metrics[key][id])
                : null,
        ),
      )
    : [keys.map((key) => (key === "customer" ? t("none") : null))];
  b.block(lossFirst, 0, lossCells, { style: "body", numberFormats: formats, align });
  const noCust = keys.map((key): Cell =>
    key === "customer" ? text(loc, "pareto.noCustomer", { count: noCustomer.rows }) : key === "value" ? noCustomer.value : null,
  );
  b.block(noCustRow, 0, [noCust], { style: "body", numberFormats: formats });
  if (leftOut > 0) {
    const cells = keys.map((key): Cell =>
      key === "customer" ? t("totalRows", { count: leftOut }) : key === "value" ? totalRows.value : null,
    );
    b.block(totalRowsRow, 0, [cells], { style: "body", numberFormats: formats });
  }
  const totalCells = keys.map((key): Cell => {
    if (key === "customer") return t("total");
    if (!isMetric(key) || !metrics[key]) return null;
    const f = `SUM(${span(key)})+SUM(${lossSpan(key)})`;
    if (key === "value") return fx(`${f}+${abs(noCustRow, col.value)}`, a.netTotal);
    return fx(f, sumOf(metrics[key], allCustomers(p)));
  });
  b.block(totalRow, 0, [totalCells], { style: "total", numberFormats: formats });
  wide(b, totalRow + 1, t(leftOut > 0 ? "totalNoteTotalRows" : "totalNote"), "note", keys.length);
}

/** The summary by tier (counts, sums and shares per tier, the loss-makers apart). */
function tierSummary(layout: PortableLayout): { sumTotal: number; measureCell: string; sideColumns: number } {
  const { b, c, t, conc, labels, metrics, a, leftOut, lossLabel, metricKeys, span, X, bord, lossSpan, rec, T } = layout;
  // Summary by tier.
  const sumTitle = rec + 5 + (leftOut > 0 ? 2 : 0);
  const sumHeader = sumTitle + 1;
  const sumFirst = sumHeader + 1;
  const lossSumRow = sumFirst + labels.length;
  const sumTotal = lossSumRow + 1;
  const sumCols: { header: string; metric?: MetricKey; pct?: boolean }[] = [
    { header: t("header.tier") },
    { header: t("header.customers") },
    { header: t("header.customersPct"), pct: true },
  ];
  for (const key of metricKeys) {
    sumCols.push(
      { header: c.headers[key], metric: key },
      { header: t(key === "value" ? "header.valuePct" : `header.${key}Pct`, { name: c.headers[key] }), metric: key, pct: true },
    );
  }
  b.cell(sumTitle, X, t("section.summary"), { style: "section" });
  b.block(sumHeader, X, [sumCols.map((s) => s.header)], { style: "header" });
  const measureCell = abs(sumHeader, X + 3); // the summary's value header: exactly the measure's name
  const customersCell = abs(sumTotal, X + 1);
  const perTier = Object.fromEntries(metricKeys.map((key) => [key, tierSums(a, metrics[key] ?? [])])) as Partial<
    Record<MetricKey, TierSums>
  >;
  const sumsOf = (key: MetricKey): TierSums => present(perTier[key], `tier sums of ${key}`);
  const tierCounts = sumsOf("value").counts;
  const sumRows: Cell[][] = [];
  for (let i = 0; i <= labels.length; i++) {
    const isLoss = i === labels.length;
    const r = sumFirst + i;
    const labelRef = bord.labelCells[i];
    const row: Cell[] = [isLoss ? lossLabel : fx(labelRef, labels[i])];
    const count = isLoss ? a.losses.length : tierCounts[i];
    const hereLabel = abs(r, X);
    row.push(fx(isLoss ? `COUNT(${lossSpan("value")})` : countIf(span("tier"), hereLabel, labels[i]), count));
    row.push(fx(`IF(${customersCell}>0,${abs(r, X + 1)}/${customersCell},0)`, conc.customers > 0 ? count / conc.customers : 0));
    let cc = X + 3;
    for (const key of metricKeys) {
      const sums = sumsOf(key);
      const s = isLoss ? sums.lossSum : sums.sums[i];
      row.push(fx(isLoss ? `SUM(${lossSpan(key)})` : sumIf(span("tier"), hereLabel, labels[i], span(key)), s));
      if (key === "value") {
        row.push(isLoss ? "" : fx(`IF(${T}>0,${abs(r, cc)}/${T},0)`, a.tiers.positiveTotal > 0 ? s / a.tiers.positiveTotal : 0));
      } else {
        const total = sums.total;
        row.push(fx(`IF(${abs(sumTotal, cc)}=0,0,${abs(r, cc)}/${abs(sumTotal, cc)})`, total === 0 ? 0 : s / total));
      }
      cc += 2;
    }
    sumRows.push(row);
  }
  const totalSum: Cell[] = [t("total")];
  for (let j = 1; j < sumCols.length; j++) {
    const s = sumCols[j];
    const seg = colSpan(X + j, sumFirst, s.metric === "value" && s.pct ? lossSumRow - 1 : lossSumRow);
    let v: number;
    if (!s.metric) v = s.pct ? (conc.customers > 0 ? 1 : 0) : conc.customers;
    else if (s.metric === "value") v = s.pct ? (a.tiers.positiveTotal > 0 ? 1 : 0) : sumsOf("value").total;
    else v = s.pct ? (sumsOf(s.metric).total === 0 ? 0 : 1) : sumsOf(s.metric).total;
    totalSum.push(fx(`SUM(${seg})`, v));
  }
  const sumFormats = sumCols.map((s, j) =>
    j === 0 ? null : s.pct ? FORMAT.percent : s.metric ? (s.metric === "effort" ? FORMAT.hours : FORMAT.money) : FORMAT.count,
  );
  b.block(sumFirst, X, sumRows, { style: "body", numberFormats: sumFormats });
  b.block(sumTotal, X, [totalSum], { style: "total", numberFormats: sumFormats });
  b.cell(sumTotal + 1, X, t(metrics.effort ? "summaryNoteEffort" : "summaryNote"), { style: "note" });
  return { sumTotal, measureCell, sideColumns: sumCols.length };
}

/** The concentration figures (customers for 50/80/90%, top-N shares, HHI, Gini, losses). */
function concentrationFigures(
  layout: PortableLayout,
  sumTotal: number,
): { concTitle: number; concEnd: number; headlineCell: string; countCell: string; allCount: string } {
  const { b, t, loc, conc, m, col, span, X, lossSpan, rec, T } = layout;
  // Concentration figures.
  const concTitle = sumTotal + 3;
  const concFirst = concTitle + 2;
  b.cell(concTitle, X, t("section.concentration"), { style: "section" });
  b.block(concTitle + 1, X, [[text(loc, "concentration.header.metric"), text(loc, "concentration.header.value")]], { style: "header" });
  const V = (i: number) => abs(concFirst + i, X + 1);
  const allCount = V(1);
  const concRows: { cells: Cell[]; format: string | null }[] = [
    {
      cells: [text(loc, "concentration.positiveCustomers"), fx(`COUNTIF(${span("value")},">0")`, conc.positiveCustomers)],
      format: FORMAT.count,
    },
    {
      cells: [text(loc, "concentration.customers"), fx(`COUNT(${span("value")})+COUNT(${lossSpan("value")})`, conc.customers)],
      format: FORMAT.count,
    },
    { cells: [text(loc, "concentration.positiveTotal"), fx(T, conc.positiveTotal)], format: FORMAT.money },
    { cells: [text(loc, "concentration.netTotal"), fx(abs(rec + 3, X + 1), conc.netTotal)], format: FORMAT.money },
  ];
  let headlineCell = "";
  let countCell = "";
  for (const n of conc.needed) {
    const pct = percentText(n.share);
    const countRow = concFirst + concRows.length;
    concRows.push({
      cells: [
        text(loc, "concentration.customersFor", { pct }),
        fx(`SUMPRODUCT((ROUND(${span("exclusive")},12)<${n.share})*(${span("value")}>0))`, n.count),
      ],
      format: FORMAT.count,
    });
    if (n.share === 0.8) {
      headlineCell = abs(countRow + 1, X + 1);
      countCell = abs(countRow, X + 1);
    }
    concRows.push({
      cells: [
        text(loc, "concentration.customersForPct", { pct }),
        fx(`IF(${allCount}>0,${abs(countRow, X + 1)}/${allCount},0)`, n.fractionOfCustomers),
      ],
      format: FORMAT.percent,
    });
  }
  for (const s of conc.topShares) {
    concRows.push({
      cells: [text(loc, "concentration.topShare", { n: s.n }), fx(a1(FIRST + Math.max(0, Math.min(s.n, m) - 1), col.cumulative), s.share)],
      format: FORMAT.percent,
    });
  }
  const n = `COUNT(${span("value")})`;
  concRows.push(
    { cells: [text(loc, "concentration.hhi"), fx(`SUMPRODUCT(${span("share")},${span("share")})*10000`, conc.hhi)], format: FORMAT.count },
    {
      cells: [
        text(loc, "concentration.gini"),
        fx(`IF(OR(${n}<2,${T}<=0),0,MIN(1,MAX(0,2*SUM(${span("cumulative")})/${n}-(${n}+1)/${n})))`, conc.gini),
      ],
      format: FORMAT.ratio,
    },
    { cells: [text(loc, "concentration.lossCount"), fx(`COUNT(${lossSpan("value")})`, conc.lossCount)], format: FORMAT.count },
    { cells: [text(loc, "concentration.lossValue"), fx(abs(rec + 1, X + 1), conc.lossValue)], format: FORMAT.money },
    { cells: [text(loc, "concentration.noCustomerCount"), conc.noCustomerRows], format: FORMAT.count },
    { cells: [text(loc, "concentration.noCustomerValue"), fx(abs(rec + 2, X + 1), conc.noCustomerValue)], format: FORMAT.money },
  );
  b.rows(concFirst, X, concRows);
  const concEnd = concFirst + concRows.length;
  b.cell(concEnd, X, t("concentrationNote"), { style: "note" });
  return { concTitle, concEnd, headlineCell, countCell, allCount };
}

/** The Pareto chart over a small data block: the top customers and the rest summed. */
function paretoChart(layout: PortableLayout, concTitle: number, concEnd: number, sideColumns: number): void {
  const { p, options, b, c, t, loc, a, order, names, totals, m, col, L, last, X } = layout;
  if (a.tiers.positiveTotal > 0) {
    const shown = Math.min(m, Math.max(1, Math.floor(options.chartCustomers ?? DEFAULT_CHART_CUSTOMERS)));
    const dataTitle = concEnd + 2;
    const dataFirst = dataTitle + 2;
    b.cell(dataTitle, X, t("section.chartData", { n: shown }), { style: "section" });
    b.block(dataTitle + 1, X, [[t("header.customer"), c.headers.value, t("header.cumulative")]], { style: "header" });
    const data: Cell[][] = [];
    for (let j = 0; j < shown; j++) {
      const r = FIRST + j;
      data.push([fx(L("customer", r), names[order[j]]), fx(L("value", r), totals[order[j]]), fx(L("cumulative", r), a.cumulativeShare[j])]);
    }
    if (shown < m) {
      let rest = 0;
      for (let j = shown; j < m; j++) rest += totals[order[j]];
      data.push([
        text(loc, "pareto.other", { count: m - shown }),
        fx(`SUM(${colSpan(col.value, FIRST + shown, last, false)})`, rest),
        fx(L("cumulative", last), a.cumulativeShare[m - 1]),
      ]);
    }
    b.block(dataFirst, X, data, { style: "body", numberFormats: [null, FORMAT.money, FORMAT.percent] });
    // The columns of the top customers only: "Other" (often more than all of them together)
    // would flatten them; the cumulative line still is the share of all customers at each rank.
    // Beside the concentration figures, under the summary (the side blocks stay as wide as the summary).
    const anchor = b.reserve(range(concTitle, X + 3, Math.max(18, concEnd - concTitle), Math.max(6, sideColumns - 3)), "Pareto chart");
    const categories = range(dataFirst, X, shown);
    b.charts.push({
      kind: "pareto",
      title: shown < m ? t("chart.titleTop", { measure: p.measureName, n: shown }) : t("chart.title", { measure: p.measureName }),
      anchor,
      series: [
        { name: c.headers.value, categories, values: range(dataFirst, X + 1, shown), type: "column", axis: "primary", color: "2E75B6" },
        {
          name: t("header.cumulative"),
          categories,
          values: range(dataFirst, X + 2, shown),
          type: "line",
          axis: "secondary",
          color: "C55A11",
        },
      ],
      xAxisTitle: t("chart.x"),
      yAxisTitle: p.measureName,
      y2AxisTitle: t("header.cumulative"),
      referenceLines: [{ axis: "y2", value: 0.8, label: "80%" }],
      y2Max: 1,
      yAxisFormat: FORMAT.count,
    });
  }
}

/** Formats that help reading, column widths, print setup. */
function finish(layout: PortableLayout, sideColumns: number): SheetModel {
  const { b, t, labels, a, m, lossLabel, keys, col, X, lossFirst, totalRow } = layout;
  // Formats that help reading.
  if (m > 0) {
    b.conditionalFormats.push({ kind: "dataBar", range: range(FIRST, col.value, m), color: "5B9BD5" });
    labels.forEach((label, i) =>
      b.conditionalFormats.push({
        kind: "textEquals",
        range: range(FIRST, col.tier, m),
        text: label,
        fill: TIER_FILLS[i % TIER_FILLS.length],
      }),
    );
  }
  if (a.losses.length)
    b.conditionalFormats.push({
      kind: "textEquals",
      range: range(lossFirst, col.tier, a.losses.length),
      text: lossLabel,
      fill: "FFC7CE",
      font: "9C0006",
    });
  b.fitColumns(
    keys.map((_, i) => i),
    { min: 6, max: 42 },
  );
  // The side blocks share rows with the table: their headers stay on one line (no taller rows).
  b.fitColumns(
    Array.from({ length: sideColumns }, (_, j) => X + j),
    { min: 8, max: 48, lines: 1 },
  );
  b.width(X - 1, 3);
  return b.build({
    key: "contribution",
    name: t("sheetName"),
    freeze: { rows: FIRST, cols: 2 },
    tabColor: TAB_COLOR,
    // The customer table prints: portrait pages one page wide, its header on every page.
    print: {
      area: range(0, 0, totalRow + 2, keys.length),
      landscape: false,
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: { from: HEADER, to: HEADER },
    },
  });
}

/** An entry there by construction (a metric of metricKeys, the tier sums of one): else a bug, said plainly. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: no ${what} on the contribution sheet`);
  return value;
}
