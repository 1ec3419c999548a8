/**
 * .xlsx workbooks, read with ExcelJS's streaming WorkbookReader: rows are handed over one at a
 * time and only the columns are kept (about 2.5× faster than loading the workbook model with
 * `workbook.xlsx.readFile`, and far lighter on memory). When a workbook stores its shared
 * strings after the sheets (as Excel does), ExcelJS parks the sheet XML in a temporary file
 * until the strings are read.
 *
 * Without --sheet the first visible sheet in tab order is read.
 *
 * Cells become what a custom function would receive: formulas their cached result, rich text
 * and hyperlinks their plain text, dates Date objects (the engine reports a date in a value
 * column as not a number), error cells their literal ("#N/A") so that the engine reports them.
 * Cells covered by a merge other than its top-left one are blank (Excel stores nothing there),
 * as Excel's formulas see them; so a title merged across the table is a one-cell row and the
 * header detection skips it.
 *
 * Bounds (a workbook is untrusted input): rows and columns within Excel's sheet size; blank
 * rows are skipped rather than padded (row numbers in messages stay the sheet's); each row costs
 * its cells, not its width; and the zip's inflated size, compression ratio and shared strings
 * are bounded (xlsx-bounds.ts). ExcelJS's temporary files live in a private folder removed
 * after the read, on failure and on interruption (reader-temp-dir.ts).
 */
import * as fs from "fs";
import { Readable } from "stream";
import ExcelJS from "exceljs";
import { MAX_ROWS } from "../../excel/limits";
import { CliError } from "../errors";
import { withReaderTempDir } from "./reader-temp-dir";
import { TableBuilder, TableParts } from "./table";
import { XLSX_BOUNDS, XlsxBounds, ZipGuard } from "./xlsx-bounds";
import { valueText } from "../value-text";

export interface XlsxParts extends TableParts {
  sheetName: string;
  sheetNames: string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function magicOf(path: string): Promise<Buffer> {
  const fh = await fs.promises.open(path, "r");
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const startsWith = (b: Buffer, magic: number[]) => magic.every((x, i) => b[i] === x);

/** The value a formula would see for an ExcelJS cell value. */
function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") return v;
  if (v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return o.error;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
  if ("formula" in o || "sharedFormula" in o) {
    if (o.result === undefined || o.result === null) {
      // No cached result (written by a library and never calculated): show the formula, so
      // the engine's message says what is in the cell instead of reading it as blank.
      return `=${String(o.formula ?? o.sharedFormula)}`;
    }
    return plainValue(o.result);
  }
  if ("text" in o) return plainValue(o.text);
  return valueText(v);
}

interface StreamSheet extends AsyncIterable<ExcelJS.Row> {
  id?: number | string;
  name?: string;
  iterator?: { destroy?: () => void; on?: (event: string, listener: () => void) => void };
}

interface StreamReader extends AsyncIterable<StreamSheet> {
  model?: { sheets?: { name: string; id: number; state?: string }[] };
}

/**
 * The file as a stream for ExcelJS's streaming reader, with a guard against a race in the zip
 * parser it uses (unzipper 0.10; exceljs issue #3064): the parser signals the end of its
 * entries as soon as the whole file has been written into it, while entries may still wait
 * in its buffer because ExcelJS pauses it between entries; those entries are then never read.
 * Small workbooks whose last entry is xl/workbook.xml (as ExcelJS and other libraries write
 * them) failed about one read in three with "Cannot read properties of undefined (reading
 * 'sheets')", and a lost xl/sharedStrings.xml or xl/styles.xml loses text or dates silently.
 * The guard holds that early end back until the buffered entries have been taken. The zip
 * guard counts what each entry inflates (xlsx-bounds.ts).
 */
function zipSource(source: fs.ReadStream, guard: ZipGuard): fs.ReadStream {
  const pipe = source.pipe.bind(source);
  source.pipe = <T extends NodeJS.WritableStream>(zip: T, options?: { end?: boolean }): T => {
    const parser = zip as unknown as Readable;
    guard.watch(parser);
    const emit = parser.emit.bind(parser);
    parser.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
      if (event !== "end" || parser.readableLength === 0) return emit(event, ...args);
      // Unref'd: a reader that stops reading (an error) must not keep the process alive.
      const later = (): void => {
        if (parser.readableLength === 0) emit(event, ...args);
        else if (!parser.destroyed) setTimeout(later, 1).unref();
      };
      setTimeout(later, 1).unref();
      return true;
    }) as typeof parser.emit;
    return pipe(zip, options);
  };
  return source;
}

/** What ExcelJS 4.4's streaming Row holds: its cells by column − 1 (sparse). */
interface RowInternals {
  _cells?: ({ col: number; value: unknown } | undefined)[];
}

/**
 * The cells of a row that hold something, in column order, at a cost in proportion to them.
 * Row.values and Row.eachCell walk every index up to the last cell: a row with a cell in
 * column XFD is a sparse array of 16,384, and walking one costs about a millisecond.
 */
function rowCells(row: ExcelJS.Row): { cols: number[]; values: unknown[] } {
  const cells = (row as unknown as RowInternals)._cells;
  const cols: number[] = [];
  const values: unknown[] = [];
  if (!Array.isArray(cells)) {
    (row.values as unknown[]).forEach((v, c) => {
      const p = c >= 1 ? plainValue(v) : null;
      if (p !== null && p !== "") {
        cols.push(c - 1);
        values.push(p);
      }
    });
    return { cols, values };
  }
  // Object.keys lists the indices present, in ascending order, however sparse the array
  // (forEach and for…of walk every index up to the length: 16,384 for a cell in column XFD).
  for (const k of Object.keys(cells)) {
    const cell = cells[Number(k)];
    if (!cell) continue;
    const v = plainValue(cell.value);
    if (v === null || v === "") continue;
    cols.push(Number(k));
    values.push(v);
  }
  return { cols, values };
}

export async function readXlsx(path: string, file: string, sheet?: string, bounds: XlsxBounds = XLSX_BOUNDS): Promise<XlsxParts> {
  const magic = await magicOf(path);
  if (magic.length === 0) throw new CliError("cli.error.emptyFile", { file });
  if (startsWith(magic, OLE_MAGIC)) throw new CliError("cli.error.oleNotXlsx", { file });
  if (!startsWith(magic, ZIP_MAGIC)) throw new CliError("cli.error.notZip", { file });
  const size = (await fs.promises.stat(path)).size;
  return withReaderTempDir(() => readSheets(path, file, size, sheet, bounds));
}

async function readSheets(path: string, file: string, size: number, sheet: string | undefined, bounds: XlsxBounds): Promise<XlsxParts> {
  const source = fs.createReadStream(path);
  const guard = new ZipGuard(file, size, bounds, source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipSource(source, guard), {
    sharedStrings: "cache",
    styles: "cache", // number formats: tells dates from numbers
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  }) as unknown as StreamReader;
  const got: SheetsRead = { parts: null, found: null, emptySheet: null, firstSeen: null };
  const tabOrder = () => (reader.model?.sheets ?? []).map((s) => s.name);
  guard.watchSharedStrings(reader);
  try {
    // A zip bound ends the read at once, whatever ExcelJS was waiting for at that moment.
    await Promise.race([readWanted(reader, file, sheet, got), guard.failed]);
  } catch (e) {
    if (guard.error) throw guard.error;
    if (e instanceof CliError) throw e;
    throw new CliError("cli.error.badXlsx", { file, detail: e instanceof Error ? e.message : String(e) });
  }
  if (got.emptySheet !== null) throw new CliError("cli.error.emptySheet", { file, sheet: got.emptySheet });
  const sheetNames = tabOrder();
  if (got.found === null || got.parts === null) {
    if (sheetNames.length === 0 && got.firstSeen === null) throw new CliError("cli.error.noSheets", { file });
    throw new CliError("cli.error.unknownSheet", { file, sheet: sheet ?? "", sheets: sheetNames.map((s) => `"${s}"`).join(", ") });
  }
  return { ...got.parts, sheetName: got.found, sheetNames };
}

/** What the read of the workbook's sheets found (filled in as it goes). */
interface SheetsRead {
  parts: TableParts | null;
  found: string | null;
  emptySheet: string | null;
  firstSeen: string | null;
}

/** Reads the sheet asked for (or the first visible one); the other sheets are skipped. */
async function readWanted(reader: StreamReader, file: string, sheet: string | undefined, got: SheetsRead): Promise<void> {
  const want = sheet?.trim().toLowerCase();
  // The default sheet: the first visible one in tab order, as Excel opens the workbook.
  const firstVisible = () => (reader.model?.sheets ?? []).find((s) => s.state !== "hidden" && s.state !== "veryHidden")?.name;
  for await (const ws of reader) {
    const name = ws.name ?? `Sheet${ws.id ?? ""}`;
    got.firstSeen ??= name;
    // The default is the first sheet in tab order (sheets may come in another order in the zip).
    const first = firstVisible() ?? got.firstSeen;
    const wanted = got.found === null && (want !== undefined ? name.trim().toLowerCase() === want : name === first);
    if (!wanted) {
      // A skipped sheet parked in a temporary file: ExcelJS deletes the file as soon as we
      // move on, possibly before its stream has opened it; that ENOENT is of no interest
      // (unhandled, it ended the process with exit code 1 after the result was printed).
      ws.iterator?.on?.("error", () => undefined);
      ws.iterator?.destroy?.();
      continue;
    }
    got.found = name;
    got.parts = await readRows(ws, file, name);
    // Reported after the loop: leaving it early abandons ExcelJS's temporary files of the
    // sheets not read yet, and its cleanup then crashes the process (ENOENT, exit code 1).
    if (!got.parts) got.emptySheet = name;
  }
}

/** The sheet's rows into a table: row numbers within Excel's limit, blank rows skipped. */
async function readRows(ws: StreamSheet, file: string, sheet: string): Promise<TableParts | null> {
  // ExcelJS widens the sheet's dimensions by each row, walking the row's whole width; unused here.
  (ws as unknown as { _dimensions?: unknown })._dimensions = { expandRow: () => undefined };
  const builder = new TableBuilder();
  let last = 0;
  for await (const row of ws) {
    // A row without its number (optional in the format) follows the one before it.
    const n = Number.isSafeInteger(row.number) && row.number > last ? row.number : last + 1;
    if (n > MAX_ROWS) throw new CliError("cli.error.xlsxRowLimit", { file, sheet, row: n, max: MAX_ROWS });
    last = n;
    // Columns past XFD never arrive: ExcelJS rejects their addresses ("Out of bounds").
    const { cols, values } = rowCells(row);
    builder.addSheetRow(n, cols, values);
  }
  return builder.finish();
}
