/**
 * Hostile .xlsx files, made by hand: row numbers past Excel's last row, far rows and far
 * columns, zip bombs, size lies, huge shared strings, and the reader's temporary files. Each
 * ends in the right table or one clear message with exit code 2, at a cost in proportion to
 * what the file really holds (counted: rows kept, column arrays, cells walked; never timed).
 */
import * as fs from "fs";
import * as path from "path";
import { readTable } from "../../src/cli/input/read-table";
import { readXlsx } from "../../src/cli/input/read-xlsx";
import { XLSX_BOUNDS } from "../../src/cli/input/xlsx-bounds";
import { cli, failure, tempFile } from "./helpers";
import { row, sharedStringsXml, sheetXml, withDeclaredSize, xlsxPackage } from "./xlsx-parts";

/** One "ka-planner:" line on stderr with exit code 2. */
function expectOneLine(r: { code: number; out: string; err: string }, ...details: (string | RegExp)[]): void {
  expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: "" });
  const lines = r.err.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  for (const d of details) expect(lines[0]).toMatch(d);
}

const header = row(1, [
  ["A", "Customer"],
  ["B", "Revenue"],
]);

describe("rows: Excel's last row is the limit; blank rows are not padded", () => {
  it("a row numbered 2,000,000,000 in a 1 KB file is a clear error", async () => {
    const rows =
      header +
      row(2, [
        ["A", "Alpha"],
        ["B", 5],
      ]) +
      row(2_000_000_000, [
        ["A", "Beta"],
        ["B", 1],
      ]);
    const p = tempFile("far-row.xlsx", await xlsxPackage(sheetXml(rows)));
    expect(fs.statSync(p).size).toBeLessThan(2048);
    expectOneLine(await cli("tiers", p), p, 'sheet "Data"', /row numbered 2000000000/, /1048576/);
  }, 20000);

  it("rows 1-3, then row 1,000,000: four rows held, messages name row 1,000,000", async () => {
    const rows =
      header +
      row(2, [
        ["A", "Alpha"],
        ["B", 5],
      ]) +
      row(3, [
        ["A", "Beta"],
        ["B", 3],
      ]) +
      row(1_000_000, [
        ["A", "Gamma"],
        ["B", "n/a"],
      ]);
    const p = tempFile("gap.xlsx", await xlsxPackage(sheetXml(rows)));
    const t = await readTable(p);
    expect(t.rowCount).toBe(3);
    expect(t.columns[0]).toEqual(["Alpha", "Beta", "Gamma"]);
    expect([0, 1, 2].map((i) => t.rowOf(i))).toEqual([2, 3, 1_000_000]);
    expectOneLine(await cli("tiers", p), 'column "Revenue" (B), row 1000000', '"n/a" is not a number');
  }, 20000);

  it("the last row Excel has is read", async () => {
    const rows =
      header +
      row(1_048_576, [
        ["A", "Last"],
        ["B", 7],
      ]);
    const t = await readTable(tempFile("last-row.xlsx", await xlsxPackage(sheetXml(rows))));
    expect(t.columns).toEqual([["Last"], [7]]);
    expect(t.rowOf(0)).toBe(1_048_576);
  });
});

describe("columns: a cell in column XFD costs one column, not 16,384 per row", () => {
  it("every row with a note in XFD: three column arrays, and no walk over the row's width", async () => {
    const n = 2000;
    let rows = row(1, [
      ["A", "Customer"],
      ["B", "Revenue"],
      ["XFD", "Note"],
    ]);
    for (let r = 2; r <= n + 1; r++)
      rows += row(r, [
        ["A", `C${r % 50}`],
        ["B", r],
        ["XFD", "x"],
      ]);
    const p = tempFile("xfd.xlsx", await xlsxPackage(sheetXml(rows)));
    // Work: elements of long arrays walked by forEach (ExcelJS's Row.values and dimensions walk
    // every index up to column XFD: 16,384 per row).
    let walked = 0;
    const forEach = Array.prototype.forEach;
    const spy = jest.spyOn(Array.prototype, "forEach").mockImplementation(function (this: unknown[], ...args: unknown[]) {
      if (this.length > 1000) walked += this.length;
      (forEach as (...a: unknown[]) => void).apply(this, args);
    });
    let t;
    try {
      t = await readTable(p);
    } finally {
      spy.mockRestore();
    }
    expect(t.rowCount).toBe(n);
    expect(t.headers.length).toBe(16384);
    expect(t.headers[16383]).toBe("Note");
    expect(t.columns[16383][n - 1]).toBe("x");
    expect(t.columns[1][0]).toBe(2);
    // Memory: column arrays made for the three used columns, and one shared blank one.
    expect(new Set(t.columns).size).toBeLessThanOrEqual(4);
    expect(walked).toBeLessThan(50 * n);
  }, 60000);

  it("one cell in XFD above many rows: the rows below hold two columns' cells", async () => {
    let rows =
      header +
      row(2, [
        ["A", "Alpha"],
        ["B", 1],
        ["XFD", "stray"],
      ]);
    for (let r = 3; r <= 3002; r++)
      rows += row(r, [
        ["A", `C${r}`],
        ["B", r],
      ]);
    const t = await readTable(tempFile("xfd-once.xlsx", await xlsxPackage(sheetXml(rows))));
    expect(t.rowCount).toBe(3001);
    const distinct = [...new Set(t.columns)];
    expect(distinct.length).toBeLessThanOrEqual(4);
    expect(distinct.reduce((sum, c) => sum + c.length, 0)).toBeLessThanOrEqual(4 * 3001);
    expect(
      byTier(await cli("tiers", tempFile("xfd-once-cli.xlsx", await xlsxPackage(sheetXml(rows))), "--format", "json")),
    ).toBeGreaterThan(0);
  }, 60000);
});

function byTier(r: { code: number; out: string; err: string }): number {
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as unknown[]).length;
}

describe("zip bounds", () => {
  it("a zip bomb (a sheet part inflating more than 100:1) stops at the first MiB", async () => {
    const filler = `<!--${" ".repeat(8 * 1024 * 1024)}-->`;
    const rows =
      header +
      row(2, [
        ["A", "Alpha"],
        ["B", 5],
      ]);
    const p = tempFile("bomb.xlsx", await xlsxPackage(sheetXml(rows, filler)));
    expect(fs.statSync(p).size).toBeLessThan(64 * 1024);
    expectOneLine(await cli("tiers", p), p, '"xl/worksheets/sheet1.xml"', /more than 100 times/, /zip bomb/);
  }, 30000);

  it("a part that inflates past the size its header declares", async () => {
    let rows = header;
    for (let r = 2; r < 500; r++)
      rows += row(r, [
        ["A", `Customer ${r}`],
        ["B", r],
      ]);
    const honest = await xlsxPackage(sheetXml(rows));
    const p = tempFile("lie.xlsx", withDeclaredSize(honest, "xl/worksheets/sheet1.xml", 1000));
    expectOneLine(await cli("tiers", p), p, '"xl/worksheets/sheet1.xml"', /more than the 1000 bytes its header declares/);
    const t = await readTable(tempFile("honest.xlsx", honest));
    expect(t.rowCount).toBe(498);
  }, 30000);

  it("a header declaring more than the total bound, and the total bound while inflating", async () => {
    let rows = header;
    for (let r = 2; r < 3000; r++)
      rows += row(r, [
        ["A", `Customer ${r}`],
        ["B", r],
      ]);
    const bytes = await xlsxPackage(sheetXml(rows));
    const p = tempFile("declared.xlsx", withDeclaredSize(bytes, "xl/worksheets/sheet1.xml", 0xfffffff0));
    expectOneLine(await cli("tiers", p), p, /would unpack to more than 2048 MB/);
    const q = tempFile("total.xlsx", bytes);
    const e = await failure(readXlsx(q, q, undefined, { ...XLSX_BOUNDS, totalBytes: 64 * 1024 }));
    expect(e.key).toBe("cli.error.xlsxTooLarge");
    expect(e.args.entry).toBe("xl/worksheets/sheet1.xml");
    expect((await readXlsx(q, q)).rowCount).toBe(2998);
  }, 30000);

  it("shared strings: their count and their characters", async () => {
    const strings = ["Customer", "Revenue"];
    for (let i = 0; i < 1200; i++) strings.push(`Customer number ${i} ${"x".repeat(20)}`);
    let rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`;
    for (let i = 2; i < strings.length; i++) rows += `<row r="${i}"><c r="A${i}" t="s"><v>${i}</v></c><c r="B${i}"><v>${i}</v></c></row>`;
    const p = tempFile("strings.xlsx", await xlsxPackage(sheetXml(rows), { sharedStrings: sharedStringsXml(strings) }));
    expect((await readXlsx(p, p)).rowCount).toBe(1200);
    const count = await failure(readXlsx(p, p, undefined, { ...XLSX_BOUNDS, sharedStrings: 1000 }));
    expect(count.key).toBe("cli.error.xlsxSharedStrings");
    expect(count.render("en")).toMatch(/more than 1000 shared strings/);
    const chars = await failure(readXlsx(p, p, undefined, { ...XLSX_BOUNDS, sharedStringChars: 10_000 }));
    expect(chars.key).toBe("cli.error.xlsxSharedStringChars");
  }, 30000);
});

describe("the reader's temporary files", () => {
  it("are gone after a read that succeeds and after one that fails midway", async () => {
    // The paths ExcelJS's `tmp` hands out, recorded by a spy on the instance ExcelJS loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the `tmp` instance ExcelJS loads, resolved from its folder at run time
    const tmp = require(require.resolve("tmp", { paths: [path.dirname(require.resolve("exceljs/package.json"))] })) as {
      file: (...a: unknown[]) => unknown;
    };
    const made: string[] = [];
    const file = tmp.file;
    const spy = jest.spyOn(tmp, "file").mockImplementation((...args: unknown[]) => {
      const k = args.findIndex((a) => typeof a === "function");
      const callback = args[k] as (err: unknown, name: string, ...rest: unknown[]) => void;
      args[k] = (err: unknown, name: string, ...rest: unknown[]) => {
        if (name) made.push(name);
        callback(err, name, ...rest);
      };
      return file(...args);
    });
    try {
      let rows = header;
      for (let r = 2; r < 2000; r++)
        rows += row(r, [
          ["A", `Customer ${r}`],
          ["B", r],
        ]);
      // Stored before the workbook: ExcelJS parks the sheet in a temporary file.
      const good = tempFile("parked.xlsx", await xlsxPackage(sheetXml(rows), { order: "sheet-first" }));
      expect((await readTable(good)).rowCount).toBe(1998);
      expect(made.length).toBe(1);
      expect(made.filter((f) => fs.existsSync(f))).toEqual([]);
      // A cell address past column XFD, far down the parked sheet: ExcelJS gives up midway.
      const bad = tempFile(
        "parked-bad.xlsx",
        await xlsxPackage(sheetXml(rows + `<row r="2500"><c r="XFE2500"><v>1</v></c></row>`), { order: "sheet-first" }),
      );
      const e = await failure(readTable(bad));
      expect(e.key).toBe("cli.error.badXlsx");
      expect(made.length).toBe(2);
      expect(made.filter((f) => fs.existsSync(f))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  }, 60000);
});
