/**
 * The 80/20 contribution sheet for finance (domain.md §2): per-customer table, tier borders,
 * reconciliation, per-tier summary, concentration figures and a Pareto chart.
 *
 * Layout (0-based rows; columns depend on which optional columns the portfolio has):
 *   row 0  title               row 1  subtitle (columns, scheme and borders, generated date)
 *   row 2  A: the headline figure (the concentration block's "customers for 80%, % of
 *          customers"), a formula whose number format hides it; B: the headline, ONE formula
 *          building the sentence from the figures (the template from the strings resources,
 *          the measure's name read from a cell, never written into formula text); the engine's
 *          sentence as its value
 *   row 3  note (subtitle and note are merged over the table's width and wrapped, so they print)
 *   row 4  header of the customer table (an Excel table "KA_Contribution"), data from row 5,
 *          one row per customer with a value >= 0, in the engine's ranking order:
 *          Rank | Customer | <measure> | [Revenue] | [Profit] | [Effort] | Share |
 *          Cumulative share | Exclusive share | Tier
 *   below the table, after one blank row: loss-making customers (outside the shares), the
 *          no-customer line and the Total line (reconciles with SUM over the source column)
 *   right of the table (one blank column between), from row 4 down: tier borders (input
 *          cells, named KA_ThresholdA, KA_ThresholdB, …), reconciliation (the positive
 *          total: the shares' denominator, KA_PositiveTotal), summary by tier, concentration
 *          figures, the chart's data (top N customers, then "Other" for reference); the chart
 *          beside the concentration figures, under the summary: the top N customers' columns
 *          only (the cumulative line is still the share of all customers at each rank), value
 *          axis #,##0.
 *
 * Widths fit the headers and the data (common.ts fitColumns); long headers wrap. Print: the
 * customer table (title to the total), portrait, one page wide, its header row repeated on
 * every page; the side blocks and the chart are for the screen.
 *
 * Formulas (portable mode), for table row r (first data row 5, i.e. A1 row 6):
 *   Share            IF($T>0, C_r/$T, 0)            ($T: the positive total cell)
 *   Cumulative share MIN(1, E_r)  first row;  MIN(1, F_{r-1}+E_r) after
 *   Exclusive share  0 first row;  IF(C_r=C_{r-1}, G_{r-1}, F_{r-1}) after (ties share it)
 *   Tier             IF(C_r<=0, <last label>, IF(ROUND(G_r,12)<ROUND(<border 1>,12), <label 1>, …))
 *   ROUND(…,12) on both sides keeps floating-point noise from moving a customer across a
 *   border that it meets exactly (the engine decides borders in exact decimal arithmetic).
 *   Every row refers to itself and the row above only: O(n) cells, no per-row range.
 *   Summary rows use COUNTIF/SUMIF over the table (one per tier, not per customer).
 *
 * Live mode (options.live): KA.PARETO and KA.CONCENTRATION over the source ranges, spilling,
 * with the tier borders still editable input cells; no Excel table (spills cannot sit in one)
 * and no chart (its size would follow the spill).
 */
import { concentrationOf, ConcentrationFigures } from "../engine/concentration";
import { concentrationTable } from "../engine/formulas/concentration";
import { paretoTable } from "../engine/formulas/pareto";
import { Portfolio } from "../engine/portfolio";
import { tierSums, TierSums } from "../engine/tier-sums";
import { TIER_LOSS, TIER_NONE } from "../engine/tiers";
import { list, Locale, text } from "../strings";
import { abs, FORMAT, fx, numberOrBlank, range, SheetBuilder } from "./sheet-builder";
import { generatedDate, liveRanges, SheetOptions, Translate } from "./sheet-options";
import { colSpan, countIf, percentTextFormula, quoted, sourceRef, sumIf, templateFormula, uniqueHeaders } from "./formula-text";
import { formattedText, percentText, thresholdText } from "./number-text";
import { fitWidth } from "./column-widths";
import { measureValues } from "../engine/account-facts";
import { a1, Cell, HorizontalAlignment, RangeRef, SheetModel } from "./model";

export interface ContributionOptions extends SheetOptions {
  /** Customers shown one by one in the Pareto chart before the rest is summed as "Other" (default 50). */
  readonly chartCustomers?: number;
}

const TITLE = 0;
const SUBTITLE = 1;
const HEADLINE = 2;
const NOTE = 3;
const HEADER = 4;
const FIRST = 5;
const DEFAULT_CHART_CUSTOMERS = 50;
/** A number format showing nothing (the headline figure: the sentence beside it shows it). */
const HIDDEN = ";;;";
const TIER_FILLS = ["C6EFCE", "FFEB9C", "FCE4D6", "DDEBF7", "EDEDED", "E4DFEC", "FFF2CC", "D9D9D9", "F2F2F2", "FFFFFF"];
const TAB_COLOR = "1F6E43";

type ColumnKey = "rank" | "customer" | "value" | "revenue" | "profit" | "effort" | "share" | "cumulative" | "exclusive" | "tier";
type MetricKey = "value" | "revenue" | "profit" | "effort";

export function buildContributionSheet(portfolio: Portfolio, options: ContributionOptions): SheetModel {
  return options.live ? buildLive(portfolio, options) : buildPortable(portfolio, options);
}

/** Per-customer sums of a column, or null when absent or identical to the measure (no duplicate column). */
function distinctFromMeasure(p: Portfolio, x: Float64Array | null): Float64Array | null {
  if (!x) return null;
  const measure = measureValues(p);
  for (let i = 0; i < x.length; i++) if (!(x[i] === measure[i] || (x[i] !== x[i] && measure[i] !== measure[i]))) return x;
  return null;
}

interface Context {
  readonly p: Portfolio;
  readonly loc: Locale;
  readonly t: Translate;
  readonly conc: ConcentrationFigures;
  readonly labels: readonly string[];
  readonly thresholds: readonly number[];
  readonly metrics: Partial<Record<MetricKey, Float64Array>>;
  readonly headers: Record<MetricKey, string>;
}

function contextOf(p: Portfolio, options: ContributionOptions): Context {
  const loc = options.locale;
  const t: Translate = (key, args) => text(loc, `sheet.contribution.${key}`, args);
  const metrics: Partial<Record<MetricKey, Float64Array>> = { value: measureValues(p) };
  const revenue = distinctFromMeasure(p, p.revenue);
  const profit = distinctFromMeasure(p, p.profit);
  if (revenue) metrics.revenue = revenue;
  if (profit) metrics.profit = profit;
  if (p.effort) metrics.effort = p.effort;
  const names = options.columnNames ?? {};
  return {
    p,
    loc,
    t,
    conc: concentrationOf(p.analysis),
    labels: p.analysis.spec.labels,
    thresholds: p.analysis.tiers.thresholds,
    metrics,
    headers: {
      value: p.measureName,
      revenue: names.revenue ?? t("header.revenue"),
      profit: names.profit ?? t("header.profit"),
      effort: names.effort ?? t("header.effort"),
    },
  };
}

function subtitle(c: Context, options: ContributionOptions): string {
  const { t, labels, thresholds } = c;
  const columns = [options.columnNames?.customer, c.p.measureName];
  for (const k of ["revenue", "profit", "effort"] as const) if (c.metrics[k]) columns.push(c.headers[k]);
  const tiers = labels.map((label, i) => (i < thresholds.length ? t("tierBelow", { tier: label, pct: thresholdText(thresholds[i]) }) : t("tierRest", { tier: label })));
  const parts = [
    t("source", { columns: columns.filter((s): s is string => !!s).join(", ") }),
    t("scheme", { scheme: c.p.analysis.spec.scheme, tiers: tiers.join(t("listSeparator")) }),
  ];
  if (c.p.analysis.spec.scheme === "AUTO") parts.push(t("autoBorders"));
  const date = generatedDate(options);
  if (date) parts.push(t("generated", { date }));
  return parts.join(" · ");
}

/** Cells the headline formula reads. */
interface HeadlineCells {
  /** Fraction of customers needed for 80% (the hidden figure in A). */
  readonly fraction: string;
  readonly count: string;
  readonly customers: string;
  /** A cell holding exactly the measure's name. */
  readonly measure: string;
  /** The positive total (no 80/20 split without one). */
  readonly positiveTotal: string;
}

/**
 * The headline row: A the figure (hidden by its number format: the sentence shows it), B the
 * sentence as one formula over the figures, C… up to the table's last column styled alike.
 */
function headlineRow(b: SheetBuilder, c: Context, cells: HeadlineCells, lastCol: number): void {
  const h = headline(c);
  const f = templateFormula(text(c.loc, "sheet.contribution.headline"), {
    pct: percentTextFormula(abs(HEADLINE, 0)), // the figure beside it
    count: cells.count,
    customers: cells.customers,
    share: quoted("80%"),
    measure: cells.measure,
  });
  const none = templateFormula(text(c.loc, "sheet.contribution.headlineNone"), { measure: cells.measure });
  b.cell(HEADLINE, 0, fx(cells.fraction, h.fraction), { style: "section", numberFormats: [HIDDEN] });
  b.cell(HEADLINE, 1, fx(`IF(${cells.positiveTotal}>0,${f},${none})`, h.sentence), { style: "section" });
  if (lastCol > 1) b.block(HEADLINE, 2, [new Array<Cell>(lastCol - 1).fill(null)], { style: "section" });
}

/** The headline sentence and the fraction it states (customers needed for 80%, tier rule). */
function headline(c: Context): { sentence: string; fraction: number } {
  const needed = c.conc.needed.find((n) => n.share === 0.8);
  if (!needed) throw new Error("concentration lacks the 80% figure");
  if (!(c.conc.positiveTotal > 0)) return { sentence: c.t("headlineNone", { measure: c.p.measureName }), fraction: needed.fractionOfCustomers };
  return {
    sentence: c.t("headline", {
      pct: percentText(needed.fractionOfCustomers),
      count: needed.count,
      customers: c.conc.customers,
      share: "80%",
      measure: c.p.measureName,
    }),
    fraction: needed.fractionOfCustomers,
  };
}

/** Title, and the subtitle merged over the table's width (`cols`) and wrapped so that it prints. */
function header(b: SheetBuilder, c: Context, options: ContributionOptions, cols: number): void {
  b.cell(TITLE, 0, c.t("title", { measure: c.p.measureName }), { style: "title" });
  wide(b, SUBTITLE, subtitle(c, options), "subtitle", cols);
}

/** A text merged over `cols` columns from A and wrapped (notes that must print within the table's width). */
function wide(b: SheetBuilder, row: number, value: string, style: "subtitle" | "note", cols: number): void {
  b.block(row, 0, [[value]], { style, wrap: true });
  if (cols > 1) b.merges.push(range(row, 0, 1, cols));
}

interface Borders {
  /** Absolute addresses of the tier label cells (one per tier) and the border cells (one per threshold). */
  readonly labelCells: readonly string[];
  readonly borderCells: readonly string[];
  readonly borderRange: RangeRef;
  readonly next: number;
}

/** Tier borders as input cells: label | exclusive share below (a percent), one row per tier. */
function borders(b: SheetBuilder, c: Context, row: number, col: number): Borders {
  const { t, labels, thresholds } = c;
  b.cell(row, col, t("section.borders"), { style: "section" });
  b.block(row + 1, col, [[t("header.tier"), t("header.border")]], { style: "header" });
  const first = row + 2;
  b.block(first, col, labels.map((l) => [l]), { style: "body" });
  b.block(first, col + 1, thresholds.map((x) => [x]), { style: "input", numberFormats: [FORMAT.percent] });
  b.cell(first + thresholds.length, col + 1, t("rest"), { style: "note" });
  const borderRange = range(first, col + 1, thresholds.length, 1);
  thresholds.forEach((_, i) => {
    b.names.push({ name: `KA_Threshold${String.fromCharCode(65 + i)}`, range: range(first + i, col + 1), comment: t("nameComment.border", { tier: labels[i] }) });
  });
  b.names.push({ name: "KA_Thresholds", range: borderRange, comment: t("nameComment.borders") });
  return {
    labelCells: labels.map((_, i) => abs(first + i, col)),
    borderCells: thresholds.map((_, i) => abs(first + i, col + 1)),
    borderRange,
    next: first + labels.length + 1,
  };
}

function buildPortable(p: Portfolio, options: ContributionOptions): SheetModel {
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
  const k = c.thresholds.length;
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

  // Reconciliation: the shares' denominator and the net total.
  const recTitle = bord.next;
  const rec = recTitle + 1;
  const T = abs(rec, X + 1);
  const lossValue = conc.lossValue;
  b.cell(recTitle, X, t("section.reconciliation"), { style: "section" });
  b.rows(rec, X, [
    { cells: [t("positiveTotal"), fx(`SUM(${span("value")})`, a.tiers.positiveTotal)], format: FORMAT.money },
    { cells: [t("losses"), fx(`SUM(${lossSpan("value")})`, lossValue)], format: FORMAT.money },
    { cells: [t("noCustomer"), fx(abs(noCustRow, col.value), noCustomer.value)], format: FORMAT.money },
    { cells: [t(leftOut > 0 ? "netTotalLessTotalRows" : "netTotal"), fx(`SUM(${colSpan(X + 1, rec, rec + 2)})`, a.netTotal)], format: FORMAT.money },
    ...(leftOut > 0
      ? [
          { cells: [t("totalRows", { count: leftOut }), fx(abs(totalRowsRow, col.value), totalRows.value)], format: FORMAT.money },
          { cells: [t("sourceTotal"), fx(`SUM(${colSpan(X + 1, rec + 3, rec + 4)})`, a.netTotal + totalRows.value)], format: FORMAT.money },
        ]
      : []),
  ]);
  b.names.push({ name: "KA_PositiveTotal", range: range(rec, X + 1), comment: t("nameComment.positiveTotal") });
  b.names.push({ name: "KA_NetTotal", range: range(rec + 3, X + 1), comment: t("nameComment.netTotal") });

  // The customer table.
  const headers = uniqueHeaders(keys.map((key) => headerOf(c, key)));
  const tableHeader = b.block(HEADER, 0, [headers], { style: "header", wrap: true });
  const tierLabel = (id: number) => (tiers[id] === TIER_LOSS ? lossLabel : tiers[id] === TIER_NONE ? "" : labels[tiers[id]]);
  const rows: Cell[][] = new Array(bodyRows);
  if (m === 0) rows[0] = keys.map((key) => (key === "customer" ? t("noRanked") : null));
  let exclusive = 0;
  for (let j = 0; j < m; j++) {
    const id = order[j];
    const r = FIRST + j;
    if (j > 0 && totals[id] !== totals[order[j - 1]]) exclusive = a.cumulativeShare[j - 1];
    const row: Cell[] = new Array(keys.length);
    row[col.rank] = ranks[j];
    row[col.customer] = names[id];
    for (const key of metricKeys) row[col[key]] = numberOrBlank(metrics[key]![id]);
    row[col.share] = fx(`IF(${T}>0,${L("value", r)}/${T},0)`, a.share[j]);
    row[col.cumulative] = fx(j === 0 ? `MIN(1,${L("share", r)})` : `MIN(1,${L("cumulative", r - 1)}+${L("share", r)})`, a.cumulativeShare[j]);
    row[col.exclusive] = j === 0 ? 0 : fx(`IF(${L("value", r)}=${L("value", r - 1)},${L("exclusive", r - 1)},${L("cumulative", r - 1)})`, exclusive);
    row[col.tier] = fx(tierFormula(L("value", r), L("exclusive", r), bord), tierLabel(id));
    rows[j] = row;
  }
  const formats = keys.map((key) => formatOf(key));
  const align = keys.map((key): HorizontalAlignment | null => (key === "rank" ? "center" : key === "tier" ? "center" : null));
  const body = b.block(FIRST, 0, rows, { style: "body", numberFormats: formats, align });
  b.tables.push({ name: "KA_Contribution", range: { ...tableHeader, rows: 1 + body.rows }, style: "TableStyleMedium2" });

  // Losses, no customer, total.
  b.cell(lossTitle, 0, t("section.losses"), { style: "section" });
  b.block(lossTitle + 1, 0, [keys.map((key, i) => (["rank", "share", "cumulative", "exclusive"].includes(key) ? "" : headers[i]))], { style: "header", wrap: true });
  const lossCells: Cell[][] = a.losses.length
    ? a.losses.map((id) => keys.map((key) => (key === "customer" ? names[id] : key === "tier" ? lossLabel : isMetric(key) && metrics[key] ? numberOrBlank(metrics[key]![id]) : null)))
    : [keys.map((key) => (key === "customer" ? t("none") : null))];
  b.block(lossFirst, 0, lossCells, { style: "body", numberFormats: formats, align });
  const noCust = keys.map((key): Cell => (key === "customer" ? text(loc, "pareto.noCustomer", { count: noCustomer.rows }) : key === "value" ? noCustomer.value : null));
  b.block(noCustRow, 0, [noCust], { style: "body", numberFormats: formats });
  if (leftOut > 0) {
    const cells = keys.map((key): Cell => (key === "customer" ? t("totalRows", { count: leftOut }) : key === "value" ? totalRows.value : null));
    b.block(totalRowsRow, 0, [cells], { style: "body", numberFormats: formats });
  }
  const totalCells = keys.map((key): Cell => {
    if (key === "customer") return t("total");
    if (!isMetric(key) || !metrics[key]) return null;
    const f = `SUM(${span(key)})+SUM(${lossSpan(key)})`;
    if (key === "value") return fx(`${f}+${abs(noCustRow, col.value)}`, a.netTotal);
    return fx(f, sumOf(metrics[key]!, allCustomers(p)));
  });
  b.block(totalRow, 0, [totalCells], { style: "total", numberFormats: formats });
  wide(b, totalRow + 1, t(leftOut > 0 ? "totalNoteTotalRows" : "totalNote"), "note", keys.length);

  // Summary by tier.
  const sumTitle = rec + 5 + (leftOut > 0 ? 2 : 0);
  const sumHeader = sumTitle + 1;
  const sumFirst = sumHeader + 1;
  const lossSumRow = sumFirst + labels.length;
  const sumTotal = lossSumRow + 1;
  const sumCols: { header: string; metric?: MetricKey; pct?: boolean }[] = [{ header: t("header.tier") }, { header: t("header.customers") }, { header: t("header.customersPct"), pct: true }];
  for (const key of metricKeys) {
    sumCols.push({ header: c.headers[key], metric: key }, { header: t(key === "value" ? "header.valuePct" : `header.${key}Pct`, { name: c.headers[key] }), metric: key, pct: true });
  }
  b.cell(sumTitle, X, t("section.summary"), { style: "section" });
  b.block(sumHeader, X, [sumCols.map((s) => s.header)], { style: "header" });
  const measureCell = abs(sumHeader, X + 3); // the summary's value header: exactly the measure's name
  const customersCell = abs(sumTotal, X + 1);
  const perTier = Object.fromEntries(metricKeys.map((key) => [key, tierSums(a, metrics[key] ?? [])])) as Partial<Record<MetricKey, TierSums>>;
  const tierCounts = perTier.value!.counts;
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
      const sums = perTier[key]!;
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
    else if (s.metric === "value") v = s.pct ? (a.tiers.positiveTotal > 0 ? 1 : 0) : perTier.value!.total;
    else v = s.pct ? (perTier[s.metric]!.total === 0 ? 0 : 1) : perTier[s.metric]!.total;
    totalSum.push(fx(`SUM(${seg})`, v));
  }
  const sumFormats = sumCols.map((s, j) => (j === 0 ? null : s.pct ? FORMAT.percent : s.metric ? (s.metric === "effort" ? FORMAT.hours : FORMAT.money) : FORMAT.count));
  b.block(sumFirst, X, sumRows, { style: "body", numberFormats: sumFormats });
  b.block(sumTotal, X, [totalSum], { style: "total", numberFormats: sumFormats });
  b.cell(sumTotal + 1, X, t(metrics.effort ? "summaryNoteEffort" : "summaryNote"), { style: "note" });

  // Concentration figures.
  const concTitle = sumTotal + 3;
  const concFirst = concTitle + 2;
  b.cell(concTitle, X, t("section.concentration"), { style: "section" });
  b.block(concTitle + 1, X, [[text(loc, "concentration.header.metric"), text(loc, "concentration.header.value")]], { style: "header" });
  const V = (i: number) => abs(concFirst + i, X + 1);
  const allCount = V(1);
  const concRows: { cells: Cell[]; format: string | null }[] = [
    { cells: [text(loc, "concentration.positiveCustomers"), fx(`COUNTIF(${span("value")},">0")`, conc.positiveCustomers)], format: FORMAT.count },
    { cells: [text(loc, "concentration.customers"), fx(`COUNT(${span("value")})+COUNT(${lossSpan("value")})`, conc.customers)], format: FORMAT.count },
    { cells: [text(loc, "concentration.positiveTotal"), fx(T, conc.positiveTotal)], format: FORMAT.money },
    { cells: [text(loc, "concentration.netTotal"), fx(abs(rec + 3, X + 1), conc.netTotal)], format: FORMAT.money },
  ];
  let headlineCell = "";
  let countCell = "";
  for (const n of conc.needed) {
    const pct = percentText(n.share);
    const countRow = concFirst + concRows.length;
    concRows.push({
      cells: [text(loc, "concentration.customersFor", { pct }), fx(`SUMPRODUCT((ROUND(${span("exclusive")},12)<${n.share})*(${span("value")}>0))`, n.count)],
      format: FORMAT.count,
    });
    if (n.share === 0.8) {
      headlineCell = abs(countRow + 1, X + 1);
      countCell = abs(countRow, X + 1);
    }
    concRows.push({
      cells: [text(loc, "concentration.customersForPct", { pct }), fx(`IF(${allCount}>0,${abs(countRow, X + 1)}/${allCount},0)`, n.fractionOfCustomers)],
      format: FORMAT.percent,
    });
  }
  for (const s of conc.topShares) {
    concRows.push({ cells: [text(loc, "concentration.topShare", { n: s.n }), fx(a1(FIRST + Math.max(0, Math.min(s.n, m) - 1), col.cumulative), s.share)], format: FORMAT.percent });
  }
  const n = `COUNT(${span("value")})`;
  concRows.push(
    { cells: [text(loc, "concentration.hhi"), fx(`SUMPRODUCT(${span("share")},${span("share")})*10000`, conc.hhi)], format: FORMAT.count },
    {
      cells: [text(loc, "concentration.gini"), fx(`IF(OR(${n}<2,${T}<=0),0,MIN(1,MAX(0,2*SUM(${span("cumulative")})/${n}-(${n}+1)/${n})))`, conc.gini)],
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

  // Headline: one sentence formula over the figures; the note below it.
  headlineRow(b, c, { fraction: headlineCell, count: countCell, customers: allCount, measure: measureCell, positiveTotal: T }, keys.length - 1);
  wide(b, NOTE, t("note"), "note", keys.length);

  // Pareto chart over a small data block: the top customers and the rest summed.
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
    const anchor = b.reserve(range(concTitle, X + 3, Math.max(18, concEnd - concTitle), Math.max(6, sumCols.length - 3)), "Pareto chart");
    const categories = range(dataFirst, X, shown);
    b.charts.push({
      kind: "pareto",
      title: shown < m ? t("chart.titleTop", { measure: p.measureName, n: shown }) : t("chart.title", { measure: p.measureName }),
      anchor,
      series: [
        { name: c.headers.value, categories, values: range(dataFirst, X + 1, shown), type: "column", axis: "primary", color: "2E75B6" },
        { name: t("header.cumulative"), categories, values: range(dataFirst, X + 2, shown), type: "line", axis: "secondary", color: "C55A11" },
      ],
      xAxisTitle: t("chart.x"),
      yAxisTitle: p.measureName,
      y2AxisTitle: t("header.cumulative"),
      referenceLines: [{ axis: "y2", value: 0.8, label: "80%" }],
      y2Max: 1,
      yAxisFormat: FORMAT.count,
    });
  }

  // Formats that help reading.
  if (m > 0) {
    b.conditionalFormats.push({ kind: "dataBar", range: range(FIRST, col.value, m), color: "5B9BD5" });
    labels.forEach((label, i) => b.conditionalFormats.push({ kind: "textEquals", range: range(FIRST, col.tier, m), text: label, fill: TIER_FILLS[i % TIER_FILLS.length] }));
  }
  if (a.losses.length) b.conditionalFormats.push({ kind: "textEquals", range: range(lossFirst, col.tier, a.losses.length), text: lossLabel, fill: "FFC7CE", font: "9C0006" });
  b.fitColumns(keys.map((_, i) => i), { min: 6, max: 42 });
  // The side blocks share rows with the table: their headers stay on one line (no taller rows).
  b.fitColumns(Array.from({ length: sumCols.length }, (_, j) => X + j), { min: 8, max: 48, lines: 1 });
  b.width(X - 1, 3);
  return b.build({
    key: "contribution",
    name: t("sheetName"),
    freeze: { rows: FIRST, cols: 2 },
    tabColor: TAB_COLOR,
    // The customer table prints: portrait pages one page wide, its header on every page.
    print: { area: range(0, 0, totalRow + 2, keys.length), landscape: false, fitToWidth: 1, fitToHeight: 0, repeatRows: { from: HEADER, to: HEADER } },
  });
}

const isMetric = (key: ColumnKey): key is MetricKey => key === "value" || key === "revenue" || key === "profit" || key === "effort";

function headerOf(c: Context, key: ColumnKey): string {
  return isMetric(key) ? c.headers[key] : c.t(`header.${key}`);
}

function formatOf(key: ColumnKey): string | null {
  switch (key) {
    case "rank": return FORMAT.integer;
    case "value": case "revenue": case "profit": return FORMAT.money;
    case "effort": return FORMAT.hours;
    case "share": case "cumulative": case "exclusive": return FORMAT.percent;
    default: return null;
  }
}

function tierFormula(value: string, exclusive: string, bord: Borders): string {
  const k = bord.borderCells.length;
  let f = bord.labelCells[k];
  for (let i = k - 1; i >= 0; i--) f = `IF(ROUND(${exclusive},12)<ROUND(${bord.borderCells[i]},12),${bord.labelCells[i]},${f})`;
  return `IF(${value}<=0,${bord.labelCells[k]},${f})`;
}

function allCustomers(p: Portfolio): number[] {
  return [...p.analysis.ranking.order, ...p.analysis.losses];
}

function sumOf(x: Float64Array, ids: readonly number[]): number {
  let s = 0;
  for (const id of ids) if (x[id] === x[id]) s += x[id];
  return s;
}

function buildLive(p: Portfolio, options: ContributionOptions): SheetModel {
  const c = contextOf(p, options);
  const { t, loc } = c;
  const source = liveRanges(options.live, "contribution sheet");
  const customer = sourceRef(source.customer, "customer");
  const value = sourceRef(source.value, "value");
  const b = new SheetBuilder();
  const pareto = paretoTable(p.analysis, Infinity, loc);
  const width = pareto[0].length;
  header(b, c, options, width);
  wide(b, NOTE, t("liveNote", { customer, value }), "note", width);

  const X = width + 1;
  const bord = borders(b, c, HEADER, X);
  const thresholds = `${abs(bord.borderRange.row, X + 1)}:${abs(bord.borderRange.row + bord.borderRange.rows - 1, X + 1)}`;
  b.spill(FIRST, 0, {
    ...fx(`KA.PARETO(${customer},${value},,${quoted(p.analysis.spec.scheme)},${thresholds},${quoted(loc)})`, pareto[0][0] as string),
    spill: { rows: pareto.length, cols: width },
  }, { style: "body" });
  // The measure's name in a cell of its own: the headline formula reads it there.
  const measureRow = bord.next;
  b.block(measureRow, X, [[t("measure"), p.measureName]], { style: "body" });
  const concTable = concentrationTable(c.conc, loc);
  const concRow = measureRow + 3;
  b.cell(concRow - 1, X, t("section.concentration"), { style: "section" });
  b.spill(concRow, X, { ...fx(`KA.CONCENTRATION(${value},${customer},${quoted(loc)})`, concTable[0][0] as string), spill: { rows: concTable.length, cols: 2 } }, { style: "body" });
  // The headline reads the spilled figures: "customers needed for 80%" (count and % of customers), all customers, the positive total.
  const spilled = (label: string) => {
    const i = concTable.findIndex((r) => r[0] === label);
    if (i < 0) throw new Error(`KA.CONCENTRATION has no row "${label}"`);
    return abs(concRow + i, X + 1);
  };
  headlineRow(b, c, {
    fraction: spilled(text(loc, "concentration.customersForPct", { pct: "80%" })),
    count: spilled(text(loc, "concentration.customersFor", { pct: "80%" })),
    customers: spilled(text(loc, "concentration.customers")),
    measure: abs(measureRow, X + 1),
    positiveTotal: spilled(text(loc, "concentration.positiveTotal")),
  }, width - 1);
  pareto[0].forEach((h, i) => b.width(i, fitWidth({ header: String(h), texts: i === 1 ? pareto.map((r) => String(r[1])) : [formattedText(c.conc.netTotal, FORMAT.money)], min: 8, max: 42 })));
  b.fitColumns([X, X + 1], { min: 8, max: 48, lines: 1 });
  b.width(X, fitWidth({ texts: concTable.map((r) => String(r[0])), max: 48 }));
  b.width(X - 1, 3);
  return b.build({ key: "contribution", name: t("sheetName"), freeze: { rows: FIRST + 1, cols: 0 }, tabColor: TAB_COLOR });
}
