/**
 * Excel tables (ListObjects, ECMA-376 Part 1, 18.5), written as table parts after ExcelJS has
 * produced the workbook (ExcelJS's own addTable rewrites the cells and forces a "Total" label).
 * The cells — header names, data, totals — are the model's; the table part only describes them.
 */
import { a1Range, isFormula, type Literal, type RangeRef, type SheetModel } from "../../sheets/model";
import { wellFormed } from "../../excel/well-formed";
import { storedFormula } from "./formula";
import { cellKey, checkRange, overlaps, valueOf, type Grid } from "./grid";
import { NS } from "./package";
import { xmlEscape } from "./text";

export interface TablePlan {
  /** Unique workbook-wide id (1, 2, …). */
  readonly id: number;
  /** Valid, unique name (shared namespace with defined names). */
  readonly name: string;
  /** Full table range: header row, data rows and (with totals) the totals row. */
  readonly range: RangeRef;
  /** Column names, exactly as written in the header cells. */
  readonly columns: readonly string[];
  /** Per column, with a totals row: a label (text cell) or a custom formula, or nothing. */
  readonly totals?: readonly ({ label: string } | { formula: string } | null)[];
  readonly style: string;
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1[0-9]|2[0-1])|Medium([1-9]|1[0-9]|2[0-8])|Dark([1-9]|1[0-1]))$/;

/** The model's table style if it is one of Excel's built-in names, else a light neutral default. */
function tableStyleName(style: string | undefined): string {
  return style && TABLE_STYLE.test(style) ? style : "TableStyleLight1";
}

/** Column names for a table: the header texts, blanks filled in, duplicates numbered. */
function tableColumnNames(headers: readonly (Literal | undefined)[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, index) => {
    // Excel keeps column names on one line; control characters would not survive the attribute.
    // Lone surrogates become U+FFFD first, as the header cell shows them: two headers that
    // differ only there are then numbered apart, as Excel requires.
    const text = wellFormed(header === null || header === undefined ? "" : String(header));
    // eslint-disable-next-line no-control-regex -- control characters are what this replaces
    let base = text.replace(/[\u0000-\u001F\u007F]+/g, " ").trim();
    if (base === "") base = `Column${index + 1}`;
    base = base.slice(0, 255);
    let name = base;
    for (let suffix = 2; seen.has(name.toUpperCase()); suffix++) name = `${base}${suffix}`;
    seen.add(name.toUpperCase());
    return name;
  });
}

export function tableXml(t: TablePlan): string {
  const totalsRow = Boolean(t.totals);
  const filterRange: RangeRef = { ...t.range, rows: t.range.rows - (totalsRow ? 1 : 0) };
  const cols = t.columns
    .map((name, j) => {
      const total = t.totals?.[j];
      const id = j + 1;
      if (total && "label" in total)
        return `<tableColumn id="${id}" name="${xmlEscape(name)}" totalsRowLabel="${xmlEscape(total.label)}"/>`;
      if (total && "formula" in total) {
        return `<tableColumn id="${id}" name="${xmlEscape(name)}" totalsRowFunction="custom"><totalsRowFormula>${xmlEscape(total.formula)}</totalsRowFormula></tableColumn>`;
      }
      return `<tableColumn id="${id}" name="${xmlEscape(name)}"/>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${t.id}" name="${xmlEscape(t.name)}" displayName="${xmlEscape(t.name)}" ref="${a1Range(t.range)}"` +
    (totalsRow ? ` totalsRowCount="1"` : ` totalsRowShown="0"`) +
    `><autoFilter ref="${a1Range(filterRange)}"/>` +
    `<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${t.style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** The totals row of a table: text cells become labels, formulas custom totals formulas. */
function totalsOf(grid: Grid, range: RangeRef, columns: readonly string[]): TablePlan["totals"] {
  const last = range.row + range.rows - 1;
  return columns.map((_, index) => {
    const cell = grid.get(cellKey(last, range.col + index))?.cell;
    if (cell === undefined || cell === null) return null;
    if (isFormula(cell)) return { formula: storedFormula(cell.f) };
    return typeof cell === "string" ? { label: cell } : null;
  });
}

/**
 * The sheet's tables, numbered from `firstId`: header texts become the column names (and are
 * written back into the grid as plain text). The last row is the totals row when showTotals;
 * Excel needs at least one data row in between, so a table without data rows gets one (empty)
 * row and no totals row.
 */
export function planTables(sheet: SheetModel, grid: Grid, names: readonly string[], firstId: number): TablePlan[] {
  const tables: TablePlan[] = [];
  (sheet.tables ?? []).forEach((def, index) => {
    checkRange(def.range, `table "${def.name}" on sheet "${sheet.name}"`);
    const withTotals = Boolean(def.showTotals) && def.range.rows >= 3;
    const range: RangeRef = { ...def.range, rows: Math.max(def.range.rows, 2) };
    for (const other of tables) {
      if (overlaps(other.range, range))
        throw new Error(`xlsx renderer: tables "${other.name}" and "${def.name}" overlap on sheet "${sheet.name}"`);
    }
    const headers = Array.from({ length: range.cols }, (_, offset) => valueOf(grid.get(cellKey(range.row, range.col + offset))?.cell));
    const columns = tableColumnNames(headers);
    columns.forEach((column, offset) => {
      const key = cellKey(range.row, range.col + offset);
      grid.set(key, { ...(grid.get(key) ?? {}), cell: column });
    });
    const totals = withTotals ? totalsOf(grid, range, columns) : undefined;
    tables.push({ id: firstId + index, name: names[index], range, columns, totals, style: tableStyleName(def.style) });
  });
  return tables;
}
