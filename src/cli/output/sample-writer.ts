/**
 * Writes the generated sample as a real workbook (ExcelJS streaming writer: number formats,
 * bold frozen header, auto-filter) and as UTF-8 CSV with BOM (so that Excel opens the
 * Chinese headers correctly). Each writes a new temporary file (created exclusively, flushed);
 * commands/sample.ts gives it its final name atomically.
 */
import ExcelJS from "exceljs";
import { createTempStream, syncFile } from "./atomic-file";
import { SalesRow, SAMPLE_COLUMNS, SampleColumnKind, SampleLocale } from "../../sample";
import { csvLine } from "./csv";

const NUM_FMT: Record<SampleColumnKind, string | undefined> = {
  text: undefined,
  date: "yyyy-mm-dd",
  money: "#,##0.00",
  hours: "0.0",
  integer: "0",
};

const WIDTH: Record<SampleColumnKind, number> = { text: 16, date: 12, money: 15, hours: 10, integer: 10 };

/** Sheet name of the sample in each language. */
const SAMPLE_SHEET: Record<SampleLocale, string> = { en: "Sales", zh: "销售明细" };

/** A fixed timestamp so that the workbook properties do not change from run to run. */
const STAMP = new Date(Date.UTC(2026, 0, 1));

export async function writeSampleXlsx(path: string, rows: readonly SalesRow[], locale: SampleLocale): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createTempStream(path), useStyles: true, useSharedStrings: true });
  wb.creator = "KA Planner sample generator";
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(SAMPLE_SHEET[locale], { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = SAMPLE_COLUMNS.map((c) => ({
    header: c[locale],
    key: c.key,
    width: c.key === "customer" ? (locale === "zh" ? 30 : 34) : WIDTH[c.kind],
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SAMPLE_COLUMNS.length } };
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) {
    ws.addRow(SAMPLE_COLUMNS.map((c) => r[c.key])).commit();
  }
  ws.commit();
  await wb.commit();
  await syncFile(path);
}

export async function writeSampleCsv(path: string, rows: readonly SalesRow[], locale: SampleLocale): Promise<void> {
  const out = createTempStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("\ufeff" + csvLine(SAMPLE_COLUMNS.map((c) => c[locale])) + "\r\n");
  let chunk = "";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    chunk += csvLine(SAMPLE_COLUMNS.map((c) => (c.kind === "date" ? (r[c.key] as Date).toISOString().slice(0, 10) : r[c.key]))) + "\r\n";
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  if (chunk) await write(chunk);
  out.end();
  await done;
  await syncFile(path);
}
