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
 */
import * as fs from "fs";
import { Readable } from "stream";
import ExcelJS from "exceljs";
import { CliError } from "../errors";
import { TableBuilder, TableParts } from "./table";

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
export function plainValue(v: unknown): unknown {
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
  return String(v);
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
 * The guard holds that early end back until the buffered entries have been taken.
 */
function zipSource(path: string): fs.ReadStream {
  const source = fs.createReadStream(path);
  const pipe = source.pipe.bind(source);
  source.pipe = (<T extends NodeJS.WritableStream>(zip: T, options?: { end?: boolean }): T => {
    const parser = zip as unknown as Readable;
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
  }) as typeof source.pipe;
  return source;
}

export async function readXlsx(path: string, file: string, sheet?: string): Promise<XlsxParts> {
  const magic = await magicOf(path);
  if (magic.length === 0) throw new CliError("cli.error.emptyFile", { file });
  if (startsWith(magic, OLE_MAGIC)) throw new CliError("cli.error.oleNotXlsx", { file });
  if (!startsWith(magic, ZIP_MAGIC)) throw new CliError("cli.error.notZip", { file });

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipSource(path), {
    sharedStrings: "cache",
    styles: "cache", // number formats: tells dates from numbers
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  }) as unknown as StreamReader;
  const want = sheet?.trim().toLowerCase();
  let parts: TableParts | null = null;
  let found: string | null = null;
  let emptySheet: string | null = null;
  let firstSeen: string | null = null;
  const tabOrder = () => (reader.model?.sheets ?? []).map((s) => s.name);
  // The default sheet: the first visible one in tab order, as Excel opens the workbook.
  const firstVisible = () => (reader.model?.sheets ?? []).find((s) => s.state !== "hidden" && s.state !== "veryHidden")?.name;
  try {
    for await (const ws of reader) {
      const name = ws.name ?? `Sheet${ws.id ?? ""}`;
      if (firstSeen === null) firstSeen = name;
      // The default is the first sheet in tab order (sheets may come in another order in the zip).
      const first = firstVisible() ?? firstSeen;
      const wanted = found === null && (want !== undefined ? name.trim().toLowerCase() === want : name === first);
      if (!wanted) {
        // A skipped sheet parked in a temporary file: ExcelJS deletes the file as soon as we
        // move on, possibly before its stream has opened it; that ENOENT is of no interest
        // (unhandled, it ended the process with exit code 1 after the result was printed).
        ws.iterator?.on?.("error", () => undefined);
        ws.iterator?.destroy?.();
        continue;
      }
      found = name;
      const builder = new TableBuilder();
      let expected = 1;
      for await (const row of ws) {
        for (; expected < row.number; expected++) builder.addRow([]);
        const values = row.values as unknown[];
        const cells = new Array<unknown>(Math.max(0, values.length - 1));
        for (let c = 1; c < values.length; c++) cells[c - 1] = plainValue(values[c]);
        builder.addRow(cells);
        expected = row.number + 1;
      }
      parts = builder.finish();
      // Reported after the loop: leaving it early abandons ExcelJS's temporary files of the
      // sheets not read yet, and its cleanup then crashes the process (ENOENT, exit code 1).
      if (!parts) emptySheet = name;
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError("cli.error.badXlsx", { file, detail: e instanceof Error ? e.message : String(e) });
  }
  if (emptySheet !== null) throw new CliError("cli.error.emptySheet", { file, sheet: emptySheet });
  const sheetNames = tabOrder();
  if (found === null || parts === null) {
    if (sheetNames.length === 0 && firstSeen === null) throw new CliError("cli.error.noSheets", { file });
    throw new CliError("cli.error.unknownSheet", { file, sheet: sheet ?? "", sheets: sheetNames.map((s) => `"${s}"`).join(", ") });
  }
  return { ...parts, sheetName: found, sheetNames };
}
