/**
 * A lone surrogate in a customer name (half of a UTF-16 pair) broke `build`: the sheet was
 * named with it, the file's UTF-8 turned it into U+FFFD, and the writer could not find its own
 * sheet again ("worksheet part for … not found", exit 1). Sheet names (in both renderers) and
 * all text of the workbook are well-formed: lone surrogates become U+FFFD, pairs stay.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { runBuild } from "../../src/cli/commands/build";
import { Table } from "../../src/cli/input/table";
import { bufferIo } from "../../src/cli/io";
import { validSheetName as officeSheetName } from "../../src/excel/sheet-names";
import { validSheetName as xlsxSheetName } from "../../src/excel/sheet-names";
import { wellFormed } from "../../src/excel/well-formed";
import { tempDir } from "./helpers";

const NAMES = ["Acme\uD800", "Beta\uDC00 Ltd", "Gamma 😀", "Delta"];

function salesTable(): Table {
  const customer: unknown[] = [];
  const date: unknown[] = [];
  const revenue: unknown[] = [];
  const profit: unknown[] = [];
  for (let m = 1; m <= 12; m++) {
    NAMES.forEach((n, k) => {
      customer.push(n);
      date.push(new Date(Date.UTC(2025, m - 1, 15)));
      revenue.push(1000 * (4 - k) + m);
      profit.push(100 + m);
    });
  }
  return {
    file: "lone.csv",
    format: "csv",
    headers: ["Customer", "Date", "Revenue\uDBFF", "Profit"],
    columns: [customer, date, revenue, profit],
    rowCount: customer.length,
    sheetName: null,
    sheetNames: [],
    rowOffset: 1,
    rowOf: (i) => i + 2,
    lineOf: (i) => i + 2,
  };
}

/** UTF-8 that encodes a surrogate (ED A0..BF xx) is not UTF-8: no XML parser accepts it. */
const hasEncodedSurrogate = (b: Buffer) => b.some((x, i) => x === 0xed && b[i + 1] >= 0xa0 && b[i + 1] <= 0xbf);

describe("lone surrogates", () => {
  it("wellFormed replaces each lone surrogate by U+FFFD and keeps pairs", () => {
    expect(wellFormed("a\uD800b\uDC00c\uD83D\uDE00\uDC00\uD800")).toBe("a\uFFFDb\uFFFDc\uD83D\uDE00\uFFFD\uFFFD");
    expect(wellFormed("plain")).toBe("plain");
  });

  it("both renderers name a sheet the same way", () => {
    for (const n of ["Plan Acme\uD800", "\uDC00Beta", "Gamma \uD83D\uDE00", "x".repeat(30) + "\uD800"]) {
      expect(officeSheetName(n)).toBe(xlsxSheetName(n));
      expect(xlsxSheetName(n)).toBe(wellFormed(xlsxSheetName(n)));
    }
  });

  it("build writes a workbook that opens: sheet names and cells with U+FFFD", async () => {
    const out = path.join(tempDir(), "lone.xlsx");
    const io = bufferIo();
    const r = await runBuild(salesTable(), { out, plans: "top:4", value: "Revenue\uDBFF" }, io, { today: "2025-12-31", progress: false });
    expect(r.sheetNames).toContain("Plan – Acme\uFFFD");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Plan – Acme\uFFFD", "Plan – Beta\uFFFD Ltd", "Plan – Gamma 😀", "Plan – Delta"]));
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === "string") texts.push(c.value);
        }),
      ),
    );
    expect(texts).toEqual(expect.arrayContaining(["Acme\uFFFD", "Beta\uFFFD Ltd", "Gamma 😀"]));
    for (const t of texts) expect(t).toBe(wellFormed(t));

    // Every part is well-formed UTF-8 XML naming the same sheets.
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    for (const f of Object.values(zip.files)) if (!f.dir) expect(hasEncodedSurrogate(await f.async("nodebuffer"))).toBe(false);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('name="Plan – Acme\uFFFD"');
  });
});
