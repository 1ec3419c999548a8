/**
 * The "Data" sheet of a live workbook (`ka-planner build --live`): the source table copied as
 * it was read (header row, then one row per data row, title rows above the header dropped), so
 * that the KA.* formulas of the other sheets have their source ranges in the same workbook.
 *
 * Cells keep their content; only what Excel would otherwise get wrong is converted:
 * - cells of the columns the engine reads as numbers (revenue, profit, effort, satisfaction,
 *   criteria) that the engine reads as a number ("1,234.50" from a CSV) become that number, so
 *   SUM and the live KA.* formulas see the same values the engine computed with;
 * - dates (xlsx date cells, and year-first ISO text in the date column) become Excel dates;
 * - anything else that is not text, a number or a boolean is written as its text.
 * Text is always written as text (a customer named "=SUM(A1)" stays a name).
 */
import { describeCell, isBlank } from "../../engine/input/cells";
import { NumberStatus, readNumber } from "../../engine/input/numbers";
import { LiveSource } from "../../sheets/sheet-options";
import { a1, Cell, Literal, SheetModel } from "../../sheets/model";
import { quoteSheetName } from "../../render/xlsx";
import { Table } from "../input/table";
import { displayWidth } from "./format";

export const DATA_SHEET_KEY = "data";
const DATE_FORMAT = "yyyy-mm-dd";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial day number of a date (whole days in UTC, the way the xlsx reader delivers dates). */
function excelSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

function isoSerial(s: string): number | null {
  const m = ISO_DATE.exec(s.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return (t - EXCEL_EPOCH) / 86400000;
}

export interface DataSheetColumns {
  /** Columns the engine reads as numbers. */
  readonly numeric: ReadonlySet<number>;
  /** The date column, if mapped. */
  readonly date?: number;
}

/** The sheet model holding the source table. */
export function dataSheetModel(table: Table, name: string, columns: DataSheetColumns): SheetModel {
  const width = table.headers.length;
  const out = new Float64Array(1);
  const dateColumn = new Array<boolean>(width).fill(false);
  if (columns.date !== undefined) dateColumn[columns.date] = true;
  const rows: Cell[][] = new Array<Cell[]>(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) {
    const row: Literal[] = new Array<Literal>(width);
    for (let c = 0; c < width; c++) {
      const v = table.columns[c]?.[i];
      row[c] = literal(v, c, columns, out, dateColumn);
    }
    rows[i] = row;
  }
  // A date column shows dates; read from the cells, so that an unmapped date column shows them too.
  const formats = Array.from({ length: width }, (_, c) => (dateColumn[c] ? DATE_FORMAT : null));
  const widths = table.headers.map((h, c) => {
    let w = Math.max(8, displayWidth(h) + 2);
    for (let i = 0; i < Math.min(table.rowCount, 200); i++) {
      const v = rows[i][c];
      w = Math.max(w, typeof v === "string" ? displayWidth(v) + 1 : typeof v === "number" ? (dateColumn[c] ? 11 : 12) : 6);
    }
    return Math.min(40, w);
  });
  const blocks: SheetModel["blocks"][number][] = [{ row: 0, col: 0, cells: [table.headers.map((h) => h)], style: "header" }];
  if (rows.length > 0) blocks.push({ row: 1, col: 0, cells: rows, numberFormats: formats });
  return { key: DATA_SHEET_KEY, name, blocks, columnWidths: widths, freeze: { rows: 1, cols: 0 } };

  function literal(v: unknown, c: number, cols: DataSheetColumns, buf: Float64Array, dates: boolean[]): Literal {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) {
      dates[c] = true;
      return excelSerial(v);
    }
    if (cols.numeric.has(c) && !isBlank(v) && readNumber(v, buf) === NumberStatus.Ok) return buf[0];
    if (typeof v === "string") {
      if (c === cols.date) {
        const serial = isoSerial(v);
        if (serial !== null) return serial;
      }
      return v;
    }
    if (typeof v === "number") return Number.isFinite(v) ? v : describeCell(v);
    if (typeof v === "boolean") return v;
    return describeCell(v);
  }
}

/** 'Data'!$C$2:$C$30001: data rows of a column of the data sheet. */
function dataRange(sheetName: string, col: number, rowCount: number): string {
  return `${quoteSheetName(sheetName)}!${a1(1, col, true)}:${a1(Math.max(1, rowCount), col, true)}`;
}

/** The live source of the sheet builders: the mapped columns' ranges on the data sheet. */
export function liveSourceOf(
  sheetName: string,
  rowCount: number,
  columns: { customer: number; measure: number; profit?: number; effort?: number },
): LiveSource {
  const ref = (c: number) => dataRange(sheetName, c, rowCount);
  const source: { -readonly [K in keyof LiveSource]: LiveSource[K] } = { customer: ref(columns.customer), value: ref(columns.measure) };
  if (columns.profit !== undefined) source.profit = ref(columns.profit);
  if (columns.effort !== undefined) source.effort = ref(columns.effort);
  return source;
}
