/**
 * What a chart series refers to: ranges of the same sheet by its final name, always quoted
 * (`'Plan – ACME'!$B$5:$B$20`), with value caches (`c:strCache`/`c:numCache`) holding the
 * model's values when formula results are cached, so Excel draws the chart before
 * recalculating. Constant data (reference lines) is not written as `c:numLit` — LibreOffice
 * drops such series — but into cells of a hidden helper sheet (ChartContext.constants).
 */
import { a1, a1Range, type ChartDef, type Literal, type RangeRef } from "../../sheets/model";
import { quoteSheetName } from "../../excel/sheet-names";
import { esc, num } from "./chart-xml";

export interface ChartContext {
  /** Final sheet name the series refer to. */
  readonly sheetName: string;
  /** The model's value at a cell (formula cells: their expected value), undefined if empty. */
  readonly valueAt: (row: number, col: number) => Literal | undefined;
  /** The model's number format at a cell, if any. */
  readonly formatAt?: (row: number, col: number) => string | null | undefined;
  /** Write value caches into the series references. */
  readonly cache: boolean;
  /**
   * Stores constant values (reference lines, helper points) in cells and returns their absolute,
   * sheet-qualified reference. LibreOffice drops series made of literal values (`c:numLit`), so
   * constants live in cells of a hidden helper sheet.
   */
  readonly constants: (values: readonly ChartConstant[]) => string;
}

/** A constant of a chart's helper data: a number, or a formula over a cell (`ref`, sheet-qualified) with its current value. */
export type ChartConstant = number | { readonly ref: string; readonly value: number };

const constantValue = (constant: ChartConstant): number => (typeof constant === "number" ? constant : constant.value);

function cellsOf(range: RangeRef): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let down = 0; down < range.rows; down++) {
    for (let across = 0; across < range.cols; across++) out.push({ row: range.row + down, col: range.col + across });
  }
  return out;
}

function rangeFormula(ctx: ChartContext, range: RangeRef): string {
  return `${quoteSheetName(ctx.sheetName)}!${a1Range(range, true)}`;
}

export function numbersOf(ctx: ChartContext, range: RangeRef): (number | undefined)[] {
  return cellsOf(range).map(({ row, col }) => {
    const value = ctx.valueAt(row, col);
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  });
}

/** The number format of a range's first cell (axes show it; LibreOffice ignores sourceLinked). */
export function formatOf(ctx: ChartContext, range: RangeRef | undefined): string | undefined {
  if (!range) return undefined;
  const format = ctx.formatAt?.(range.row, range.col);
  // No format (null) and an empty one both mean none.
  return format === null || format === "" ? undefined : format;
}

export function numRef(ctx: ChartContext, range: RangeRef, formatCode = formatOf(ctx, range) ?? "General"): string {
  let xml = `<c:numRef><c:f>${esc(rangeFormula(ctx, range))}</c:f>`;
  if (ctx.cache) {
    const values = numbersOf(ctx, range);
    xml += `<c:numCache><c:formatCode>${esc(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>`;
    values.forEach((value, index) => {
      if (value !== undefined) xml += `<c:pt idx="${index}"><c:v>${num(value)}</c:v></c:pt>`;
    });
    xml += `</c:numCache>`;
  }
  return xml + `</c:numRef>`;
}

function strRef(ctx: ChartContext, range: RangeRef): string {
  let xml = `<c:strRef><c:f>${esc(rangeFormula(ctx, range))}</c:f>`;
  if (ctx.cache) {
    const cells = cellsOf(range);
    xml += `<c:strCache><c:ptCount val="${cells.length}"/>`;
    cells.forEach(({ row, col }, index) => {
      const value = ctx.valueAt(row, col);
      if (value !== undefined && value !== null) xml += `<c:pt idx="${index}"><c:v>${esc(String(value))}</c:v></c:pt>`;
    });
    xml += `</c:strCache>`;
  }
  return xml + `</c:strRef>`;
}

/**
 * A reference to constant values stored by the context, always with its cache (they are
 * literals, or formulas over one cell cached at its current value).
 */
export function constRef(ctx: ChartContext, values: readonly ChartConstant[]): string {
  return (
    `<c:numRef><c:f>${esc(ctx.constants(values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((value, index) => `<c:pt idx="${index}"><c:v>${num(constantValue(value))}</c:v></c:pt>`).join("") +
    `</c:numCache></c:numRef>`
  );
}

/** A reference line's value: linked to its model cell when it has one, else the number. */
export function lineValue(ctx: ChartContext, def: ChartDef, index: number, value: number): ChartConstant {
  const cell = def.referenceCells?.[index];
  if (!cell) return value;
  const ref = `${quoteSheetName(ctx.sheetName)}!${a1(cell.row, cell.col, true)}`;
  const current = ctx.valueAt(cell.row, cell.col);
  return { ref, value: typeof current === "number" && Number.isFinite(current) ? current : value };
}

/** Category data: text categories as a string reference, numeric ones as a number reference. */
export function categoryRef(ctx: ChartContext, range: RangeRef): string {
  const textual = cellsOf(range).some(({ row, col }) => {
    const value = ctx.valueAt(row, col);
    return value !== undefined && value !== null && typeof value !== "number";
  });
  return textual ? strRef(ctx, range) : numRef(ctx, range);
}
