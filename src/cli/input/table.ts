/**
 * The table a file holds, column-major, as the engine reads it: one array of raw cells per
 * column (strings from CSV; numbers, strings, booleans, Dates and error literals from .xlsx).
 * The header row is the first non-empty row, except that title rows above it are skipped: a
 * row with a single non-empty cell (often merged across the table) followed by a row with two
 * or more is a title, not the header.
 */
import { dateText, isBlank } from "../../engine/input/cells";
import { columnLetter, columnNumber } from "../../excel/column-letters";
import { valueText } from "../value-text";

export interface Table {
  /** The file as the user named it (for messages). */
  readonly file: string;
  readonly format: "csv" | "xlsx";
  /** Header text per column ("" where the header cell is blank). */
  readonly headers: string[];
  /** Raw cells per column, one per data row; short rows padded with null (columns holding no cell may share one array: read only). */
  readonly columns: unknown[][];
  readonly rowCount: number;
  /** Sheet read (xlsx), or null. */
  readonly sheetName: string | null;
  /** All sheets of the workbook (xlsx), else []. */
  readonly sheetNames: readonly string[];
  /** The header's row number (rows above the first data row, header included). */
  readonly rowOffset: number;
  /** Row number of data row i: as the sheet numbers it (.xlsx: blank rows are skipped), or the CSV record's. */
  rowOf(i: number): number;
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
function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return dateText(cell);
  return valueText(cell)
    .replace(/[\r\n\t]+/g, " ")
    .trim();
}

export interface TableParts {
  headers: string[];
  columns: unknown[][];
  rowCount: number;
  rowOffset: number;
  rowOf(i: number): number;
  lineOf(i: number): number;
}

/** A row's cells that hold something: 0-based columns in ascending order, and their values. */
interface SparseRow {
  readonly cols: number[];
  readonly values: unknown[];
  /** Cells that are not blank (whitespace-only text is blank): the header decision counts these. */
  readonly filled: number;
}

interface PendingRow extends SparseRow {
  readonly rowNo: number;
  readonly line: number;
}

/** Null, undefined and "" hold nothing and are not stored (a column of them stays unmade). */
const holdsNothing = (v: unknown): boolean => v === null || v === undefined || v === "";

function sparseRow(cells: readonly unknown[]): SparseRow {
  const cols: number[] = [];
  const values: unknown[] = [];
  let filled = 0;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (holdsNothing(v)) continue;
    cols.push(c);
    values.push(v);
    if (!isBlank(v)) filled++;
  }
  return { cols, values, filled };
}

/**
 * Receives rows in file order and builds the columns. Only rows up to the header decision are
 * buffered. Every row's cells are looked at once, and a column is made only when a cell of it
 * holds something: one cell in column XFD makes one column, not 16,384 for every row.
 * CSV rows (addRow) are numbered 1, 2, 3… and blank ones are kept as blank data rows; sheet
 * rows (addSheetRow) carry their own number and blank ones are skipped, so a sheet whose rows
 * jump from 3 to 1,000,000 holds 4 rows, and messages still name row 1,000,000.
 */
export class TableBuilder {
  private rowNo = 0;
  /** Rows seen while the header is undecided (from the first non-empty one). */
  private pending: PendingRow[] = [];
  /** pending[1..scanned) are known blank: each pending row is looked at once. */
  private scanned = 1;
  private header: unknown[] | null = null;
  private headerRowNo = 0;
  /** Data columns made so far; a column is shorter than the rows until its next cell or finish. */
  private columns: (unknown[] | undefined)[] = [];
  private length = 0;
  private lastNonEmpty = -1;
  /** Breakpoints of (data index → row − index, line − row), where either changes. */
  private breakFrom: number[] = [];
  private breakRow: number[] = [];
  private breakLine: number[] = [];

  /** A CSV record; `line`: physical line where it starts, when it differs from the row number. */
  addRow(cells: readonly unknown[], line?: number): void {
    this.rowNo++;
    this.add(sparseRow(cells), this.rowNo, line ?? this.rowNo);
  }

  /**
   * A sheet row, numbered as in the sheet (above every earlier one): its cells that hold
   * something, as ascending 0-based columns and their values. A blank row is skipped.
   */
  addSheetRow(rowNo: number, cols: number[], values: unknown[]): void {
    this.rowNo = rowNo;
    let filled = 0;
    for (const v of values) if (!isBlank(v)) filled++;
    if (filled === 0) return;
    this.add({ cols, values, filled }, rowNo, rowNo);
  }

  private add(row: SparseRow, rowNo: number, line: number): void {
    if (this.header) {
      this.addData(row, rowNo, line);
      return;
    }
    if (this.pending.length === 0 && row.filled === 0) return; // blank rows above everything
    this.pending.push({ ...row, rowNo, line });
    this.decide(false);
  }

  /**
   * Settles the header from the pending rows if possible (or at the end of the file): a row with
   * a single non-blank cell followed by a row with two or more is a title, not the header.
   */
  private decide(atEnd: boolean): void {
    const first = this.pending[0];
    if (!first) return;
    if (first.filled >= 2) {
      this.takeHeader();
      return;
    }
    while (this.scanned < this.pending.length && this.pending[this.scanned].filled === 0) this.scanned++;
    const next = this.pending[this.scanned];
    if (!next) {
      if (atEnd) this.takeHeader();
      return; // wait for more rows
    }
    if (next.filled < 2) {
      this.takeHeader();
      return;
    }
    this.pending = this.pending.slice(this.scanned); // drop the title (and blank rows after it)
    this.scanned = 1;
    this.takeHeader();
  }

  private takeHeader(): void {
    const [head, ...rows] = this.pending;
    this.pending = [];
    const cells: unknown[] = [];
    head.cols.forEach((c, k) => (cells[c] = head.values[k]));
    this.header = Array.from(cells, (v) => (v === undefined ? null : v));
    this.headerRowNo = head.rowNo;
    for (const r of rows) this.addData(r, r.rowNo, r.line);
  }

  private addData(row: SparseRow, rowNo: number, line: number): void {
    const i = this.length++;
    const last = this.breakFrom.length - 1;
    if (last < 0 || this.breakRow[last] !== rowNo - i || this.breakLine[last] !== line - rowNo) {
      this.breakFrom.push(i);
      this.breakRow.push(rowNo - i);
      this.breakLine.push(line - rowNo);
    }
    const { cols, values } = row;
    for (let k = 0; k < cols.length; k++) {
      const col = (this.columns[cols[k]] ??= []);
      while (col.length < i) col.push(null);
      col.push(values[k]);
    }
    if (row.filled > 0) this.lastNonEmpty = i;
  }

  /** The table; null when the file holds no non-empty row. */
  finish(): TableParts | null {
    if (!this.header) this.decide(true);
    const header = this.header;
    if (!header) return null;
    const rowCount = this.lastNonEmpty + 1;
    const width = Math.max(header.length, this.columns.length);
    // Columns that hold nothing below the header share one frozen column of blanks.
    let blank: unknown[] | null = null;
    const columns: unknown[][] = [];
    for (let c = 0; c < width; c++) {
      const col = this.columns[c];
      if (!col || col.length === 0) {
        columns.push((blank ??= Object.freeze(new Array<unknown>(rowCount).fill(null)) as unknown[]));
        continue;
      }
      if (col.length > rowCount) col.length = rowCount;
      while (col.length < rowCount) col.push(null);
      columns.push(col);
    }
    const headers = Array.from({ length: width }, (_, c) => headerText(header[c]));
    const { breakFrom, breakRow, breakLine } = this;
    // Breakpoints are few in a CSV (one per multi-line record) and in a sheet one per gap of
    // blank rows: binary search for the last one at or before i.
    const breakOf = (i: number): number => {
      let lo = 0;
      let hi = breakFrom.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (breakFrom[mid] <= i) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return at;
    };
    const headerRowNo = this.headerRowNo;
    const rowOf = (i: number): number => {
      const at = breakOf(i);
      return at < 0 ? headerRowNo + i + 1 : i + breakRow[at];
    };
    const lineOf = (i: number): number => {
      const at = breakOf(i);
      return rowOf(i) + (at < 0 ? 0 : breakLine[at]);
    };
    return { headers, columns, rowCount, rowOffset: headerRowNo, rowOf, lineOf };
  }
}
