/**
 * Shared parts of the key-account plan and the risk register (src/sheets/account-plan.ts,
 * src/sheets/risk-register.ts): the options, a per-portfolio context computed once and reused
 * for every account (a benchmark builds 500 plan sheets), a row-by-row sheet writer, the
 * formula builders both sheets use (churn interpolation, risk level bands, scale rules) and
 * the text formatting of data-driven hints.
 *
 * Builders are pure: the same portfolio and options give the same sheet model. Nothing here
 * reads the clock; the generation date is passed in.
 */
import { PortfolioFacts } from "../engine/account-facts";
import { DEFAULT_CHURN_LEVELS } from "../engine/churn";
import { customerKey } from "../engine/input/customer-vector";
import { QuadrantName } from "../engine/matrix";
import { RISK_BANDS } from "../engine/risk";
import { TIER_LOSS, TIER_NONE } from "../engine/tiers";
import { list, Locale, text } from "../strings";
import type { SheetOptions } from "./sheet-builder";
import {
  a1,
  a1Range,
  Block,
  Cell,
  ConditionalFormat,
  FormulaCell,
  HorizontalAlignment,
  ListValidation,
  Literal,
  NamedRange,
  RangeRef,
  SheetModel,
  StyleName,
  TableDef,
} from "./model";

// ---------------------------------------------------------------------------------------------
// Options

/*
 * The options are the builders' shared ones (common.ts SheetOptions: locale, generated,
 * live). Live mode here: the computed figures that have a KA function (churn, opportunity
 * priority, risk score and level) are written as KA.CHURN / KA.PRIORITY / KA.RISK formulas
 * over the sheet's own cells, so the add-in must be loaded to calculate them. Other figures
 * (shares, sums, changes) stay native formulas. live.source (a text, or the source ranges:
 * their value range is shown) only appears in the sheet's note.
 */
export { liveSourceText } from "./sheet-builder";
export type { LiveOptions, SheetOptions } from "./sheet-builder";

/** @deprecated The plan and risk builders take the shared SheetOptions (`generated`; `generatedOn` is still read). */
export type PlanSheetOptions = SheetOptions;

// ---------------------------------------------------------------------------------------------
// Number formats and small cell helpers

export const FMT = {
  money: "#,##0",
  pct: "0.0%",
  pct0: "0%",
  sat: "0.00",
  int: "0",
  date: "yyyy-mm-dd",
} as const;

/** A formula cell; NaN and ±Infinity never reach a sheet (they become ""). */
export function fx(f: string, v: Literal | number): FormulaCell {
  const value = typeof v === "number" && !Number.isFinite(v) ? "" : v;
  return { f, v: value };
}

/** A string literal inside a formula (our own texts only, never data). */
export function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Absolute A1 reference of a cell. */
export const abs = (row: number, col: number): string => a1(row, col, true);

/** A number cell from the engine: NaN becomes a blank cell. */
export function num(x: number): Literal {
  return Number.isFinite(x) ? x : null;
}

// ---------------------------------------------------------------------------------------------
// The sheet writer

export interface Span {
  readonly row: number;
  readonly col: number;
}

/** Accumulates blocks row by row; everything else of the model is collected alongside. */
export class SheetWriter {
  row = 0;
  readonly blocks: Block[] = [];
  readonly merges: RangeRef[] = [];
  readonly validations: ListValidation[] = [];
  readonly names: NamedRange[] = [];
  readonly tables: TableDef[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];

  /** Writes a rectangle at (row, col); does not move the cursor. */
  put(
    row: number,
    col: number,
    cells: readonly (readonly Cell[])[],
    style?: StyleName,
    numberFormats?: readonly (string | null)[],
    wrap?: boolean,
    align?: readonly (HorizontalAlignment | null)[],
  ): void {
    if (cells.length === 0 || cells[0].length === 0) return;
    const block: { -readonly [K in keyof Block]: Block[K] } = { row, col, cells };
    if (style) block.style = style;
    if (numberFormats) block.numberFormats = numberFormats;
    if (wrap) block.wrap = true;
    if (align) block.align = align;
    this.blocks.push(block);
  }

  /** One cell at (row, col). */
  cell(row: number, col: number, value: Cell, style?: StyleName, numberFormat?: string | null): void {
    this.put(row, col, [[value]], style, numberFormat ? [numberFormat] : undefined);
  }

  /** Writes a row of cells at the cursor (from column col) and moves to the next row. */
  line(cells: readonly Cell[], style?: StyleName, numberFormats?: readonly (string | null)[], col = 0, wrap = false): number {
    const r = this.row++;
    this.put(r, col, [cells], style, numberFormats, wrap);
    return r;
  }

  /** A table header row (wrapped: headers are longer than the columns are wide). */
  header(cells: readonly Cell[]): number {
    return this.line(cells, "header", undefined, 0, true);
  }

  skip(n = 1): void {
    this.row += n;
  }

  validate(range: RangeRef, values: readonly string[], prompt?: string): void {
    this.validations.push(prompt ? { range, values, prompt } : { range, values });
  }

  name(name: string, range: RangeRef, comment?: string): void {
    this.names.push(comment ? { name, range, comment } : { name, range });
  }

  model(key: string, name: string, extra: Partial<SheetModel> = {}): SheetModel {
    const m: { -readonly [K in keyof SheetModel]: SheetModel[K] } = { key, name, blocks: this.blocks, ...extra };
    if (this.merges.length) m.merges = this.merges;
    if (this.validations.length) m.validations = this.validations;
    if (this.names.length) m.names = this.names;
    if (this.tables.length) m.tables = this.tables;
    if (this.conditionalFormats.length) m.conditionalFormats = this.conditionalFormats;
    return m;
  }
}

export const range = (row: number, col: number, rows = 1, cols = 1): RangeRef => ({ row, col, rows, cols });

export function tierLabel(ctx: PortfolioFacts, id: number, locale: Locale): string {
  const code = ctx.portfolio.analysis.tiers.tiers[id];
  if (code === TIER_LOSS) return text(locale, "tier.loss");
  if (code === TIER_NONE) return "—";
  return ctx.portfolio.analysis.spec.labels[code] ?? "—";
}

export function quadrantLabel(locale: Locale, qn: QuadrantName): string {
  return list(locale, `matrix.${qn}`)[0];
}

// ---------------------------------------------------------------------------------------------
// Formula builders

/**
 * Churn probability by linear interpolation in an on-sheet table (levels ascending in
 * `levels`, probabilities in `probs`), exactly as KA.CHURN computes it:
 * p(k) + (s − level(k)) / (level(k+1) − level(k)) × (p(k+1) − p(k)), k = MATCH(s, levels, 1).
 */
export function churnInterpolation(s: string, levels: RangeRef, probs: RangeRef): string {
  const L = a1Range(levels, true);
  const P = a1Range(probs, true);
  const k = `MATCH(${s},${L},1)`;
  const lk = `INDEX(${L},${k})`;
  const pk = `INDEX(${P},${k})`;
  return `IF(${s}="","",IF(${s}=${lk},${pk},${pk}+(${s}-${lk})/(INDEX(${L},${k}+1)-${lk})*(INDEX(${P},${k}+1)-${pk})))`;
}

/** The churn formula of a sheet: native interpolation, or KA.CHURN in live mode. */
export function churnCell(s: string, levels: RangeRef, probs: RangeRef, live: boolean, v: number): FormulaCell {
  const table: RangeRef = { row: levels.row, col: levels.col, rows: levels.rows, cols: 2 };
  return fx(live ? `KA.CHURN(${s},${a1Range(table, true)})` : churnInterpolation(s, levels, probs), v);
}

/** The default churn table rows: level name, level, probability. */
export function churnTableRows(locale: Locale): Cell[][] {
  return DEFAULT_CHURN_LEVELS.map((d) => [locale === "zh" ? d.zh[0] : capitalise(d.en[0]), d.level, d.probability]);
}

/** The churn table's source note (the engine's CHURN_SOURCE, in the user's words). */
export function churnSourceNote(locale: Locale): string {
  return text(locale, "sheet.plan.churn.source");
}

/** Risk level of a score by RISK_BANDS: nested IFs from the highest band down. */
export function riskLevelFormula(score: string, locale: Locale): string {
  let expr = q(text(locale, RISK_BANDS[0].key));
  for (const b of RISK_BANDS.slice(1)) expr = `IF(${score}>=${b.from},${q(text(locale, b.key))},${expr})`;
  return `IF(${score}="","",${expr})`;
}

/** Score = likelihood × impact, rounded as KA.RISK rounds (10 decimals). */
export function riskScoreFormula(l: string, i: string): string {
  return `IF(OR(${l}="",${i}=""),"",ROUND(${l}*${i},10))`;
}

export function liveRiskFormula(l: string, i: string, locale: Locale, column: 1 | 2): string {
  return `INDEX(KA.RISK(${l},${i},${q(locale)}),1,${column})`;
}

/** Status values of checklists and actions. */
export function statusValues(locale: Locale): string[] {
  return ["notStarted", "inProgress", "done", "blocked"].map((k) => text(locale, `sheet.plan.status.${k}`));
}

export function todoText(locale: Locale): string {
  return text(locale, "sheet.plan.todo");
}

// ---------------------------------------------------------------------------------------------
// Text formatting for hints (deterministic: fixed en-US grouping, U+2212 minus)

const MINUS = "\u2212";
const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function fmtMoney(x: number): string {
  const s = GROUPED.format(Math.abs(x));
  return x < 0 && s !== "0" ? MINUS + s : s;
}

export function fmtPct(x: number): string {
  const p = x * 100;
  const digits = Math.abs(p) < 10 ? 1 : 0;
  const s = Math.abs(p).toFixed(digits);
  return (p < 0 && Number(s) !== 0 ? MINUS : "") + s + "%";
}

export function fmtSignedPct(x: number): string {
  const s = fmtPct(x);
  return x > 0 && !/^0(\.0)?%$/.test(s) ? `+${s}` : s;
}

export function fmtNumber(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  return (x < 0 && Number(s) !== 0 ? MINUS : "") + s;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Month label plus n months ("2025-12" + 1 → "2026-01"). */
export function addMonths(label: string, n: number): string {
  const y = Number(label.slice(0, 4));
  const m = Number(label.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = (((m % 12) + 12) % 12) + 1;
  return `${yy}-${mm < 10 ? "0" : ""}${mm}`;
}

/** The sheet key of a customer's plan: its name as customers are matched (trimmed, lower case). */
export function planKey(name: string, id: number): string {
  const k = customerKey(name);
  return k === "" ? `plan:#${id}` : `plan:${k}`;
}
