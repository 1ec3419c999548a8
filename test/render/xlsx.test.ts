/**
 * The .xlsx renderer without LibreOffice: names, text safety, and the parts of the package
 * (read back with ExcelJS and as raw XML). xlsx-libreoffice.test.ts checks the same renderer
 * under a real spreadsheet engine.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseStringPromise } from "xml2js";
import {
  decodeOoxmlString,
  encodeOoxmlString,
  EXCEL_MAX_CELL_CHARS,
  planNames,
  storedFormula,
  truncateForCell,
  writeWorkbook,
} from "../../src/render/xlsx";
import { rootChildren, WORKSHEET_ORDER } from "../../src/render/xlsx/package";
import type { Cell, ChartDef, SheetModel } from "../../src/sheets/model";

// ---- fixtures ----------------------------------------------------------------------------

const INJECTED = ["=1+1", "+SUM(A1)", "-2+3", "@A1", "\tx", "\rx", "=cmd|' /C calc'!A0"];

function planSheet(name = "Plan – ACME"): SheetModel {
  const data: Cell[][] = [
    ["Acme", 120, { f: "B4*2", v: 240 }],
    ["Globex", 80, { f: "B5*2", v: 160 }],
    ["Globex", 40, { f: "B6*2", v: 80 }],
  ];
  return {
    key: `plan:${name}`,
    name,
    tabColor: "217346",
    columnWidths: [20, 12, 14, 40],
    blocks: [
      { row: 0, col: 0, cells: [["Account plan", null, null]], style: "title" },
      { row: 1, col: 0, cells: [["Key account"]], style: "subtitle" },
      { row: 2, col: 0, cells: [["Customer", "Revenue", "Revenue"]], style: "header" },
      { row: 3, col: 0, cells: data, style: "body", numberFormats: [null, "#,##0", "#,##0.00"] },
      { row: 6, col: 0, cells: [["Total", { f: "SUM(B4:B6)", v: 240 }, { f: "SUM(C4:C6)", v: 480 }]], style: "total" },
      { row: 8, col: 0, cells: [["Goal"]], style: "section" },
      { row: 9, col: 0, cells: [[500]], style: "input" },
      { row: 10, col: 0, cells: [["Write the strategy"]], style: "todo" },
      { row: 11, col: 0, cells: [["Check data"]], style: "warning" },
      { row: 12, col: 0, cells: [["Source: CRM"]], style: "note" },
      { row: 13, col: 3, cells: [["Wrapped text"]], wrap: true },
      { row: 14, col: 0, cells: INJECTED.map((s) => [s]) },
      {
        row: 22,
        col: 0,
        cells: [
          [
            { f: '"x"&"y"', v: "xy" },
            { f: "B4>100", v: true },
            { f: "=RANK.EQ(B4,B4:B6)", v: 1 },
          ],
        ],
      },
    ],
    merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
    freeze: { rows: 3, cols: 1 },
    tables: [{ name: "Accounts", range: { row: 2, col: 0, rows: 5, cols: 3 }, showTotals: true, style: "TableStyleMedium7" }],
    conditionalFormats: [
      { kind: "colorScale", range: { row: 3, col: 1, rows: 3, cols: 1 }, min: "#F8696B", max: "#63BE7B" },
      { kind: "dataBar", range: { row: 3, col: 2, rows: 3, cols: 1 }, color: "#638EC6" },
      { kind: "textEquals", range: { row: 3, col: 0, rows: 3, cols: 1 }, text: 'Acme "Inc"', fill: "#FFC7CE", font: "#9C0006" },
    ],
    validations: [
      { range: { row: 9, col: 1, rows: 2, cols: 1 }, values: ["Low", "Medium", "High"], prompt: "Choose a level" },
      { range: { row: 9, col: 2, rows: 1, cols: 1 }, values: ["Yes, now", "No, later"] },
    ],
    names: [
      { name: "Revenue", range: { row: 3, col: 1, rows: 3, cols: 1 }, comment: "Revenue per customer" },
      { name: "A1", range: { row: 9, col: 0, rows: 1, cols: 1 } },
    ],
  };
}

const paretoChart = (): ChartDef => ({
  kind: "pareto",
  title: "Pareto",
  anchor: { row: 2, col: 5, rows: 15, cols: 8 },
  series: [
    {
      name: "Revenue",
      categories: { row: 3, col: 0, rows: 3, cols: 1 },
      values: { row: 3, col: 1, rows: 3, cols: 1 },
      type: "column",
      axis: "primary",
    },
    {
      name: "Cumulative",
      categories: { row: 3, col: 0, rows: 3, cols: 1 },
      values: { row: 3, col: 2, rows: 3, cols: 1 },
      type: "line",
      axis: "secondary",
    },
  ],
  xAxisTitle: "Customer",
  yAxisTitle: "Revenue",
  y2AxisTitle: "Share",
  referenceLines: [{ axis: "y2", value: 0.8, label: "80%" }],
  y2Max: 1,
});

const portfolioChart = (bubble = false): ChartDef => ({
  kind: "portfolio",
  title: "Portfolio",
  anchor: { row: 20, col: 5, rows: 15, cols: 8 },
  series: [
    {
      name: "Accounts",
      categories: { row: 3, col: 1, rows: 3, cols: 1 },
      values: { row: 3, col: 2, rows: 3, cols: 1 },
      sizes: bubble ? { row: 3, col: 1, rows: 3, cols: 1 } : undefined,
      type: bubble ? "bubble" : "scatter",
      axis: "primary",
    },
  ],
  xAxisTitle: "Revenue",
  yAxisTitle: "Score",
  referenceLines: [
    { axis: "x", value: 80, label: "Median revenue" },
    { axis: "y", value: 160, label: "Median score" },
  ],
});

async function unzip(buf: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(buf);
}

async function read(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`${path} missing; parts: ${Object.keys(zip.files).join(", ")}`);
  return f.async("string");
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const decode = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

// ---- names -------------------------------------------------------------------------------

describe("names", () => {
  test("planNames shows the final names", () => {
    const plan = planNames([planSheet(), planSheet(), { key: "x", name: "plan – acme", blocks: [] }]);
    expect(plan.sheets).toEqual(["Plan – ACME", "Plan – ACME (2)", "plan – acme (3)"]);
    expect(plan.tables).toEqual([["Accounts"], ["Accounts_2"], []]);
    expect(plan.names).toEqual([["Revenue", "_A1"], ["Revenue_2", "_A1_2"], []]);
    expect(plan.helperSheet).toBe("Helper data");
  });
});

// ---- text and formulas -------------------------------------------------------------------

describe("text", () => {
  test("OOXML escapes round-trip, protecting literal _xHHHH_", () => {
    for (const s of ["\rx", "a\u0001b", "_x000D_", "tab\tand\nline", "del\u007F", "plain"]) {
      expect(decodeOoxmlString(encodeOoxmlString(s))).toBe(s);
    }
    expect(encodeOoxmlString("\rx")).toBe("_x000D_x");
    expect(encodeOoxmlString("_x000D_")).toBe("_x005F_x000D_");
    expect(encodeOoxmlString("\tx")).toBe("\tx");
  });

  test("strings over Excel's limit are truncated with a note", () => {
    const long = "y".repeat(40000);
    const t = truncateForCell(long);
    expect(t.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    expect(t).toMatch(/\[truncated: \d+ characters removed; an Excel cell holds at most 32767 characters\]$/);
    const kept = t.indexOf(" …");
    expect(Number(/truncated: (\d+)/.exec(t)![1])).toBe(40000 - kept);
    expect(truncateForCell("short")).toBe("short");
    expect(truncateForCell("z".repeat(EXCEL_MAX_CELL_CHARS))).toHaveLength(EXCEL_MAX_CELL_CHARS);
  });

  test("formulas lose a leading = and newer functions get the _xlfn. prefix", () => {
    expect(storedFormula("=SUM(A1:A3)")).toBe("SUM(A1:A3)");
    expect(storedFormula("RANK.EQ(B2,B2:B9)")).toBe("_xlfn.RANK.EQ(B2,B2:B9)");
    expect(storedFormula('IFS(A1>1,"IFS(",TRUE,"x")')).toBe('_xlfn.IFS(A1>1,"IFS(",TRUE,"x")');
    expect(storedFormula("_xlfn.STDEV.S(A1:A3)+stdev.s(A1:A3)")).toBe("_xlfn.STDEV.S(A1:A3)+_xlfn.stdev.s(A1:A3)");
    expect(storedFormula("FILTER(A1:A3,B1:B3)")).toBe("_xlfn._xlws.FILTER(A1:A3,B1:B3)");
    expect(storedFormula("'XOR('!A1+MEDIAN(A1:A2)")).toBe("'XOR('!A1+MEDIAN(A1:A2)");
  });
});

// ---- the workbook ------------------------------------------------------------------------

describe("writeWorkbook", () => {
  let cached: Buffer;
  let uncached: Buffer;
  let zip: JSZip;

  beforeAll(async () => {
    const withCharts = (s: SheetModel): SheetModel => ({ ...s, charts: [paretoChart(), portfolioChart()] });
    const sheets = [
      withCharts(planSheet()),
      planSheet(),
      { ...planSheet("Bubbles"), tables: [], names: [], charts: [portfolioChart(true)] },
    ];
    cached = await writeWorkbook(sheets, { creator: "Test Suite" });
    uncached = await writeWorkbook(sheets, { cacheFormulaResults: false });
    zip = await unzip(cached);
  });

  test("every XML part is well-formed", async () => {
    for (const path of Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      await expect(parseStringPromise(await read(zip, path))).resolves.toBeDefined();
    }
  });

  test("sheets come in model order with unique names, plus the hidden helper sheet", async () => {
    const wb = await load(cached);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Plan – ACME", "Plan – ACME (2)", "Bubbles", "Helper data"]);
    expect(wb.getWorksheet("Helper data")!.state).toBe("hidden");
    expect(wb.creator).toBe("Test Suite");
  });

  test("values and formulas with cached results", async () => {
    const ws = (await load(cached)).getWorksheet("Plan – ACME")!;
    expect(ws.getCell("A4").value).toBe("Acme");
    expect(ws.getCell("B4").value).toBe(120);
    expect(ws.getCell("C4").value).toEqual({ formula: "B4*2", result: 240 });
    expect(ws.getCell("A23").value).toEqual({ formula: '"x"&"y"', result: "xy" });
    expect(ws.getCell("B23").result).toBe(true);
    expect(ws.getCell("C23").value).toEqual({ formula: "_xlfn.RANK.EQ(B4,B4:B6)", result: 1 });
    expect(await read(zip, "xl/workbook.xml")).not.toContain("fullCalcOnLoad");
  });

  test("without cached results: formulas only, and a full calculation on load", async () => {
    const z = await unzip(uncached);
    const sheet = await read(z, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<c r="C4"[^>]*><f>B4\*2<\/f><\/c>/);
    expect(sheet).not.toMatch(/<f>[^<]*<\/f><v>/);
    expect(await read(z, "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    // Chart series carry no caches either (constants on the helper sheet still do).
    const chart = await read(z, "xl/charts/chart1.xml");
    expect(chart).not.toContain("<c:strCache>");
  });

  test("every literal string is a shared string, never a formula", async () => {
    const sheet = await read(zip, "xl/worksheets/sheet1.xml");
    const sst = await read(zip, "xl/sharedStrings.xml");
    const strings = [...sst.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => decodeOoxmlString(decode(m[1])));
    INJECTED.forEach((s, i) => {
      const cell = new RegExp(`<c r="A${15 + i}"[^>]*>(.*?)</c>`).exec(sheet)![0];
      expect(cell).toContain('t="s"');
      expect(cell).not.toContain("<f>");
      const index = Number(/<v>(\d+)<\/v>/.exec(cell)![1]);
      expect(strings[index]).toBe(s);
    });
    expect(sst).toContain("_x000D_x"); // a raw CR would be read back as LF
    expect(sst).toMatch(/<t xml:space="preserve">\tx<\/t>/);
    const ws = (await load(cached)).getWorksheet("Plan – ACME")!;
    INJECTED.forEach((s, i) => expect(ws.getCell(15 + i, 1).value).toBe(s));
  });

  test("long strings are truncated with a note; non-finite numbers become #NUM!", async () => {
    const buf = await writeWorkbook(
      [{ key: "t", name: "T", blocks: [{ row: 0, col: 0, cells: [["q".repeat(50000), Number.NaN, { f: "1/0", v: Infinity }]] }] }],
      {},
    );
    const ws = (await load(buf)).getWorksheet("T")!;
    const text = ws.getCell("A1").value as string;
    expect(text.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    expect(text).toContain("[truncated:");
    expect(ws.getCell("B1").value).toEqual({ error: "#NUM!" });
    expect(ws.getCell("C1").value).toEqual({ formula: "1/0" });
  });

  test("styles, number formats, widths, merges, freeze panes and tab colour", async () => {
    const ws = (await load(cached)).getWorksheet("Plan – ACME")!;
    const header = ws.getCell("A3");
    expect(header.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF217346" } });
    expect(header.font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(header.border.bottom).toMatchObject({ style: "thin" });
    expect(ws.getCell("A1").font).toMatchObject({ size: 16, bold: true });
    expect(ws.getRow(1).height).toBe(24);
    expect(ws.getCell("A10").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell("A11").font).toMatchObject({ italic: true });
    expect(ws.getCell("A11").fill).toMatchObject({ fgColor: { argb: "FFF2F2F2" } });
    expect(ws.getCell("A11").border.top).toMatchObject({ style: "dashed" });
    expect(ws.getCell("A7").font).toMatchObject({ bold: true });
    expect(ws.getCell("A7").border.bottom).toMatchObject({ style: "double" });
    expect(ws.getCell("B4").numFmt).toBe("#,##0");
    expect(ws.getCell("C4").numFmt).toBe("#,##0.00");
    expect(ws.getCell("D14").alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(4).width).toBe(40);
    expect(ws.model.merges).toEqual(["A1:C1"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3, topLeftCell: "B4" });
    expect(ws.properties.tabColor).toEqual({ argb: "FF217346" });
  });

  test("tables: header texts as unique column names, totals row, valid unique names", async () => {
    const t1 = await read(zip, "xl/tables/table1.xml");
    const t2 = await read(zip, "xl/tables/table2.xml");
    expect(t1).toMatch(/name="Accounts" displayName="Accounts" ref="A3:C7" totalsRowCount="1"/);
    expect(t1).toContain('<autoFilter ref="A3:C6"/>');
    expect(t1).toContain('<tableColumn id="1" name="Customer" totalsRowLabel="Total"/>');
    expect(t1).toContain(
      '<tableColumn id="2" name="Revenue" totalsRowFunction="custom"><totalsRowFormula>SUM(B4:B6)</totalsRowFormula></tableColumn>',
    );
    expect(t1).toContain('name="Revenue2"'); // duplicate header made unique…
    expect(t1).toContain('<tableStyleInfo name="TableStyleMedium7"');
    expect(t2).toMatch(/name="Accounts_2"/);
    const ws = (await load(cached)).getWorksheet("Plan – ACME")!;
    expect(ws.getCell("C3").value).toBe("Revenue2"); // …and written back to the header cell
    const types = await read(zip, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
    );
    const rels = await read(zip, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/table" Target="..\/tables\/table1.xml"/,
    );
  });

  test("a table without data rows gets one; unknown table styles fall back", async () => {
    const buf = await writeWorkbook([
      {
        key: "e",
        name: "E",
        blocks: [{ row: 0, col: 0, cells: [["A", "A", null]] }],
        tables: [{ name: "1 bad name!", range: { row: 0, col: 0, rows: 1, cols: 3 }, style: "Fancy" }],
      },
    ]);
    const t = await read(await unzip(buf), "xl/tables/table1.xml");
    expect(t).toMatch(/name="_1_bad_name_" displayName="_1_bad_name_" ref="A1:C2" totalsRowShown="0"/);
    expect(t).toContain('name="A"');
    expect(t).toContain('name="A2"');
    expect(t).toContain('name="Column3"');
    expect(t).toContain('<tableStyleInfo name="TableStyleLight1"');
  });

  test("worksheet elements keep the schema order (drawing before tableParts, after pageSetup)", async () => {
    for (const path of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]) {
      const names = rootChildren(await read(zip, path)).children.map((c) => c.name);
      const ranks = names.map((n) => WORKSHEET_ORDER.indexOf(n));
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    }
    const names = rootChildren(await read(zip, "xl/worksheets/sheet1.xml")).children.map((c) => c.name);
    expect(names).toEqual([
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "mergeCells",
      "conditionalFormatting",
      "conditionalFormatting",
      "conditionalFormatting",
      "dataValidations",
      "pageMargins",
      "pageSetup",
      "drawing",
      "tableParts",
      "extLst",
    ]);
  });

  test("conditional formats: colour scale, data bar, text equals", async () => {
    const sheet = decode(await read(zip, "xl/worksheets/sheet1.xml"));
    expect(sheet).toMatch(
      /<conditionalFormatting sqref="B4:B6"><cfRule type="colorScale"[^>]*><colorScale><cfvo type="min"\/><cfvo type="max"\/><color rgb="FFF8696B"\/><color rgb="FF63BE7B"\/>/,
    );
    expect(sheet).toMatch(
      /<conditionalFormatting sqref="C4:C6"><cfRule type="dataBar"[^>]*><dataBar><cfvo type="min"\/><cfvo type="max"\/><color rgb="FF638EC6"\/>/,
    );
    expect(sheet).toMatch(/<cfRule type="cellIs" dxfId="\d+" priority="3" operator="equal"><formula>"Acme ""Inc"""<\/formula>/);
    const styles = await read(zip, "xl/styles.xml");
    expect(styles).toMatch(/<dxf>.*FFFFC7CE.*<\/dxf>/);
  });

  test("list validations: inline when possible, else a range on the helper sheet", async () => {
    const sheet = decode(await read(zip, "xl/worksheets/sheet1.xml"));
    expect(sheet).toMatch(
      /<dataValidation type="list" allowBlank="1" showInputMessage="1" prompt="Choose a level" showErrorMessage="1" errorStyle="stop" sqref="B10:B11"><formula1>"Low,Medium,High"<\/formula1>/,
    );
    expect(sheet).toMatch(/sqref="C10"><formula1>'Helper data'!\$A\$1:\$A\$2<\/formula1>/);
    const helper = (await load(cached)).getWorksheet("Helper data")!;
    expect(helper.getCell("A1").value).toBe("Yes, now");
    expect(helper.getCell("A2").value).toBe("No, later");
  });

  test("defined names: workbook-scoped, valid, unique, with comments", async () => {
    const wb = decode(await read(zip, "xl/workbook.xml"));
    expect(wb).toMatch(/<\/sheets><definedNames>.*<\/definedNames><calcPr/);
    expect(wb).toContain(`<definedName name="Revenue" comment="Revenue per customer">'Plan – ACME'!$B$4:$B$6</definedName>`);
    expect(wb).toContain(`<definedName name="_A1">'Plan – ACME'!$A$10</definedName>`);
    expect(wb).toContain(`<definedName name="Revenue_2" comment="Revenue per customer">'Plan – ACME (2)'!$B$4:$B$6</definedName>`);
    expect(wb).not.toContain("localSheetId");
    const names = (await load(cached)).definedNames.model.map((n: { name: string }) => n.name).sort();
    expect(names).toEqual(["Revenue", "Revenue_2", "_A1", "_A1_2"]);
  });

  test("charts: drawing, relationships and content types", async () => {
    const sheet = await read(zip, "xl/worksheets/sheet1.xml");
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
    const rels = await read(zip, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toContain(
      `Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    const drawing = await read(zip, "xl/drawings/drawing1.xml");
    expect((drawing.match(/<xdr:twoCellAnchor>/g) ?? []).length).toBe(2);
    expect(drawing).toContain("<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>");
    expect(drawing).toContain("<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>");
    const drels = await read(zip, "xl/drawings/_rels/drawing1.xml.rels");
    expect(drels).toContain('Target="../charts/chart1.xml"');
    expect(drels).toContain('Target="../charts/chart2.xml"');
    const types = await read(zip, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);
  });

  test("Pareto chart: clustered columns, cumulative line on a 0–100% secondary axis, 80% line", async () => {
    const c = decode(await read(zip, "xl/charts/chart1.xml"));
    expect(c).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(c).toContain("<c:f>'Plan – ACME'!$A$4:$A$6</c:f><c:strCache>");
    expect(c).toContain("<c:f>'Plan – ACME'!$B$4:$B$6</c:f><c:numCache>");
    const line = c.slice(c.indexOf("<c:lineChart>"), c.indexOf("</c:lineChart>"));
    expect(line).toContain("<c:v>Cumulative</c:v>");
    expect(line).toContain("<c:v>80%</c:v>");
    expect(line).toMatch(
      /<c:f>'Helper data'!\$[A-Z]+\$1:\$[A-Z]+\$3<\/c:f><c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="3"\/>(<c:pt idx="\d"><c:v>0.8<\/c:v><\/c:pt>){3}/,
    );
    expect(line).toContain('<c:axId val="1003"/><c:axId val="1004"/>');
    expect(c).toMatch(
      /<c:valAx><c:axId val="1004"\/><c:scaling><c:orientation val="minMax"\/><c:max val="1"\/><c:min val="0"\/><\/c:scaling><c:delete val="0"\/><c:axPos val="r"\/>/,
    );
    expect(c).toMatch(/<c:axId val="1004"\/>.*<c:numFmt formatCode="0%" sourceLinked="0"\/>.*<c:crosses val="max"\/>/);
    expect(c).toMatch(/<c:catAx><c:axId val="1003"\/>.*?<c:delete val="1"\/>/);
    // The primary axis shows the revenue cells' number format.
    expect(c).toMatch(/<c:valAx><c:axId val="1002"\/>.*?<c:numFmt formatCode="#,##0" sourceLinked="0"\/>/);
    for (const title of ["Customer", "Revenue", "Share", "Pareto"]) expect(c).toContain(`<a:t>${title}</a:t>`);
  });

  test("portfolio charts: scatter with two-point cut lines; bubbles with dotted cuts", async () => {
    const s = decode(await read(zip, "xl/charts/chart2.xml"));
    expect(s).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    expect((s.match(/<c:ser>/g) ?? []).length).toBe(3);
    expect(s).toContain("<c:xVal><c:numRef><c:f>'Plan – ACME'!$B$4:$B$6</c:f>");
    // Vertical cut at x = 80 from the smallest to the largest y (80…240).
    expect(s).toMatch(
      /<c:v>Median revenue<\/c:v>.*?<c:xVal>.*?<c:pt idx="0"><c:v>80<\/c:v><\/c:pt><c:pt idx="1"><c:v>80<\/c:v>.*?<c:yVal>.*?<c:v>80<\/c:v>.*?<c:v>240<\/c:v>/,
    );
    expect(s).toMatch(
      /<c:v>Median score<\/c:v>.*?<c:xVal>.*?<c:v>40<\/c:v>.*?<c:v>120<\/c:v>.*?<c:yVal>.*?<c:v>160<\/c:v>.*?<c:v>160<\/c:v>/,
    );
    const b = decode(await read(zip, "xl/charts/chart3.xml"));
    expect(b).toContain("<c:bubbleChart>");
    expect(b).not.toContain("<c:scatterChart>");
    expect(b).toContain("<c:bubbleSize><c:numRef><c:f>'Bubbles'!$B$4:$B$6</c:f>");
    expect((b.match(/<c:ser>/g) ?? []).length).toBe(3);
  });

  test("model errors are reported, not written into a broken file", async () => {
    const base: SheetModel = {
      key: "k",
      name: "K",
      blocks: [
        {
          row: 0,
          col: 0,
          cells: [
            ["a", "b"],
            [1, 2],
            [3, 4],
          ],
        },
      ],
    };
    await expect(
      writeWorkbook([
        {
          ...base,
          merges: [
            { row: 0, col: 0, rows: 2, cols: 2 },
            { row: 1, col: 1, rows: 2, cols: 1 },
          ],
        },
      ]),
    ).rejects.toThrow(/merges A1:B2 and B2:B3 overlap/);
    await expect(
      writeWorkbook([
        { ...base, tables: [{ name: "T", range: { row: 0, col: 0, rows: 3, cols: 2 } }], merges: [{ row: 1, col: 0, rows: 1, cols: 2 }] },
      ]),
    ).rejects.toThrow(/overlaps table "T"/);
    await expect(
      writeWorkbook([
        {
          ...base,
          tables: [
            { name: "T", range: { row: 0, col: 0, rows: 3, cols: 2 } },
            { name: "U", range: { row: 1, col: 1, rows: 2, cols: 1 } },
          ],
        },
      ]),
    ).rejects.toThrow(/overlap/);
    await expect(writeWorkbook([{ ...base, merges: [{ row: 0, col: 0, rows: 0, cols: 2 }] }])).rejects.toThrow(/invalid range/);
  });
});

// ---- layout: row heights, alignment, print setup, dynamic arrays, linked chart lines ---------

describe("writeWorkbook: layout", () => {
  const LONG = "Leads the team serving the account and owns the plan for the whole year";
  const CJK = "负责带领团队服务客户并对全年计划负责以及跟进执行情况和结果";
  const layoutSheet = (): SheetModel => ({
    key: "layout",
    name: "Layout",
    columnWidths: [20, 20, 12, 12, 12],
    blocks: [
      { row: 0, col: 0, cells: [["Title"]], style: "title" },
      { row: 1, col: 0, cells: [[LONG, "short"]], style: "body", wrap: true },
      { row: 2, col: 0, cells: [["short", "fits"]], style: "body", wrap: true },
      { row: 3, col: 0, cells: [[CJK.slice(0, 20), "x"]], style: "body", wrap: true },
      { row: 4, col: 0, cells: [["a".repeat(20) + " " + "b".repeat(20)]], style: "body", wrap: true },
      { row: 5, col: 0, cells: [[LONG]], style: "note", wrap: true },
      { row: 6, col: 0, cells: [[1, "Acme", 0.5]], style: "body", align: ["center", null, "right"], numberFormats: ["0", null, "0%"] },
      { row: 7, col: 0, cells: [["Rank", "Customer", "Cumulative share held above"]], style: "header", wrap: true },
    ],
    merges: [{ row: 4, col: 0, rows: 1, cols: 4 }],
  });

  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = (await load(await writeWorkbook([layoutSheet()]))).getWorksheet("Layout")!;
  });

  test("rows with wrapped text get the height their lines need; one-line rows keep the default", () => {
    // 72 characters in a 20-character column: 4 lines of 15 pt.
    expect(ws.getRow(2).height).toBe(60);
    expect(ws.getRow(3).height).toBeUndefined();
    expect(ws.getRow(1).height).toBe(24); // the title's own height
    // Wide (CJK) characters count double: 20 of them need 3 lines in 20 characters, set a tenth taller.
    expect(ws.getRow(4).height).toBe(50);
    // A merged cell wraps over the merged width (4 columns, 56 characters): one line, no height.
    expect(ws.getRow(5).height).toBeUndefined();
    // 9 pt notes: narrower characters, shorter lines.
    expect(ws.getRow(6).height).toBe(Math.ceil((3 * (15 * 9)) / 11));
    // A wrapped header (bold, wider): 3 lines in 12 characters.
    expect(ws.getRow(8).height).toBe(45);
    expect(ws.getCell("A2").alignment).toMatchObject({ wrapText: true, vertical: "middle" });
  });

  test("horizontal alignment per block column", () => {
    expect(ws.getCell("A7").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("B7").alignment?.horizontal).toBeUndefined();
    expect(ws.getCell("C7").alignment).toMatchObject({ horizontal: "right" });
    expect(ws.getCell("C7").numFmt).toBe("0%");
  });
});

describe("writeWorkbook: print setup", () => {
  const table = (name: string, print?: SheetModel["print"]): SheetModel => ({
    key: name,
    name,
    columnWidths: [8, 30, 14],
    blocks: [
      { row: 0, col: 0, cells: [["Title"]], style: "title" },
      { row: 4, col: 0, cells: [["Rank", "Customer", "Revenue"]], style: "header" },
      { row: 5, col: 0, cells: Array.from({ length: 60 }, (_, i) => [i + 1, `C${i}`, 1000 - i]), style: "body" },
      { row: 4, col: 5, cells: [["Side"]], style: "section" },
    ],
    ...(print ? { print } : {}),
  });
  let zip: JSZip;
  beforeAll(async () => {
    zip = await unzip(
      await writeWorkbook([
        table("Plain"),
        table("O'Brien – table", {
          area: { row: 0, col: 0, rows: 65, cols: 3 },
          areas: [{ row: 4, col: 5, rows: 20, cols: 4 }],
          landscape: false,
          fitToWidth: 1,
          fitToHeight: 0,
          repeatRows: { from: 4, to: 4 },
        }),
        table("Wide", { landscape: true }),
      ]),
    );
  });

  test("the model's page setup: orientation, fit to one page wide, as many tall as needed", async () => {
    const sheet = await read(zip, "xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="portrait"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
    expect(sheet).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>/);
    // Without fit settings: 100% scale, no fitToPage.
    const wide = await read(zip, "xl/worksheets/sheet3.xml");
    expect(wide).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(wide).not.toContain('fitToPage="1"');
  });

  test("print area (several areas: one page each) and the rows repeated on every page, as sheet-scoped names", async () => {
    const wb = decode(await read(zip, "xl/workbook.xml"));
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">'O''Brien – table'!$A$1:$C$65,'O''Brien – table'!$F$5:$I$24</definedName>`,
    );
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'O''Brien – table'!$5:$5</definedName>`);
    expect(wb).not.toMatch(/localSheetId="[02]"/);
    const ws = (
      await load(await writeWorkbook([table("T", { area: { row: 0, col: 0, rows: 65, cols: 3 }, repeatRows: { from: 4, to: 4 } })]))
    ).getWorksheet("T")!;
    expect(ws.pageSetup.printArea).toBe("A1:C65");
    expect(ws.pageSetup.printTitlesRow).toBe("5:5");
  });

  test("without a print setup: one page wide, landscape only for wide sheets (as before)", async () => {
    const sheet = await read(zip, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="portrait"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(decode(await read(zip, "xl/workbook.xml"))).not.toContain("'Plain'!");
  });

  test("invalid print rows or areas are reported", async () => {
    await expect(writeWorkbook([table("T", { repeatRows: { from: 5, to: 4 } })])).rejects.toThrow(/repeats invalid rows/);
    await expect(writeWorkbook([table("T", { area: { row: 0, col: 0, rows: 0, cols: 3 } })])).rejects.toThrow(/print area/);
  });
});

describe("writeWorkbook: dynamic arrays (spill)", () => {
  const spilling = (): SheetModel => ({
    key: "live",
    name: "Live",
    blocks: [
      { row: 0, col: 0, cells: [["Values"], [1], [2], [3]], style: "body" },
      {
        row: 1,
        col: 2,
        cells: [[{ f: "KA.PARETO(A2:A4,A2:A4)", v: "Rank", spill: { rows: 4, cols: 3 } }]],
        style: "body",
        numberFormats: ["0.0%"],
      },
      { row: 1, col: 6, cells: [[{ f: "A2:A4*2", v: 2, spill: { rows: 3, cols: 1 } }]] },
    ],
  });
  let zip: JSZip;
  let sheet: string;
  beforeAll(async () => {
    zip = await unzip(await writeWorkbook([spilling()]));
    sheet = await read(zip, "xl/worksheets/sheet1.xml");
  });

  test("the anchor holds an array formula over the spill area, flagged dynamic by cell metadata (cm=1)", () => {
    expect(sheet).toMatch(/<c r="C2" [^>]*cm="1"[^>]*><f t="array" ref="C2:E5">KA.PARETO\(A2:A4,A2:A4\)<\/f><v>Rank<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="G2" [^>]*cm="1"[^>]*><f t="array" ref="G2:G4">A2:A4\*2<\/f><v>2<\/v><\/c>/);
    // Only the anchors have formulas; the rest of the area is empty (styled like the anchor).
    expect((sheet.match(/<f /g) ?? []).length).toBe(2);
    expect(sheet).toMatch(/<c r="D3" s="\d+"\/>/);
    expect((sheet.match(/cm="1"/g) ?? []).length).toBe(2);
  });

  test("xl/metadata.xml declares the dynamic-array type, with its relationship and content type", async () => {
    const meta = await read(zip, "xl/metadata.xml");
    expect(meta).toContain('<metadataType name="XLDAPR"');
    expect(meta).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(meta).toContain('<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>');
    await expect(parseStringPromise(meta)).resolves.toBeDefined();
    expect(await read(zip, "[Content_Types].xml")).toContain(
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
    );
    expect(await read(zip, "xl/_rels/workbook.xml.rels")).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata.xml"/,
    );
  });

  test("the spill area takes the anchor's style and number format; ExcelJS reads the array formula back", async () => {
    const ws = (await load(await writeWorkbook([spilling()]))).getWorksheet("Live")!;
    expect(ws.getCell("E5").numFmt).toBe("0.0%");
    expect(ws.getCell("E5").border?.top).toMatchObject({ style: "thin" });
    expect(ws.getCell("C2").value).toMatchObject({ formula: "KA.PARETO(A2:A4,A2:A4)", shareType: "array", ref: "C2:E5" });
  });

  test("a workbook without spills has no metadata part", async () => {
    expect(zip.file("xl/metadata.xml")).not.toBeNull();
    const plain = await unzip(await writeWorkbook([planSheet()]));
    expect(plain.file("xl/metadata.xml")).toBeNull();
  });
});

describe("writeWorkbook: chart lines that follow a cell, axis format", () => {
  const matrix = (cut: number): SheetModel => {
    const chart = portfolioChart();
    return {
      ...planSheet("Matrix"),
      tables: [],
      names: [],
      validations: [],
      blocks: [
        ...planSheet("Matrix").blocks,
        {
          row: 30,
          col: 0,
          cells: [
            ["Strength cut", cut],
            ["Score cut", 160],
          ],
          style: "input",
        },
      ],
      charts: [
        { ...chart, referenceCells: [{ row: 30, col: 1, rows: 1, cols: 1 }, null] },
        { ...paretoChart(), yAxisFormat: "#,##0" },
      ],
    };
  };

  test("the x cut is a formula over its cell on the helper sheet (cached at the cell's value); the other stays a constant", async () => {
    const buf = await writeWorkbook([matrix(90)]);
    const zip = await unzip(buf);
    const s = decode(await read(zip, "xl/charts/chart1.xml"));
    // The vertical line at the cell's value (90, not the model's 80), from the smallest to the largest y.
    expect(s).toMatch(
      /<c:v>Median revenue<\/c:v>.*?<c:xVal><c:numRef><c:f>'Helper data'!\$A\$1:\$A\$2<\/c:f>.*?<c:v>90<\/c:v>.*?<c:v>90<\/c:v>/,
    );
    const helper = (await load(buf)).getWorksheet("Helper data")!;
    expect(helper.getCell("A1").value).toEqual({ formula: "'Matrix'!$B$31", result: 90 });
    expect(helper.getCell("A2").value).toEqual({ formula: "'Matrix'!$B$31", result: 90 });
    // The horizontal line has no cell: constants, as before.
    expect(helper.getCell("D1").value).toBe(160);
    const uncached = (await load(await writeWorkbook([matrix(90)], { cacheFormulaResults: false }))).getWorksheet("Helper data")!;
    expect(uncached.getCell("A1").value).toEqual({ formula: "'Matrix'!$B$31" });
  });

  test("bubble charts: the dots of a linked cut are formulas over the cell too", async () => {
    const model = matrix(90);
    const buf = await writeWorkbook([
      {
        ...model,
        charts: [
          {
            ...portfolioChart(true),
            referenceCells: [
              { row: 30, col: 1, rows: 1, cols: 1 },
              { row: 31, col: 1, rows: 1, cols: 1 },
            ],
          },
        ],
      },
    ]);
    const helper = (await load(buf)).getWorksheet("Helper data")!;
    expect(helper.getCell("A41").value).toEqual({ formula: "'Matrix'!$B$31", result: 90 });
    expect(helper.getCell("E1").value).toEqual({ formula: "'Matrix'!$B$32", result: 160 });
  });

  test("the primary value axis takes the model's format (#,##0: no decimals on the ticks)", async () => {
    const zip = await unzip(await writeWorkbook([matrix(90)]));
    const c = decode(await read(zip, "xl/charts/chart2.xml"));
    expect(c).toMatch(/<c:valAx><c:axId val="1002"\/>.*?<c:numFmt formatCode="#,##0" sourceLinked="0"\/>/);
  });
});
