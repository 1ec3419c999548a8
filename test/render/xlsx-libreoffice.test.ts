/**
 * The .xlsx renderer checked by a real spreadsheet engine: hand-built sheet models are written
 * with cacheFormulaResults=false, LibreOffice opens them with forced recalculation and saves
 * them again (.xlsx, read back with ExcelJS) and renders the chart workbook (PDF → images).
 *
 * Two soffice invocations for the whole file (one to .xlsx for three workbooks, one to PDF).
 * Rendered pages are kept in $KA_RENDER_OUT (default: <tmp>/ka-planner-render-xlsx) for review.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { writeWorkbook, planNames } from "../../src/render/xlsx";
import { a1, isFormula, type Cell, type ChartDef, type Literal, type SheetModel } from "../../src/sheets/model";
import { cleanupLibreOffice, convertWithLibreOffice, countColor, lineProfile, pdfToImages, readPpm } from "../support/libreoffice";

const OUT = process.env.KA_RENDER_OUT ?? path.join(os.tmpdir(), "ka-planner-render-xlsx");
const IN_DIR = path.join(OUT, "in");
const LO_DIR = path.join(OUT, "libreoffice");

// ---- models ------------------------------------------------------------------------------

const INJECTED = ["=1+1", "+SUM(A1)", "-2+3", "@A1", "\tx", "\rx", '=HYPERLINK("http://x")', "_x000D_ literal", "a\u0001b"];
/** What each injected string must read back as (controls other than tab/LF/CR are kept via _xHHHH_). */
const INJECTED_BACK = INJECTED;

const customers = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark"];
const revenue = [120, 80, 200, 40, 160, 100];
const likelihood = [0.9, 0.4, 0.7, 0.2, 0.55, 0.65];
const total = revenue.reduce((a, b) => a + b, 0);
const sorted = [...revenue].sort((a, b) => a - b);
const median = (sorted[2] + sorted[3]) / 2;
const mean = total / revenue.length;
const stdevS = Math.sqrt(revenue.reduce((s, r) => s + (r - mean) ** 2, 0) / (revenue.length - 1));

/** Rows 4..9 (0-based 3..8) hold the data; formulas refer to them in A1 notation. */
function featuresSheet(name: string, key: string): SheetModel {
  const dataRows: Cell[][] = customers.map((c, i) => {
    const r = 4 + i; // 1-based row
    const rank = revenue.filter((x) => x > revenue[i]).length + 1;
    const tier = revenue[i] >= 150 ? "A" : revenue[i] >= 90 ? "B" : "C";
    return [
      c,
      revenue[i],
      likelihood[i],
      { f: `B${r}/SUM($B$4:$B$9)`, v: revenue[i] / total },
      { f: `RANK.EQ(B${r},$B$4:$B$9)`, v: rank },
      { f: `IFS(B${r}>=150,"A",B${r}>=90,"B",TRUE,"C")`, v: tier },
      { f: `B${r}>=MEDIAN($B$4:$B$9)`, v: revenue[i] >= median },
    ];
  });
  return {
    key,
    name,
    tabColor: "#217346",
    columnWidths: [18, 12, 12, 12, 8, 8, 10, 30],
    blocks: [
      { row: 0, col: 0, cells: [["Feature sheet – ACME", null, null]], style: "title" },
      { row: 1, col: 0, cells: [["Every model feature, recalculated by LibreOffice"]], style: "subtitle" },
      { row: 2, col: 0, cells: [["Customer", "Revenue", "Likelihood", "Share", "Rank", "Tier", "Top half"]], style: "header" },
      { row: 3, col: 0, cells: dataRows, style: "body", numberFormats: [null, "#,##0", "0%", "0.0%", "0", null, null] },
      {
        row: 9,
        col: 0,
        style: "total",
        numberFormats: [null, "#,##0", null, "0.0%", null, null, null],
        cells: [["Total", { f: "SUBTOTAL(109,B4:B9)", v: total }, null, { f: "SUM(D4:D9)", v: 1 }, null, null, null]],
      },
      { row: 11, col: 0, cells: [["Statistics"]], style: "section" },
      {
        row: 12,
        col: 0,
        style: "body",
        numberFormats: [null, "0.000"],
        cells: [
          ["Median", { f: "MEDIAN(B4:B9)", v: median }],
          ["Stdev (sample)", { f: "STDEV.S(B4:B9)", v: stdevS }],
          ["Max below 150", { f: 'MAXIFS(B4:B9,B4:B9,"<150")', v: 120 }],
          ["Names", { f: 'TEXTJOIN(", ",TRUE,A4:A6)', v: "Acme, Globex, Initech" }],
          ["Concat", { f: 'CONCAT(A4,"/",A5)', v: "Acme/Globex" }],
          ["Division guard", { f: 'IFERROR(1/0,"n/a")', v: "n/a" }],
          ["Lookup", { f: 'INDEX(B4:B9,MATCH("Hooli",A4:A9,0))', v: 160 }],
          ["Count ≥ 100", { f: 'COUNTIF(B4:B9,">=100")', v: 4 }],
          ["Weighted", { f: "SUMPRODUCT(B4:B9,C4:C9)", v: revenue.reduce((s, r, i) => s + r * likelihood[i], 0) }],
          ["Any big?", { f: "OR(MAX(B4:B9)>190,FALSE)", v: true }],
          ["Text with quote", { f: '"He said ""hi"""', v: 'He said "hi"' }],
          ["Empty text", { f: '""', v: "" }],
        ],
      },
      { row: 25, col: 0, cells: [["Planner input"], ["To do"], ["Warning"], ["Note"]], style: "body" },
      { row: 25, col: 1, cells: [[250]], style: "input", numberFormats: ["#,##0"] },
      { row: 26, col: 1, cells: [["Describe the account strategy"]], style: "todo" },
      { row: 27, col: 1, cells: [["Check this"]], style: "warning" },
      { row: 28, col: 1, cells: [["A small note"]], style: "note" },
      { row: 29, col: 0, cells: [["Injected-looking text"]], style: "section" },
      { row: 30, col: 0, cells: INJECTED.map((s) => [s]) },
      { row: 30, col: 7, cells: [["A long text that wraps inside its cell because the block asks for wrapping."]], wrap: true },
      { row: 40, col: 0, cells: [["Status"], ["Open"], ["Won"], ["Lost"]], style: "body" },
    ],
    merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
    freeze: { rows: 3, cols: 1 },
    tables: [{ name: "Accounts", range: { row: 2, col: 0, rows: 8, cols: 7 }, style: "TableStyleLight9", showTotals: true }],
    conditionalFormats: [
      { kind: "colorScale", range: { row: 3, col: 1, rows: 6, cols: 1 }, min: "#F8696B", mid: "#FFEB84", max: "#63BE7B" },
      { kind: "dataBar", range: { row: 3, col: 3, rows: 6, cols: 1 }, color: "#638EC6" },
      { kind: "textEquals", range: { row: 3, col: 5, rows: 6, cols: 1 }, text: "A", fill: "#C6EFCE", font: "#006100" },
    ],
    validations: [
      { range: { row: 41, col: 0, rows: 3, cols: 1 }, values: ["Open", "Won", "Lost"], prompt: "Pick a status" },
      { range: { row: 41, col: 1, rows: 3, cols: 1 }, values: ["Yes, now", "No, later"] },
    ],
    names: [
      { name: "Revenue", range: { row: 3, col: 1, rows: 6, cols: 1 }, comment: "Revenue per customer" },
      { name: "Total revenue", range: { row: 9, col: 1, rows: 1, cols: 1 } },
    ],
  };
}

/** A second sheet with the same desired name and the same table/defined names. */
const duplicate = (): SheetModel => ({ ...featuresSheet("Feature sheet – ACME", "features:2"), merges: [] });

/** A stale cache: the file says 1+1 is 3; LibreOffice must say 2. */
const staleSheet = (): SheetModel => ({
  key: "stale",
  name: "Stale",
  blocks: [
    {
      row: 0,
      col: 0,
      cells: [
        [
          { f: "1+1", v: 3 },
          { f: '"a"&"b"', v: "wrong" },
        ],
      ],
    },
  ],
});

const paretoRevenue = [500, 300, 150, 80, 40, 20, 7, 3];
const paretoNames = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"];
const paretoTotal = paretoRevenue.reduce((a, b) => a + b, 0);

function paretoSheet(): SheetModel {
  let cum = 0;
  const rows: Cell[][] = paretoNames.map((n, i) => {
    cum += paretoRevenue[i];
    return [n, paretoRevenue[i], { f: `SUM($B$3:B${3 + i})/SUM($B$3:$B$10)`, v: cum / paretoTotal }];
  });
  const chart: ChartDef = {
    kind: "pareto",
    title: "Pareto: revenue and cumulative share",
    anchor: { row: 11, col: 0, rows: 20, cols: 9 },
    series: [
      {
        name: "Revenue",
        categories: { row: 2, col: 0, rows: 8, cols: 1 },
        values: { row: 2, col: 1, rows: 8, cols: 1 },
        type: "column",
        axis: "primary",
      },
      {
        name: "Cumulative share",
        categories: { row: 2, col: 0, rows: 8, cols: 1 },
        values: { row: 2, col: 2, rows: 8, cols: 1 },
        type: "line",
        axis: "secondary",
      },
    ],
    xAxisTitle: "Customer",
    yAxisTitle: "Revenue",
    y2AxisTitle: "Cumulative share",
    referenceLines: [{ axis: "y2", value: 0.8, label: "80% of revenue" }],
    y2Max: 1,
  };
  return {
    key: "contribution",
    name: "Pareto – O'Neil & Co",
    columnWidths: [14, 12, 14],
    blocks: [
      { row: 0, col: 0, cells: [["Contribution"]], style: "title" },
      { row: 1, col: 0, cells: [["Customer", "Revenue", "Cumulative"]], style: "body" },
      { row: 2, col: 0, cells: rows, style: "body", numberFormats: [null, "#,##0", "0.0%"] },
    ],
    charts: [chart],
  };
}

const px = [10, 20, 35, 50, 70, 90];
const py = [0.2, 0.8, 0.4, 0.6, 0.9, 0.1];
const psize = [5, 10, 3, 8, 12, 6];

function portfolioSheet(bubble: boolean): SheetModel {
  const cuts = [
    { axis: "x" as const, value: 42.5, label: "Median revenue" },
    { axis: "y" as const, value: 0.5, label: "Likelihood 0.5" },
  ];
  return {
    key: bubble ? "portfolio:bubble" : "portfolio",
    name: bubble ? "Bubbles" : "Portfolio",
    columnWidths: [12, 12, 12, 12],
    blocks: [
      { row: 0, col: 0, cells: [["Customer", "Revenue", "Likelihood", "Size"]], style: "body" },
      { row: 1, col: 0, cells: px.map((x, i) => [`C${i}`, { f: `${x}*1`, v: x }, py[i], psize[i]]), style: "body" },
    ],
    charts: [
      {
        kind: "portfolio",
        title: bubble ? "Portfolio (bubbles)" : "Portfolio matrix",
        anchor: { row: 8, col: 0, rows: 20, cols: 8 },
        series: [
          {
            name: "Customers",
            categories: { row: 1, col: 1, rows: 6, cols: 1 },
            values: { row: 1, col: 2, rows: 6, cols: 1 },
            sizes: bubble ? { row: 1, col: 3, rows: 6, cols: 1 } : undefined,
            type: bubble ? "bubble" : "scatter",
            axis: "primary",
          },
        ],
        xAxisTitle: "Revenue",
        yAxisTitle: "Likelihood",
        referenceLines: cuts,
      },
    ],
  };
}

/**
 * Layout features under LibreOffice: a dynamic-array formula (read as an array formula over its
 * spill area, so LibreOffice fills the area), a wrapped row's height, a print setup, and matrix
 * cut lines that follow the cut cells (the cut cell says 60 while the model's line value is the
 * stale 42.5: the line must be drawn at 60).
 */
function layoutSheet(): SheetModel {
  const base = portfolioSheet(false);
  return {
    ...base,
    key: "layout",
    name: "Layout",
    columnWidths: [12, 12, 12, 12, 12, 20],
    blocks: [
      ...base.blocks,
      {
        row: 0,
        col: 5,
        cells: [["A long note that wraps over several lines in its narrow column, so its row must grow."]],
        style: "note",
        wrap: true,
      },
      { row: 1, col: 5, cells: [[{ f: "B2:B7*2", v: 20, spill: { rows: 6, cols: 1 } }]], numberFormats: ["0"] },
      { row: 30, col: 0, cells: [["Revenue cut", 60]], style: "input" },
    ],
    charts: [{ ...base.charts![0], referenceCells: [{ row: 30, col: 1, rows: 1, cols: 1 }, null] }],
    print: {
      area: { row: 0, col: 0, rows: 8, cols: 6 },
      areas: [{ row: 8, col: 0, rows: 20, cols: 8 }],
      landscape: true,
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: { from: 0, to: 0 },
    },
  };
}

// ---- helpers -----------------------------------------------------------------------------

const WORKBOOKS = {
  features: [
    featuresSheet("Feature sheet – ACME", "features"),
    duplicate(),
    {
      key: "long",
      name: "A very long sheet name: [with] *invalid* chars?/\\",
      blocks: [{ row: 0, col: 0, cells: [[{ f: "2^10", v: 1024 }]] }],
    },
  ],
  stale: [staleSheet()],
  charts: [paretoSheet(), portfolioSheet(false), portfolioSheet(true)],
  layout: [layoutSheet()],
};

interface Converted {
  readonly xlsx: Record<keyof typeof WORKBOOKS, ExcelJS.Workbook>;
  readonly zips: Record<keyof typeof WORKBOOKS, JSZip>;
  readonly pngs: string[];
  readonly ppms: string[];
}

let converted: Converted;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(IN_DIR, { recursive: true });
  const files: Record<string, string> = {};
  for (const [name, sheets] of Object.entries(WORKBOOKS)) {
    const file = path.join(IN_DIR, `${name}.xlsx`);
    // The stale workbook caches (wrong) results on purpose; the others cache nothing.
    fs.writeFileSync(file, await writeWorkbook(sheets, { cacheFormulaResults: name === "stale" }));
    files[name] = file;
  }
  const xlsxRun = await convertWithLibreOffice(Object.values(files), "xlsx", { outDir: LO_DIR });
  const pdfRun = await convertWithLibreOffice([files.charts], "pdf", { outDir: LO_DIR });
  const pdf = pdfRun.outputs[0];
  const pngs = await pdfToImages(pdf, path.join(OUT, "charts"), { format: "png", resolution: 80 });
  const ppms = await pdfToImages(pdf, path.join(OUT, "charts"), { format: "ppm", resolution: 100 });
  const xlsx = {} as Converted["xlsx"];
  const zips = {} as Converted["zips"];
  for (const [i, name] of (Object.keys(WORKBOOKS) as (keyof typeof WORKBOOKS)[]).entries()) {
    const buf = fs.readFileSync(xlsxRun.outputs[i]);
    xlsx[name] = new ExcelJS.Workbook();
    await xlsx[name].xlsx.load(buf as unknown as ArrayBuffer);
    zips[name] = await JSZip.loadAsync(buf);
  }
  converted = { xlsx, zips, pngs, ppms };
  fs.writeFileSync(path.join(OUT, "timings.json"), JSON.stringify({ xlsxMs: xlsxRun.ms, pdfMs: pdfRun.ms }, null, 2));
}, 240_000);

afterAll(() => cleanupLibreOffice());

/** The cell's value after LibreOffice: formula cells give their result. */
function recalculated(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const c = ws.getCell(row + 1, col + 1);
  // cell.result, not cell.value.result: ExcelJS's value getter drops a `false` result.
  return c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
}

function expectSame(actual: unknown, expected: Literal, where: string): void {
  if (typeof expected === "number") {
    // 1e-9, relative for large numbers: LibreOffice writes values with 15 significant digits.
    if (typeof actual !== "number" || Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
      throw new Error(`${where}: expected ${expected}, LibreOffice has ${JSON.stringify(actual)}`);
  } else if (typeof expected === "boolean") {
    // LibreOffice's logical values are numbers; it writes t="b" only for cells it formats as
    // boolean (comparisons), so OR()/AND() results come back as 1/0.
    if (actual !== expected && actual !== (expected ? 1 : 0))
      throw new Error(`${where}: expected ${expected}, LibreOffice has ${JSON.stringify(actual)}`);
  } else if (expected === "") {
    // LibreOffice may store an empty-string result as an empty cell value.
    if (!(actual === "" || actual === null || actual === undefined))
      throw new Error(`${where}: expected "", LibreOffice has ${JSON.stringify(actual)}`);
  } else if (actual !== expected) {
    throw new Error(`${where}: expected ${JSON.stringify(expected)}, LibreOffice has ${JSON.stringify(actual)}`);
  }
}

const decodeXml = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function isError(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if ("error" in v) return true;
  if ("result" in v) return isError(v.result);
  return false;
}

// ---- tests -------------------------------------------------------------------------------

describe("xlsx renderer under LibreOffice (forced recalculation)", () => {
  test("every formula recalculates to the engine's value", () => {
    const plan = planNames(WORKBOOKS.features);
    let checked = 0;
    for (const [book, sheets] of [
      ["features", WORKBOOKS.features],
      ["charts", WORKBOOKS.charts],
    ] as const) {
      const names = planNames(sheets).sheets;
      sheets.forEach((sheet, si) => {
        const ws = converted.xlsx[book].getWorksheet(names[si]);
        if (!ws) throw new Error(`sheet ${names[si]} missing in LibreOffice's ${book}.xlsx`);
        for (const b of sheet.blocks) {
          b.cells.forEach((row, i) =>
            row.forEach((cell, j) => {
              if (!isFormula(cell)) return;
              expectSame(recalculated(ws, b.row + i, b.col + j), cell.v, `${book}/${names[si]}!${a1(b.row + i, b.col + j)} (${cell.f})`);
              checked++;
            }),
          );
        }
      });
    }
    expect(plan.sheets).toHaveLength(3);
    expect(checked).toBe(97); // every formula cell of the two workbooks
  });

  test("a wrong cached value is corrected (LibreOffice really recalculates)", () => {
    const ws = converted.xlsx.stale.getWorksheet("Stale")!;
    expect(recalculated(ws, 0, 0)).toBe(2);
    expect(recalculated(ws, 0, 1)).toBe("ab");
  });

  test("no cell anywhere holds an error value", () => {
    for (const wb of Object.values(converted.xlsx)) {
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (isError(c.value)) throw new Error(`${ws.name}!${c.address} holds ${JSON.stringify(c.value)}`);
          }),
        ),
      );
    }
  });

  test("injected-looking strings come back as the same text, not formulas", () => {
    const ws = converted.xlsx.features.getWorksheet("Feature sheet – ACME")!;
    INJECTED_BACK.forEach((s, i) => {
      const c = ws.getCell(31 + i, 1);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(s);
    });
  });

  test("sheet names are valid and unique, in model order; the helper sheet is hidden", () => {
    const names = converted.xlsx.features.worksheets.map((w) => w.name);
    expect(names).toEqual(["Feature sheet – ACME", "Feature sheet – ACME (2)", "A very long sheet name- (with)", "Helper data"]);
    expect(converted.xlsx.features.getWorksheet("Helper data")!.state).toBe("hidden");
    expect(converted.xlsx.charts.worksheets.map((w) => w.name)).toEqual(["Pareto – O'Neil & Co", "Portfolio", "Bubbles", "Helper data"]);
  });

  test("defined names and tables survive with unique names", async () => {
    const wbXml = await converted.zips.features.file("xl/workbook.xml")!.async("string");
    const defined = [...wbXml.matchAll(/<definedName [^>]*name="([^"]+)"[^>]*>([^<]*)</g)].map((m): [string, string] => [
      m[1],
      decodeXml(m[2]),
    ]);
    const byName = Object.fromEntries(defined);
    expect(byName.Revenue).toBe("'Feature sheet – ACME'!$B$4:$B$9");
    expect(byName.Total_revenue).toBe("'Feature sheet – ACME'!$B$10");
    expect(byName.Revenue_2).toBe("'Feature sheet – ACME (2)'!$B$4:$B$9");
    expect(byName.Total_revenue_2).toBe("'Feature sheet – ACME (2)'!$B$10");
    const tables: string[] = [];
    for (const f of Object.keys(converted.zips.features.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
      const xml = await converted.zips.features.file(f)!.async("string");
      tables.push(/\sname="([^"]+)"/.exec(xml)![1]);
    }
    expect(tables.sort()).toEqual(["Accounts", "Accounts_2"]);
  });

  // Freeze panes are view settings, which headless LibreOffice (no view) does not write back;
  // xlsx.test.ts checks them in the renderer's own output.
  test("validations, conditional formats and merges survive", async () => {
    const xml = decodeXml(await converted.zips.features.file("xl/worksheets/sheet1.xml")!.async("string"));
    const validations = [...xml.matchAll(/<dataValidation [^>]*>[\s\S]*?<\/dataValidation>/g)].map((m) => m[0]);
    expect(validations).toHaveLength(2);
    const inline = validations.find((v) => v.includes('sqref="A42:A44"'))!;
    expect(inline).toContain('type="list"');
    expect(inline).toContain('<formula1>"Open,Won,Lost"</formula1>');
    expect(inline).toContain('prompt="Pick a status"');
    const long = validations.find((v) => v.includes('sqref="B42:B44"'))!;
    expect(long).toContain("<formula1>'Helper data'!$A$1:$A$2</formula1>");
    expect(xml).toContain("<colorScale>");
    expect(xml).toContain("<dataBar");
    expect(xml).toMatch(/<cfRule type="cellIs"[^>]*operator="equal"/);
    expect(xml).toContain('<mergeCell ref="A1:D1"/>');
  });

  test("charts survive LibreOffice's round trip, referring to the quoted final sheet names", async () => {
    const zip = converted.zips.charts;
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
        .sort()
        .map((p) => zip.file(p)!.async("string")),
    );
    expect(charts).toHaveLength(3);
    const pareto = decodeXml(charts.find((c) => c.includes("<c:barChart>"))!);
    expect(pareto).toContain("<c:lineChart>");
    expect(pareto).toContain("'Pareto – O''Neil & Co'!$B$3:$B$10");
    expect((pareto.match(/<c:ser>/g) ?? []).length).toBe(3); // revenue, cumulative, 80% line
    expect(charts.some((c) => c.includes("<c:scatterChart>") && (c.match(/<c:ser>/g) ?? []).length === 3)).toBe(true);
    expect(charts.some((c) => c.includes("<c:bubbleChart>") && (c.match(/<c:ser>/g) ?? []).length === 3)).toBe(true);
  });

  test("the rendered charts show bars, the cumulative line, the 80% line, points and cut lines", () => {
    expect(converted.pngs).toHaveLength(3);
    for (const png of converted.pngs) expect(fs.statSync(png).size).toBeGreaterThan(5000);
    // Pages at 100 dpi, one per sheet: Pareto, scatter, bubbles (the helper sheet is hidden).
    const [pareto, scatter, bubbles] = converted.ppms.map(readPpm);
    // Pareto: green columns, orange cumulative line, a long horizontal run of the dark red 80% line.
    expect(countColor(pareto, "217346", 30)).toBeGreaterThan(6000);
    expect(countColor(pareto, "ED7D31", 40)).toBeGreaterThan(400);
    expect(lineProfile(pareto, "C00000", 40).maxRow).toBeGreaterThan(100);
    // Grey text alone never lines up like this (the Pareto page is the baseline: ~15 pixels).
    const textOnly = lineProfile(pareto, "7F7F7F", 8);
    expect(Math.max(textOnly.maxColumn, textOnly.maxRow)).toBeLessThan(40);
    // Scatter: green markers; the cuts as a vertical and a horizontal grey dashed line.
    expect(countColor(scatter, "217346", 30)).toBeGreaterThan(200);
    const cuts = lineProfile(scatter, "7F7F7F", 8);
    expect(cuts.maxColumn).toBeGreaterThan(50);
    expect(cuts.maxRow).toBeGreaterThan(50);
    // Bubbles: translucent green bubbles; the cuts as grey dotted lines.
    expect(countColor(bubbles, "649D7E", 35)).toBeGreaterThan(3000);
    const dots = lineProfile(bubbles, "7F7F7F", 8);
    expect(dots.maxColumn).toBeGreaterThan(50);
    expect(dots.maxRow).toBeGreaterThan(50);
  });

  test("a dynamic-array formula is computed over its spill area (an array formula to LibreOffice)", () => {
    const ws = converted.xlsx.layout.getWorksheet("Layout")!;
    expect([1, 2, 3, 4, 5, 6].map((r) => recalculated(ws, r, 5))).toEqual(px.map((x) => 2 * x));
  });

  test("a chart line that follows its cell is drawn at the cell's value, recalculated", async () => {
    const helper = converted.xlsx.layout.getWorksheet("Helper data")!;
    expect(recalculated(helper, 0, 0)).toBe(60);
    expect(recalculated(helper, 1, 0)).toBe(60);
    const zip = converted.zips.layout;
    const chart = decodeXml(await zip.file(Object.keys(zip.files).find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))!)!.async("string"));
    expect(chart).toMatch(/<c:v>Median revenue<\/c:v>[\s\S]*?<c:xVal>[\s\S]*?<c:v>60<\/c:v>/);
  });

  test("the wrapped row's height and the print setup survive LibreOffice's round trip", async () => {
    const sheet = await converted.zips.layout.file("xl/worksheets/sheet1.xml")!.async("string");
    const row1 = /<row r="1"[^>]*>/.exec(sheet)![0];
    expect(Number(/ ht="([\d.]+)"/.exec(row1)![1])).toBeGreaterThan(30);
    expect(row1).toMatch(/customHeight="(1|true)"/);
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    const wb = decodeXml(await converted.zips.layout.file("xl/workbook.xml")!.async("string"));
    expect(wb).toMatch(/<definedName [^>]*name="_xlnm.Print_Area"[^>]*>Layout!\$A\$1:\$F\$8,Layout!\$A\$9:\$H\$28</);
    expect(wb).toMatch(/<definedName [^>]*name="_xlnm.Print_Titles"[^>]*>Layout!\$1:\$1</);
  });
});
