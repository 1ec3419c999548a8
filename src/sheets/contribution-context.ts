/**
 * What both forms of the contribution sheet (portable and live) share: the fixed rows of the
 * top of the sheet, the context read from the portfolio, the title, subtitle and headline,
 * and the tier borders (editable input cells the tier formulas read).
 */
import { concentrationOf, ConcentrationFigures } from "../engine/concentration";
import { Portfolio } from "../engine/portfolio";
import { Locale, text } from "../strings";
import { abs, FORMAT, fx, range, SheetBuilder } from "./sheet-builder";
import { Translate } from "./sheet-options";
import { percentTextFormula, quoted, templateFormula } from "./formula-text";
import { percentText, thresholdText } from "./number-text";
import { measureValues } from "../engine/account-facts";
import { Cell, RangeRef } from "./model";

import type { ContributionOptions } from "./contribution";

const TITLE = 0;
const SUBTITLE = 1;
const HEADLINE = 2;
export const NOTE = 3;
export const HEADER = 4;
export const FIRST = 5;
export const DEFAULT_CHART_CUSTOMERS = 50;
/** A number format showing nothing (the headline figure: the sentence beside it shows it). */
const HIDDEN = ";;;";
export const TIER_FILLS = ["C6EFCE", "FFEB9C", "FCE4D6", "DDEBF7", "EDEDED", "E4DFEC", "FFF2CC", "D9D9D9", "F2F2F2", "FFFFFF"];
export const TAB_COLOR = "1F6E43";

export type ColumnKey = "rank" | "customer" | "value" | "revenue" | "profit" | "effort" | "share" | "cumulative" | "exclusive" | "tier";
export type MetricKey = "value" | "revenue" | "profit" | "effort";

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

export function contextOf(p: Portfolio, options: ContributionOptions): Context {
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
  const tiers = labels.map((label, i) =>
    i < thresholds.length ? t("tierBelow", { tier: label, pct: thresholdText(thresholds[i]) }) : t("tierRest", { tier: label }),
  );
  const parts = [
    t("source", { columns: columns.filter((s): s is string => !!s).join(", ") }),
    t("scheme", { scheme: c.p.analysis.spec.scheme, tiers: tiers.join(t("listSeparator")) }),
  ];
  if (c.p.analysis.spec.scheme === "AUTO") parts.push(t("autoBorders"));
  const date = options.generated;
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
export function headlineRow(b: SheetBuilder, c: Context, cells: HeadlineCells, lastCol: number): void {
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
  if (!(c.conc.positiveTotal > 0))
    return { sentence: c.t("headlineNone", { measure: c.p.measureName }), fraction: needed.fractionOfCustomers };
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
export function header(b: SheetBuilder, c: Context, options: ContributionOptions, cols: number): void {
  b.cell(TITLE, 0, c.t("title", { measure: c.p.measureName }), { style: "title" });
  wide(b, SUBTITLE, subtitle(c, options), "subtitle", cols);
}

/** A text merged over `cols` columns from A and wrapped (notes that must print within the table's width). */
export function wide(b: SheetBuilder, row: number, value: string, style: "subtitle" | "note", cols: number): void {
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
export function borders(b: SheetBuilder, c: Context, row: number, col: number): Borders {
  const { t, labels, thresholds } = c;
  b.cell(row, col, t("section.borders"), { style: "section" });
  b.block(row + 1, col, [[t("header.tier"), t("header.border")]], { style: "header" });
  const first = row + 2;
  b.block(
    first,
    col,
    labels.map((l) => [l]),
    { style: "body" },
  );
  b.block(
    first,
    col + 1,
    thresholds.map((x) => [x]),
    { style: "input", numberFormats: [FORMAT.percent] },
  );
  b.cell(first + thresholds.length, col + 1, t("rest"), { style: "note" });
  const borderRange = range(first, col + 1, thresholds.length, 1);
  thresholds.forEach((_, i) => {
    b.names.push({
      name: `KA_Threshold${String.fromCharCode(65 + i)}`,
      range: range(first + i, col + 1),
      comment: t("nameComment.border", { tier: labels[i] }),
    });
  });
  b.names.push({ name: "KA_Thresholds", range: borderRange, comment: t("nameComment.borders") });
  return {
    labelCells: labels.map((_, i) => abs(first + i, col)),
    borderCells: thresholds.map((_, i) => abs(first + i, col + 1)),
    borderRange,
    next: first + labels.length + 1,
  };
}

export const isMetric = (key: ColumnKey): key is MetricKey => key === "value" || key === "revenue" || key === "profit" || key === "effort";

export function headerOf(c: Context, key: ColumnKey): string {
  return isMetric(key) ? c.headers[key] : c.t(`header.${key}`);
}

export function formatOf(key: ColumnKey): string | null {
  switch (key) {
    case "rank":
      return FORMAT.integer;
    case "value":
    case "revenue":
    case "profit":
      return FORMAT.money;
    case "effort":
      return FORMAT.hours;
    case "share":
    case "cumulative":
    case "exclusive":
      return FORMAT.percent;
    default:
      return null;
  }
}

export function tierFormula(value: string, exclusive: string, bord: Borders): string {
  const k = bord.borderCells.length;
  let f = bord.labelCells[k];
  for (let i = k - 1; i >= 0; i--) f = `IF(ROUND(${exclusive},12)<ROUND(${bord.borderCells[i]},12),${bord.labelCells[i]},${f})`;
  return `IF(${value}<=0,${bord.labelCells[k]},${f})`;
}

export function allCustomers(p: Portfolio): number[] {
  return [...p.analysis.ranking.order, ...p.analysis.losses];
}

export function sumOf(x: Float64Array, ids: readonly number[]): number {
  let s = 0;
  for (const id of ids) if (x[id] === x[id]) s += x[id];
  return s;
}
