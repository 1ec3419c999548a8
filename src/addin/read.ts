/**
 * Reading the source table for the actions: where it is now (and whether it is still the table
 * that was detected), and the values of the mapped columns, read ONCE in row chunks.
 *
 * Request sizes: Excel on the web rejects request and response payloads over 5 MB, so values
 * are read in chunks of `rowsPerChunk` rows (20,000 rows, fewer when many columns are mapped:
 * at most ~200,000 cells per sync), one sync per chunk; a chunk that still comes back too large
 * is read again in halves (down to 500 rows). Only mapped columns are read, consecutive ones as
 * one range. The first chunk travels in the same sync as the table's location check.
 *
 * Consistency: the location check compares the table with what was detected (same sheet, same
 * top-left cell, same data rows, same header texts; columns added on the right are accepted);
 * anything else is "tableChanged" (detect the table again). When the values took more than one
 * sync, the user could have edited the table in between: a fingerprint (the location and the
 * mapped cells of the first row of every chunk and of the last row) is read again afterwards
 * and compared.
 */
import { ActionError, officeErrorCode } from "./errors";
import { a1Of, parseQualified, Rect } from "./address";
import { columnLetters } from "../render/office/r1c1";
import { supportsExcel } from "./host";
import type { DetectedTable } from "./types";

const MAX_CHUNK_ROWS = 20_000;
const MIN_CHUNK_ROWS = 500;
const CELLS_PER_READ = 200_000;

/** Where the table is, as detected: sheet, header row + data rows, columns. */
export interface TableGeometry {
  readonly sheet: string;
  /** Header row and data rows (no totals row). */
  readonly rect: Rect;
  readonly rowCount: number;
}

export function geometryOf(table: DetectedTable): TableGeometry {
  const { sheet, rect } = parseQualified(table.address);
  return {
    sheet: table.sheetName || sheet,
    rect: { ...rect, rows: table.rowCount + 1, cols: table.columnCount },
    rowCount: table.rowCount,
  };
}

/** Header texts as the detection gives them: blank → "Column C" (the worksheet column). */
export function headerTexts(row: readonly unknown[], firstCol: number): string[] {
  return row.map((v, i) => {
    // Excel's values are strings, numbers and booleans; anything else has no header text.
    const s = typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
    return s !== "" ? s : `Column ${columnLetters(firstCol + i + 1)}`;
  });
}

export function sheetAddress(sheet: string, r: Rect): string {
  const plain =
    /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^[Rr]\d*([Cc]\d*)?$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${a1Of(r)}`;
}

/* ---------------------------------------------------------------- location check */

interface LocationLoads {
  readonly range: Excel.Range;
  readonly header: Excel.Range;
  readonly table?: Excel.Table;
  readonly sheet?: Excel.Worksheet;
}

/**
 * Queues what tells where the table is now. Excel tables are found by name (their current range,
 * totals row excluded); regions by the current region around the header's first cell (ExcelApi
 * 1.7; below that the detected address is taken as it is).
 */
export function queueLocation(context: Excel.RequestContext, table: DetectedTable, geo: TableGeometry): LocationLoads {
  const wb = context.workbook;
  if (table.source === "table" && table.tableName) {
    const t = wb.tables.getItem(table.tableName);
    t.load("name,showTotals");
    const sheet = t.worksheet;
    sheet.load("name");
    const range = t.getRange();
    range.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const header = range.getRow(0);
    header.load("values");
    return { range, header, table: t, sheet };
  }
  const ws = wb.worksheets.getItem(geo.sheet);
  const corner = ws.getRange(a1Of({ row: geo.rect.row, col: geo.rect.col, rows: 1, cols: 1 }));
  const range = supportsExcel("1.7") ? corner.getSurroundingRegion() : ws.getRange(a1Of(geo.rect));
  range.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const header = ws.getRange(a1Of({ ...geo.rect, rows: 1 }));
  header.load("values");
  return { range, header };
}

/** After the sync: throws "tableChanged" unless the table is where and what it was. */
export function checkLocation(loads: LocationLoads, table: DetectedTable, geo: TableGeometry): void {
  const r = loads.range;
  const totals = loads.table?.showTotals ? 1 : 0;
  const now: Rect = { row: r.rowIndex, col: r.columnIndex, rows: r.rowCount - totals, cols: r.columnCount };
  const sheet = loads.sheet ? loads.sheet.name : geo.sheet;
  const headers = headerTexts((loads.header.values[0] ?? []).slice(0, geo.rect.cols), geo.rect.col);
  const same =
    sheet === geo.sheet &&
    now.row === geo.rect.row &&
    now.col === geo.rect.col &&
    now.rows === geo.rect.rows &&
    now.cols >= geo.rect.cols &&
    headers.length === table.headers.length &&
    headers.every((h, i) => h === table.headers[i]);
  if (!same) {
    throw new ActionError("tableChanged", "taskpane.error.tableChanged", { before: table.address, after: sheetAddress(sheet, now) });
  }
}

/** An Office error saying that a sheet or table named in the request is gone: the table changed. */
export function isGone(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "ItemNotFound" || code === "InvalidReference";
}

/* ---------------------------------------------------------------- values */

/** Runs of consecutive column indexes: [3,4,5,8] → [[3,5],[8,8]]. */
function runsOf(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

export function chunkRowsFor(columnCount: number): number {
  return Math.max(MIN_CHUNK_ROWS * 2, Math.min(MAX_CHUNK_ROWS, Math.floor(CELLS_PER_READ / Math.max(1, columnCount))));
}

export interface ReadResult {
  /** Data cells per table column (only the mapped ones are filled). */
  readonly columns: (unknown[] | undefined)[];
  readonly syncs: number;
  readonly chunks: number;
  /** Row offsets (0-based data rows) of the chunks, for the fingerprint. */
  readonly chunkStarts: readonly number[];
  readonly cancelled: boolean;
}

export interface ReadOptions {
  /** Queued into the first sync (the location check, protection); called after it succeeded. */
  readonly first?: (context: Excel.RequestContext) => () => void;
  readonly onChunk?: (rowsRead: number, total: number) => void;
  readonly cancelled?: () => boolean;
  readonly maxChunkRows?: number;
}

const PAYLOAD = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);

/** Reads the mapped columns' data cells (see the module comment). */
export async function readColumns(
  context: Excel.RequestContext,
  geo: TableGeometry,
  columns: readonly number[],
  options: ReadOptions = {},
): Promise<ReadResult> {
  const runs = runsOf(columns);
  const out = new Array<unknown[] | undefined>(geo.rect.cols);
  for (const [a, b] of runs) for (let c = a; c <= b; c++) out[c] = new Array<unknown>(geo.rowCount);
  const width = runs.reduce((n, [a, b]) => n + b - a + 1, 0);
  let rows = Math.min(options.maxChunkRows ?? MAX_CHUNK_ROWS, chunkRowsFor(width));
  const ws = context.workbook.worksheets.getItem(geo.sheet);
  let syncs = 0;
  let first = options.first;
  const chunkStarts: number[] = [];
  let r0 = 0;
  // A table without data rows still makes the first sync (the location check).
  while (r0 < geo.rowCount || first) {
    if (options.cancelled?.()) return { columns: out, syncs, chunks: chunkStarts.length, chunkStarts, cancelled: true };
    const n = Math.min(rows, geo.rowCount - r0);
    const after = first?.(context);
    const loads =
      n > 0
        ? runs.map(([a, b]) => {
            const range = ws.getRange(a1Of({ row: geo.rect.row + 1 + r0, col: geo.rect.col + a, rows: n, cols: b - a + 1 }));
            range.load("values");
            return { a, b, range };
          })
        : [];
    try {
      syncs++;
      await context.sync();
    } catch (e) {
      if (PAYLOAD.has(officeErrorCode(e) ?? "") && n > MIN_CHUNK_ROWS) {
        rows = Math.max(MIN_CHUNK_ROWS, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    after?.();
    first = undefined;
    if (n === 0) break;
    for (const { a, b, range } of loads) {
      const values = range.values;
      for (let c = a; c <= b; c++) {
        const col = out[c];
        if (!col) throw new Error(`readColumns: column ${c} was loaded but has no array (it is in no run of the columns)`);
        for (let i = 0; i < n; i++) col[r0 + i] = values[i][c - a];
      }
    }
    chunkStarts.push(r0);
    r0 += n;
    options.onChunk?.(r0, geo.rowCount);
  }
  return { columns: out, syncs, chunks: chunkStarts.length, chunkStarts, cancelled: false };
}

/* ---------------------------------------------------------------- fingerprint */

/** The rows whose mapped cells are compared after a multi-sync read: each chunk's first row and the last row. */
function fingerprintRows(read: ReadResult, rowCount: number): number[] {
  return [...new Set([...read.chunkStarts, rowCount - 1])].filter((r) => r >= 0 && r < rowCount).sort((a, b) => a - b);
}

/**
 * Queues the re-read of the fingerprint; the returned function (after the sync) throws
 * "tableChanged" when the table moved or a fingerprint cell differs from what was read.
 */
export function queueFingerprint(
  context: Excel.RequestContext,
  table: DetectedTable,
  geo: TableGeometry,
  columns: readonly number[],
  read: ReadResult,
): () => void {
  const location = queueLocation(context, table, geo);
  const ws = context.workbook.worksheets.getItem(geo.sheet);
  const runs = runsOf(columns);
  const rows = fingerprintRows(read, geo.rowCount);
  const loads = rows.flatMap((r) =>
    runs.map(([a, b]) => {
      const range = ws.getRange(a1Of({ row: geo.rect.row + 1 + r, col: geo.rect.col + a, rows: 1, cols: b - a + 1 }));
      range.load("values");
      return { r, a, b, range };
    }),
  );
  return () => {
    checkLocation(location, table, geo);
    for (const { r, a, b, range } of loads) {
      for (let c = a; c <= b; c++) {
        const before = read.columns[c]?.[r];
        const now: unknown = range.values[0][c - a];
        if (!sameCell(before, now)) {
          throw new ActionError("tableChanged", "taskpane.error.tableEdited", {
            address: table.address,
            cell: sheetAddress(geo.sheet, { row: geo.rect.row + 1 + r, col: geo.rect.col + c, rows: 1, cols: 1 }),
          });
        }
      }
    }
  };
}

const sameCell = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
