/**
 * The table a file holds, column-major, as the engine reads it: one array of raw cells per
 * column (strings from CSV; numbers, strings, booleans, Dates and error literals from .xlsx).
 * The header row is the first non-empty row, except that title rows above it are skipped: a
 * row with a single non-empty cell (often merged across the table) followed by a row with two
 * or more is a title, not the header.
 */
import { dateText, isBlank } from "../../engine/input/cells";
import { columnLetter, columnNumber } from "../../engine/input/column-letters";

export interface Table {
  /** The file as the user named it (for messages). */
  readonly file: string;
  readonly format: "csv" | "xlsx";
  /** Header text per column ("" where the header cell is blank). */
  readonly headers: string[];
  /** Raw cells per column, one per data row; short rows padded with null. */
  readonly columns: unknown[][];
  readonly rowCount: number;
  /** Sheet read (xlsx), or null. */
  readonly sheetName: string | null;
  /** All sheets of the workbook (xlsx), else []. */
  readonly sheetNames: readonly string[];
  /** Rows above the first data row, header included: data row i is row rowOffset + i + 1. */
  readonly rowOffset: number;
  /** Physical line where data row i starts (CSV records with quoted line breaks span lines). */
  lineOf(i: number): number;
  /** How a CSV was read: "utf-8", "gb18030", "utf-16le"…; and its delimiter. */
  readonly encoding?: string;
  readonly delimiter?: string;
}

export { columnLetter };

/** 0-based column index of letters such as "C" or "aa"; -1 when not letters. */
export function columnIndexOfLetters(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  return columnNumber(letters) - 1;
}

/** Header text of a raw header cell. */
export function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return dateText(cell);
  return String(cell).replace(/[\r\n\t]+/g, " ").trim();
}

function nonEmptyCount(cells: readonly unknown[]): number {
  let n = 0;
  for (const c of cells) if (!isBlank(c)) n++;
  return n;
}

export interface TableParts {
  headers: string[];
  columns: unknown[][];
  rowCount: number;
  rowOffset: number;
  lineOf(i: number): number;
}

/**
 * Receives rows in file order (addRow once per spreadsheet row, blank rows included) and
 * builds the columns. Only rows up to the header decision are buffered.
 */
export class TableBuilder {
  private rowNo = 0;
  /** Rows seen while the header is undecided (from the first non-empty one). */
  private pending: { cells: unknown[]; rowNo: number; line: number }[] = [];
  private header: unknown[] | null = null;
  private headerRowNo = 0;
  private columns: unknown[][] = [];
  private length = 0;
  private lastNonEmpty = -1;
  /** Breakpoints of (data index, line − row) where a CSV record spanned several lines. */
  private lineBreaks: { from: number; delta: number }[] = [];
  private delta = 0;

  /** `line`: physical line where the row starts, when it differs from the row number. */
  addRow(cells: unknown[], line?: number): void {
    this.rowNo++;
    const rowLine = line ?? this.rowNo;
    if (this.header) {
      this.addData(cells, rowLine);
      return;
    }
    const count = nonEmptyCount(cells);
    if (this.pending.length === 0 && count === 0) return; // blank rows above everything
    this.pending.push({ cells, rowNo: this.rowNo, line: rowLine });
    this.decide(false);
  }

  /** Settles the header from the pending rows if possible (or at the end of the file). */
  private decide(atEnd: boolean): void {
    for (;;) {
      const first = this.pending[0];
      if (!first) return;
      if (nonEmptyCount(first.cells) >= 2) return this.takeHeader(0);
      // A single-cell row: a title if the next non-empty row has two or more cells.
      let next = -1;
      for (let k = 1; k < this.pending.length; k++) {
        if (nonEmptyCount(this.pending[k].cells) > 0) {
          next = k;
          break;
        }
      }
      if (next < 0) {
        if (atEnd) return this.takeHeader(0);
        return; // wait for more rows
      }
      if (nonEmptyCount(this.pending[next].cells) >= 2) {
        this.pending.splice(0, next); // drop the title (and blank rows after it)
        continue;
      }
      return this.takeHeader(0);
    }
  }

  private takeHeader(k: number): void {
    const rows = this.pending.splice(k);
    const head = rows.shift()!;
    this.header = head.cells;
    this.headerRowNo = head.rowNo;
    this.delta = head.line - head.rowNo;
    if (this.delta !== 0) this.lineBreaks.push({ from: 0, delta: this.delta });
    this.pending = [];
    for (const r of rows) this.addData(r.cells, r.line, r.rowNo);
  }

  private addData(cells: unknown[], line: number, rowNo = this.rowNo): void {
    const i = this.length++;
    const delta = line - rowNo;
    if (delta !== this.delta) {
      this.lineBreaks.push({ from: i, delta });
      this.delta = delta;
    }
    const cols = this.columns;
    const width = Math.max(cols.length, cells.length);
    let any = false;
    for (let c = 0; c < width; c++) {
      let col = cols[c];
      if (!col) {
        col = cols[c] = new Array<unknown>(i).fill(null);
      }
      const v = c < cells.length ? cells[c] : null;
      col.push(v === undefined ? null : v);
      if (!any && !isBlank(v)) any = true;
    }
    if (any) this.lastNonEmpty = i;
  }

  /** The table; null when the file holds no non-empty row. */
  finish(): TableParts | null {
    if (!this.header) this.decide(true);
    if (!this.header) return null;
    const rowCount = this.lastNonEmpty + 1;
    const width = Math.max(this.header.length, this.columns.length);
    const columns: unknown[][] = [];
    for (let c = 0; c < width; c++) {
      const col = this.columns[c] ?? [];
      if (col.length > rowCount) col.length = rowCount;
      while (col.length < rowCount) col.push(null);
      columns.push(col);
    }
    const headers = Array.from({ length: width }, (_, c) => headerText(this.header![c]));
    const rowOffset = this.headerRowNo;
    const breaks = this.lineBreaks;
    const lineOf = (i: number): number => {
      let delta = 0;
      // Breakpoints are few (one per multi-line record); binary search for the last <= i.
      let lo = 0;
      let hi = breaks.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (breaks[mid].from <= i) {
          delta = breaks[mid].delta;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return rowOffset + i + 1 + delta;
    };
    return { headers, columns, rowCount, rowOffset, lineOf };
  }
}
