import ExcelJS from "exceljs";
import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as path from "path";
import { sniffDelimiter } from "../../src/cli/input/read-csv";
import { readTable } from "../../src/cli/input/read-table";
import { columnIndexOfLetters, columnLetter, TableBuilder } from "../../src/cli/input/table";
import { failure, fixture, tempDir, tempFile } from "./helpers";

describe("CSV reading", () => {
  it("UTF-8 with BOM and Chinese headers: the BOM is not part of the first header", async () => {
    const t = await readTable(fixture("utf8-bom-zh.csv"));
    expect(t.encoding).toBe("utf-8");
    expect(t.headers).toEqual(["客户名称", "日期", "销售额", "利润"]);
    expect(t.rowCount).toBe(4);
    expect(t.rowOffset).toBe(1);
    expect(t.columns[0][3]).toBe("北京宏图化工股份有限公司");
    expect(t.columns[2]).toEqual(["1200", "800", "600", "-400"]);
  });

  it("semicolon-delimited", async () => {
    const t = await readTable(fixture("semicolon.csv"));
    expect(t.delimiter).toBe(";");
    expect(t.headers).toEqual(["Customer", "Region", "Net Sales (EUR)", "Gross Profit"]);
    expect(t.columns[2]).toEqual(["1000.50", "2000", "499.50", "500"]);
  });

  it("GB18030 (Excel's Chinese CSV): detected because the bytes are not UTF-8", async () => {
    const bytes = fs.readFileSync(fixture("gb18030.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // the fixture really is not UTF-8
    const t = await readTable(fixture("gb18030.csv"));
    expect(t.encoding).toBe("gb18030");
    expect(t.headers).toEqual(["客户", "订单日期", "金额", "毛利"]);
    expect(t.columns[0]).toEqual(["华东精密机械有限公司", "深圳恒达电子有限公司", "华东精密机械有限公司", "北京宏图化工股份有限公司"]);
  });

  it("GB18030 whose first non-ASCII byte comes after the first chunks is re-read from the start", async () => {
    const lines = ["Customer,Revenue"];
    for (let i = 0; i < 12000; i++) lines.push(`Customer ${i},${i}`);
    lines.push("华南物流有限公司,5");
    const p = tempFile("late.csv", iconv.encode(lines.join("\r\n") + "\r\n", "gb18030"));
    expect(fs.statSync(p).size).toBeGreaterThan(3 * 65536);
    const t = await readTable(p);
    expect(t.encoding).toBe("gb18030");
    expect(t.rowCount).toBe(12001);
    expect(t.columns[0][12000]).toBe("华南物流有限公司");
    expect(t.columns[1][11999]).toBe("11999");
  });

  it("UTF-16LE with BOM, tab-delimited (Excel's Unicode text)", async () => {
    const t = await readTable(fixture("utf16le-tab.txt"));
    expect(t.encoding).toBe("utf-16le");
    expect(t.delimiter).toBe("\t");
    expect(t.headers).toEqual(["Customer", "Region", "Revenue"]);
    expect(t.columns[0]).toEqual(["Müller GmbH", "上海永盛物流有限公司", "Müller GmbH"]);
  });

  it("quoted line breaks and ragged rows: short rows padded with blanks, extra cells get a column", async () => {
    const t = await readTable(fixture("quoted-ragged.csv"));
    expect(t.headers).toEqual(["Customer", "Note", "Revenue", "Profit", ""]);
    expect(t.rowCount).toBe(4);
    expect(t.columns[1][0]).toBe('multi\r\nline, quoted "note"');
    expect(t.columns[3]).toEqual(["10", null, "30", null]); // Beta's short row, Delta's one-cell row
    expect(t.columns[4]).toEqual([null, null, "extra", null]);
    expect(t.columns[2][3]).toBeNull();
    // Row numbers as a spreadsheet shows them; physical lines shift after the two-line record.
    expect(t.rowOffset).toBe(1);
    expect(t.lineOf(0)).toBe(2);
    expect(t.lineOf(1)).toBe(4);
    expect(t.lineOf(3)).toBe(6);
  });

  it("Excel's sep= line sets the delimiter and is not a row", async () => {
    const t = await readTable(tempFile("sep.csv", "sep=;\r\nCustomer;Revenue\r\nA;1,5\r\n"));
    expect(t.delimiter).toBe(";");
    expect(t.headers).toEqual(["Customer", "Revenue"]);
    expect(t.columns[1]).toEqual(["1,5"]);
    expect(t.lineOf(0)).toBe(3);
  });

  it("sniffs the delimiter from the lines, ignoring delimiters inside quotes", () => {
    expect(sniffDelimiter("a;b;c\n1;2,5;3\n4;5,5;6\n")).toBe(";");
    expect(sniffDelimiter('"a,b";c\n"1,2";3\n')).toBe(";");
    expect(sniffDelimiter("a\tb\n1,5\t2\n")).toBe("\t");
    expect(sniffDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(sniffDelimiter("single\n1\n")).toBe(",");
  });

  it("blank rows in the middle stay as blank data rows; trailing ones are dropped", async () => {
    const t = await readTable(tempFile("blank.csv", "Customer,Revenue\nA,1\n\nB,2\n\n\n"));
    expect(t.rowCount).toBe(3);
    expect(t.columns[0]).toEqual(["A", null, "B"]);
  });
});

describe("xlsx reading", () => {
  it("first sheet by default: title row skipped, formula results, rich text, hyperlinks, dates", async () => {
    const t = await readTable(fixture("small.xlsx"));
    expect(t.sheetName).toBe("Sales");
    expect(t.sheetNames).toEqual(["Sales", "区域", "Errors", "Dates"]);
    expect(t.headers).toEqual(["Customer", "Date", "Revenue", "Profit"]);
    expect(t.rowOffset).toBe(2); // merged title in row 1, header in row 2
    // Rows 3..7; row 6 is blank and skipped (blank sheet rows are not data rows), and the
    // rows keep their sheet numbers for messages.
    expect(t.rowCount).toBe(4);
    expect(t.columns[0]).toEqual(["Alpha Co", "Beta Corp", "Gamma Ltd", "alpha co "]);
    expect(t.columns[2]).toEqual([1000, 2000, 500.25, 250]);
    expect([0, 1, 2, 3].map((i) => t.rowOf(i))).toEqual([3, 4, 5, 7]);
    expect(t.columns[3][2]).toBe(50.025);
    expect(t.columns[1][0]).toEqual(new Date(Date.UTC(2025, 0, 15)));
  });

  it("--sheet picks a sheet by name, ignoring case; error cells arrive as their literal", async () => {
    const zh = await readTable(fixture("small.xlsx"), { sheet: "区域" });
    expect(zh.headers).toEqual(["客户", "区域", "销售额"]);
    expect(zh.columns[2]).toEqual([300, 100, 100]);
    const e = await readTable(fixture("small.xlsx"), { sheet: " errors " });
    expect(e.sheetName).toBe("Errors");
    expect(e.columns[1]).toEqual([10, "#N/A"]);
  });

  it("the default sheet is the first visible one", async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet("Hidden", { state: "hidden" });
    hidden.addRow(["Customer", "Revenue"]);
    hidden.addRow(["H", 1]);
    const visible = wb.addWorksheet("Visible");
    visible.addRow(["Customer", "Revenue"]);
    visible.addRow(["V", 2]);
    const p = path.join(tempDir(), "hidden.xlsx");
    await wb.xlsx.writeFile(p);
    const t = await readTable(p);
    expect(t.sheetName).toBe("Visible");
    expect(t.columns[0]).toEqual(["V"]);
    expect((await readTable(p, { sheet: "hidden" })).columns[0]).toEqual(["H"]);
  });

  it("an unknown sheet lists the sheets", async () => {
    const e = await failure(readTable(fixture("small.xlsx"), { sheet: "Nope" }));
    expect(e.key).toBe("cli.error.unknownSheet");
    expect(e.args.sheets).toBe('"Sales", "区域", "Errors", "Dates"');
  });
});

describe("files that are not what they claim", () => {
  it.each([
    ["empty.csv", "cli.error.emptyFile"],
    ["not-really.xlsx", "cli.error.notZip"],
    ["really-xlsx.csv", "cli.error.zipNotCsv"],
    ["missing.csv", "cli.error.noFile"],
    ["header-only.csv", null],
  ])("%s", async (name, key) => {
    if (key === null) {
      const t = await readTable(fixture(name));
      expect(t.rowCount).toBe(0);
      return;
    }
    const e = await failure(readTable(fixture(name)));
    expect(e.key).toBe(key);
    expect(e.args.file).toBe(fixture(name));
    expect(e.exitCode).toBe(2);
  });

  it("an old .xls, a binary file and an unknown extension", async () => {
    expect((await failure(readTable(tempFile("old.xls", "x")))).key).toBe("cli.error.oldXls");
    expect((await failure(readTable(tempFile("bin.csv", Buffer.from([1, 0, 2, 0, 0, 0, 3, 7, 0, 0]))))).key).toBe("cli.error.binary");
    expect((await failure(readTable(tempFile("data.json", "{}")))).key).toBe("cli.error.extension");
  });
});

describe("TableBuilder", () => {
  it("skips title rows above the header, keeps a single-column table", () => {
    const b = new TableBuilder();
    for (const r of [[], ["Sales report"], [], ["Customer", "Revenue"], ["A", 1]]) b.addRow(r);
    expect(b.finish()).toMatchObject({ headers: ["Customer", "Revenue"], rowOffset: 4, rowCount: 1 });
    const c = new TableBuilder();
    for (const r of [["Revenue"], [1], [2]]) c.addRow(r);
    expect(c.finish()).toMatchObject({ headers: ["Revenue"], rowOffset: 1, rowCount: 2, columns: [[1, 2]] });
    expect(new TableBuilder().finish()).toBeNull();
  });

  it("column letters", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(["A", "z", "AA", "zz", "1", "ABCD"].map(columnIndexOfLetters)).toEqual([0, 25, 26, 701, -1, -1]);
  });
});
