/**
 * Helpers shared by the sheet builders (contribution, portfolio matrix, and later plan/risk):
 * number formats, options, A1 helpers for formulas, and SheetBuilder, which collects blocks,
 * widths, names, tables, formats and charts and refuses two blocks on the same cells.
 *
 * Conventions for builders (see contribution.ts and portfolio-matrix.ts):
 * - Portable mode: every computed figure is a native Excel formula ({f, v}) over cells of the
 *   same sheet, with the engine's value in v. Only functions Excel and LibreOffice both have;
 *   no dynamic arrays, no names inside formulas (renderers may rename named ranges), absolute
 *   A1 references to input cells instead.
 * - Text from the data goes into cells as plain strings, never into formula text.
 * - Builders are pure: same input, same model (dates come in as options).
 */
import { Portfolio } from "../engine/portfolio";
import { Locale } from "../strings";
import { a1, Block, Cell, ChartDef, ConditionalFormat, FormulaCell, HorizontalAlignment, Literal, ListValidation, NamedRange, PrintSetup, RangeRef, SheetModel, StyleName, TableDef } from "./model";
import { longestWord, textWidth, wrappedLines } from "./text-metrics";

export const FORMAT = {
  money: "#,##0.00",
  percent: "0.0%",
  integer: "0",
  count: "#,##0",
  hours: "#,##0.0",
  score: "0.0",
  number: "#,##0.00",
  ratio: "0.000",
} as const;

/** Source ranges of a live sheet, as A1 references (with the sheet name), e.g. 'Sales'!$A$2:$A$500. */
export interface LiveSource {
  readonly customer: string;
  readonly value: string;
  readonly profit?: string;
  readonly effort?: string;
}

/**
 * Live mode: KA.* formulas instead of the portable native ones. The contribution sheet and
 * the matrix read `source` (the ranges of the sales table, required there); the plan and risk
 * sheets only name it in their note (its value range, or a text such as a sheet name).
 */
export interface LiveOptions {
  readonly source?: LiveSource | string;
}

/** The options every builder takes (contribution, matrix, plan, risk register). */
export interface SheetOptions {
  readonly locale: Locale;
  /**
   * Generation date shown on the sheets, as given (YYYY-MM-DD from the CLI and the task pane):
   * builders never read the clock. The plan and risk sheets need it.
   */
  readonly generated?: string;
  /** @deprecated The plan and risk builders' former name of `generated`; still read when `generated` is absent. */
  readonly generatedOn?: string;
  /** Live mode (see LiveOptions). */
  readonly live?: LiveOptions;
  /** Header names of the source columns, for subtitles and headers. */
  readonly columnNames?: { readonly customer?: string; readonly revenue?: string; readonly profit?: string; readonly effort?: string };
}

/** The generation date of the options (`generated`, or the former `generatedOn`), undefined when none. */
export function generatedDate(options: SheetOptions): string | undefined {
  return options.generated ?? options.generatedOn;
}

/** The generation date, required (plan and risk sheets show it and plan from it). */
export function requiredDate(options: SheetOptions, sheet: string): string {
  const d = generatedDate(options);
  if (d === undefined || d.trim() === "") throw new Error(`${sheet}: options.generated (the generation date, YYYY-MM-DD) is required`);
  return d;
}

/** The source ranges of a live sheet; throws when live mode was asked for without them. */
export function liveRanges(live: LiveOptions, sheet: string): LiveSource {
  const s = live.source;
  if (s === undefined || typeof s === "string" || typeof s.customer !== "string" || typeof s.value !== "string") {
    throw new Error(`${sheet}: live mode needs live.source with the customer and value ranges of the sales table`);
  }
  return s;
}

/** The text naming a live sheet's source (a text, or the value range of LiveSource), or null. */
export function liveSourceText(live: LiveOptions | undefined): string | null {
  const s = live?.source;
  if (typeof s === "string" && s.trim() !== "") return s;
  if (s !== null && typeof s === "object" && typeof s.value === "string") return s.value;
  return null;
}

/** A builder's string lookup under its own key prefix. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/** The tiering measure per customer, NaN where the customer has no value (as Portfolio's other columns). */
export function measureValues(p: Portfolio): Float64Array {
  const { totals, hasValue } = p.analysis.customers;
  return totals.map((x, i) => (hasValue[i] ? x : NaN));
}

/** A per-customer number as a cell: NaN (no value) is a blank cell, never 0. */
export const numberOrBlank = (x: number): Cell => (x === x ? x : null);

export const range = (row: number, col: number, rows = 1, cols = 1): RangeRef => ({ row, col, rows, cols });

/** Absolute address of a cell: $C$7. */
export const abs = (row: number, col: number): string => a1(row, col, true);

/** A1 text of a column segment rows r0..r1 in column c; absolute with $ on both parts. */
export function colSpan(c: number, r0: number, r1: number, absolute = true): string {
  return `${a1(r0, c, absolute)}:${a1(r1, c, absolute)}`;
}

/** A1 text of a row segment columns c0..c1 in row r (relative column, absolute or relative row). */
export function rowSpan(r: number, c0: number, c1: number, absolute = false): string {
  return `${a1(r, c0, absolute)}:${a1(r, c1, absolute)}`;
}

/** A formula cell; v must be a finite number, text, a boolean or null. */
export function fx(f: string, v: Literal): FormulaCell {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`formula ${f}: expected value ${v} is not finite`);
  return { f, v };
}

/** A text literal for a formula ("..." with quotes doubled). Only for builder constants. */
export const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * Whether a text can be a COUNTIF/SUMIF criterion matching itself exactly: wildcards (* ? ~)
 * and a leading comparison operator would change its meaning.
 */
export const safeCriterion = (s: string): boolean => !/[*?~]/.test(s) && !/^[<>=]/.test(s) && s.trim() !== "";

/**
 * COUNTIF(range, labelCell) where the label is a safe criterion, else the exact-match
 * SUMPRODUCT(--(range=labelCell)): labels can be user text with wildcards or operators.
 */
export function countIf(range: string, labelCell: string, label: string): string {
  return safeCriterion(label) ? `COUNTIF(${range},${labelCell})` : `SUMPRODUCT(--(${range}=${labelCell}))`;
}

/** SUMIF(range, labelCell, sumRange), with the same fallback as countIf. */
export function sumIf(range: string, labelCell: string, label: string, sumRange: string): string {
  return safeCriterion(label) ? `SUMIF(${range},${labelCell},${sumRange})` : `SUMPRODUCT((${range}=${labelCell})*${sumRange})`;
}

/** Makes table headers unique (Excel tables require it): a repeated name gets " (2)", " (3)". */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const base = h.trim() === "" ? "-" : h;
    let name = base;
    let n = 1;
    while (seen.has(name.toLowerCase())) name = `${base} (${++n})`;
    seen.set(name.toLowerCase(), 1);
    return name;
  });
}

/** Excel's ROUND: half away from zero on the decimal shown (15 significant digits). */
export function excelRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const y = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(y) / f;
  return x < 0 ? -r : r;
}

/** "18%", "2.5%", "0.4%": whole percent from 10% up, one decimal below. */
export function percentText(x: number): string {
  const p = x * 100;
  const r = excelRound(p, Math.abs(p) >= 10 ? 0 : 1);
  return `${r === 0 ? 0 : r}%`;
}

/**
 * The formula giving percentText of a cell holding a fraction, as text (same digits:
 * Excel's ROUND, and a number joined to text shows as General does).
 */
export function percentTextFormula(cell: string): string {
  return `ROUND(${cell}*100,IF(ABS(${cell}*100)>=10,0,1))&"%"`;
}

/**
 * A formula joining a text template of ours ("{pct} of customers ({count} of {customers})")
 * with formula parts for its placeholders: literal pieces become "…" strings, placeholders
 * the given expressions, joined with &. Every placeholder must be given.
 */
export function templateFormula(template: string, parts: Readonly<Record<string, string>>): string {
  const out: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (!(m[1] in parts)) throw new Error(`template "${template}": no formula for {${m[1]}}`);
    if (m.index! > last) out.push(quoted(template.slice(last, m.index)));
    out.push(`(${parts[m[1]]})`);
    last = m.index! + m[0].length;
  }
  if (last < template.length) out.push(quoted(template.slice(last)));
  return out.length ? out.join("&") : '""';
}

/**
 * A column width (characters) that fits a header and the cells below it: the data never
 * wraps, a long header wraps onto up to `lines` lines (its row grows, see the renderers), no
 * word of it is cut; within [min, max] (max wins over the data only when the data is wider).
 */
export function fitWidth(options: { header?: string; texts?: readonly string[]; min?: number; max?: number; lines?: number }): number {
  const min = options.min ?? 6;
  const max = options.max ?? 50;
  let data = 0;
  for (const s of options.texts ?? []) data = Math.max(data, textWidth(s));
  let width = Math.min(max, Math.max(min, data + 2));
  const header = options.header;
  if (header) {
    // The narrowest width (from the data's) at which the bold header takes at most `lines` lines.
    const lines = Math.max(1, options.lines ?? 2);
    // No word is split: the longest fits on a line (a cell keeps about one character of padding).
    const bold = { bold: true };
    const word = Math.ceil(longestWord(header, bold) + 0.7);
    width = Math.min(max, Math.max(width, word));
    while (width < max && wrappedLines(header, width, bold) > lines) width++;
  }
  return width;
}

/** The text of a number as a format shows it (the formats of FORMAT: grouping, fixed decimals, percent). */
export function formattedText(x: number, format: string | null): string {
  if (!Number.isFinite(x)) return "";
  if (format === null) return String(x);
  const percent = format.endsWith("%");
  const decimals = (/\.(0+)/.exec(format)?.[1].length) ?? 0;
  const grouped = format.includes(",");
  const v = percent ? x * 100 : x;
  const s = v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
  return percent ? `${s}%` : s;
}

/** A threshold as typed by users: up to 2 decimals of a percent, trailing zeros dropped ("80%", "72.35%"). */
export function thresholdText(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}

const REF = /^(?:(?:'(?:[^']|'')+'|[^\s!'"(),;=+\-*/&^<>{}]+)!)?(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)$/;

/** Checks that a live source is a plain A1 reference (optionally sheet-qualified) before it goes into a formula. */
export function sourceRef(s: string, what: string): string {
  const t = s.trim();
  if (!REF.test(t)) throw new Error(`live source ${what}: "${s}" is not an A1 reference such as 'Sales'!$A$2:$A$500`);
  return t;
}

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

export interface BlockOptions {
  readonly style?: StyleName;
  readonly numberFormats?: readonly (string | null)[];
  readonly wrap?: boolean;
  readonly align?: readonly (HorizontalAlignment | null)[];
}

/** Styles whose text overflows into the next cells (or spans a section): not sized by fitColumns. */
const OVERFLOWING: ReadonlySet<StyleName> = new Set<StyleName>(["title", "subtitle", "note", "section", "warning"]);

/** Collects what a sheet holds; every block and reserved area is checked against the others. */
export class SheetBuilder {
  private readonly blocks: Block[] = [];
  private readonly taken: { range: RangeRef; what: string }[] = [];
  private readonly widths: number[] = [];
  readonly merges: RangeRef[] = [];
  readonly tables: TableDef[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly validations: ListValidation[] = [];
  readonly names: NamedRange[] = [];
  readonly charts: ChartDef[] = [];

  /** Marks cells as used without writing them (a spill area, a chart's anchor). */
  reserve(r: RangeRef, what: string): RangeRef {
    for (const t of this.taken) if (overlaps(t.range, r)) throw new Error(`sheet layout: ${what} overlaps ${t.what}`);
    this.taken.push({ range: r, what });
    return r;
  }

  /** Writes a rectangle of cells; returns its range. Rows must have equal lengths. */
  block(row: number, col: number, cells: readonly (readonly Cell[])[], options: BlockOptions = {}): RangeRef {
    const cols = cells.length > 0 ? cells[0].length : 0;
    if (cells.length === 0 || cols === 0) throw new Error("sheet layout: empty block");
    for (const r of cells) if (r.length !== cols) throw new Error("sheet layout: ragged block");
    if (options.numberFormats && options.numberFormats.length !== cols) throw new Error("sheet layout: one number format per column");
    if (options.align && options.align.length !== cols) throw new Error("sheet layout: one alignment per column");
    const r = this.reserve(range(row, col, cells.length, cols), `block at ${a1(row, col)}`);
    this.push(row, col, cells, options);
    return r;
  }

  /**
   * A dynamic-array formula (live KA.* functions) and the area it spills to: the whole area
   * is reserved, only the anchor cell is written.
   */
  spill(row: number, col: number, cell: FormulaCell & { readonly spill: { readonly rows: number; readonly cols: number } }, options: BlockOptions = {}): RangeRef {
    const r = this.reserve(range(row, col, cell.spill.rows, cell.spill.cols), `${cell.f.split("(")[0]} spill at ${a1(row, col)}`);
    this.push(row, col, [[cell]], options);
    return r;
  }

  private push(row: number, col: number, cells: readonly (readonly Cell[])[], options: BlockOptions): void {
    const b: { -readonly [K in keyof Block]: Block[K] } = { row, col, cells };
    if (options.style) b.style = options.style;
    if (options.numberFormats && options.numberFormats.some((f) => f !== null)) b.numberFormats = options.numberFormats;
    if (options.wrap) b.wrap = true;
    if (options.align && options.align.some((x) => x !== null)) b.align = options.align;
    this.blocks.push(b);
  }

  /** One cell. */
  cell(row: number, col: number, value: Cell, options: BlockOptions = {}): RangeRef {
    return this.block(row, col, [[value]], options);
  }

  /**
   * Label/value rows (label in col, values right of it) with a number format per row: rows
   * of equal format go into one block.
   */
  rows(row: number, col: number, rows: readonly { readonly cells: readonly Cell[]; readonly format: string | null }[], style: StyleName = "body"): void {
    let i = 0;
    while (i < rows.length) {
      let j = i + 1;
      while (j < rows.length && rows[j].format === rows[i].format && rows[j].cells.length === rows[i].cells.length) j++;
      const formats = [null, ...new Array<string | null>(rows[i].cells.length - 1).fill(rows[i].format)];
      this.block(row + i, col, rows.slice(i, j).map((r) => r.cells), { style, numberFormats: formats });
      i = j;
    }
  }

  width(col: number, chars: number): void {
    this.widths[col] = Math.max(this.widths[col] ?? 0, chars);
  }

  /**
   * Sets the widths of columns to what their blocks hold (fitWidth): data cells (numbers as
   * their format shows them) never wrap; header cells and wrapped blocks may wrap onto two
   * lines. Titles, subtitles, notes, sections and warnings are left to overflow; cells merged
   * over several columns are skipped. Cost: one pass over the cells, numbers formatted once
   * per column (their extremes only).
   */
  fitColumns(cols: Iterable<number>, options: { min?: number; max?: number; lines?: number } = {}): void {
    const want = new Set(cols);
    const texts = new Map<number, string[]>();
    const longest = new Map<number, string>();
    const headers = new Map<number, Set<string>>();
    const extremes = new Map<string, { col: number; format: string | null; min: number; max: number }>();
    const wide = this.merges.filter((m) => m.cols > 1);
    const merged = (r: number, c: number) => wide.some((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols);
    for (const b of this.blocks) {
      if (b.style && OVERFLOWING.has(b.style)) continue;
      const width = b.cells[0].length;
      for (let j = 0; j < width; j++) {
        const c = b.col + j;
        if (!want.has(c)) continue;
        const format = b.numberFormats?.[j] ?? null;
        const wrappable = b.style === "header" || !!b.wrap;
        for (let i = 0; i < b.cells.length; i++) {
          const cell = b.cells[i][j];
          const v = cell !== null && typeof cell === "object" ? cell.v : cell;
          if (v === null || v === "" || (wide.length && merged(b.row + i, c))) continue;
          if (typeof v === "number") {
            const k = `${c}\u0000${format}`;
            const e = extremes.get(k);
            if (!e) extremes.set(k, { col: c, format, min: v, max: v });
            else {
              if (v < e.min) e.min = v;
              if (v > e.max) e.max = v;
            }
          } else {
            const text = String(v);
            if (wrappable) {
              if (!headers.has(c)) headers.set(c, new Set());
              headers.get(c)!.add(text);
            } else if (textWidth(text) > textWidth(longest.get(c) ?? "")) longest.set(c, text);
          }
        }
      }
    }
    for (const [c, t] of longest) texts.set(c, [t]);
    for (const e of extremes.values()) {
      const shown = [e.min, e.max].map((x) => (e.format === null ? String(Number(x.toPrecision(10))) : formattedText(x, e.format)));
      texts.set(e.col, [...(texts.get(e.col) ?? []), ...shown]);
    }
    for (const c of want) {
      const data = texts.get(c) ?? [];
      let w = fitWidth({ texts: data, ...options });
      for (const h of headers.get(c) ?? []) w = Math.max(w, fitWidth({ header: h, texts: data, ...options }));
      this.widths[c] = w;
    }
  }

  build(head: { key: string; name: string; freeze?: { rows: number; cols: number }; tabColor?: string; print?: PrintSetup }): SheetModel {
    const widths = Array.from(this.widths, (w) => w ?? 10);
    const model: { -readonly [K in keyof SheetModel]: SheetModel[K] } = { key: head.key, name: head.name, blocks: this.blocks };
    if (widths.length) model.columnWidths = widths;
    if (this.merges.length) model.merges = this.merges;
    if (head.freeze) model.freeze = head.freeze;
    if (this.tables.length) model.tables = this.tables;
    if (this.conditionalFormats.length) model.conditionalFormats = this.conditionalFormats;
    if (this.validations.length) model.validations = this.validations;
    if (this.names.length) model.names = this.names;
    if (this.charts.length) model.charts = this.charts;
    if (head.tabColor) model.tabColor = head.tabColor;
    if (head.print) model.print = head.print;
    return model;
  }
}
