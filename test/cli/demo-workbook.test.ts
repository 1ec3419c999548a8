/**
 * The demo workbooks (`npm run demo` → out/ka-planner-demo.<lang>.xlsx, written by the same
 * code as `ka-planner build`) checked by a real spreadsheet engine.
 *
 * Workbooks, all written WITHOUT cached formula results (cacheFormulaResults: false), so that
 * LibreOffice must calculate every formula itself (the harness also forces recalculation on
 * load):
 * - the demo in both languages on a smaller sample (30 customers, 1,500 lines; every sheet kind,
 *   both charts, a plan for each of the ~9 first-tier accounts), through runDemo;
 * - the English workbook of the real demo sample (300 customers, 30,000 lines, 72 plan sheets),
 *   built from the sample's CSV by runBuild, the code of both `ka-planner build` and the demo
 *   (the demo reads the sample's .xlsx instead, the same values at twice the cost).
 * - users' shapes built from CSV the test writes: a Chinese PivotTable pasted as values (subtotals,
 *   (空白), 总计: its 80/20 sheet reconciles the total rows left out) and a US ERP export
 *   (numeric customer ids, m/d/yyyy h:mm dates, cancellation lines).
 * Two soffice runs for the whole file: one converting the three workbooks to .xlsx (read back
 * with ExcelJS: every formula cell against the engine's value `v` in the sheet model, and no
 * error anywhere), one rendering the small English workbook to PDF (pages as PNG via pdftoppm).
 *
 * With $KA_RENDER_OUT set, the output stays in $KA_RENDER_OUT/demo-workbook for review (the
 * PNG pages, report.json: timings, formula cells compared, mismatches); otherwise it goes to a
 * fresh temporary folder, removed afterwards (concurrent runs never share a folder).
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { BuildResult, runBuild } from "../../src/cli/commands/build";
import { runDemo } from "../../src/cli/demo";
import { readTable } from "../../src/cli/input/read-table";
import { bufferIo } from "../../src/cli/io";
import { writeSampleCsv } from "../../src/cli/output/sample-writer";
import { generateSalesSample, SAMPLE_DEFAULTS } from "../../src/sample";
import { a1, isFormula, type Literal } from "../../src/sheets/model";
import { cleanupLibreOffice, convertWithLibreOffice, countColor, pdfToImages, readPpm } from "../support/libreoffice";
import { pivotTable, toCsv, usErpExport } from "../support/real-world";

const KEEP = process.env.KA_RENDER_OUT;
const OUT = KEEP ? path.join(KEEP, "demo-workbook") : fs.mkdtempSync(path.join(os.tmpdir(), "ka-planner-demo-workbook-"));
const LO_DIR = path.join(OUT, "libreoffice");
const TODAY = "2025-12-31";
const SMALL = { customers: 30, lines: 1500 };

interface Book {
  readonly label: string;
  readonly build: BuildResult;
  /** The file given to LibreOffice (unique base name). */
  readonly file: string;
  /** The matrix has its chart (a pasted PivotTable has no dates: no strength proxy, no chart). */
  readonly matrixChart?: boolean;
  recalculated?: ExcelJS.Workbook;
}

let books: Book[];
let pdf: string;
let pngs: string[];
let ppms: string[];
const report: Record<string, unknown> = {};

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const workbook = { cacheFormulaResults: false, today: TODAY };
  const t0 = Date.now();
  const small = await runDemo({ outDir: path.join(OUT, "small"), ...SMALL, io: bufferIo(), parallel: false, workbook });
  const t1 = Date.now();
  const csv = path.join(OUT, "full", "sample-sales.en.csv");
  fs.mkdirSync(path.dirname(csv), { recursive: true });
  await writeSampleCsv(
    csv,
    generateSalesSample({ seed: SAMPLE_DEFAULTS.seed, customers: SAMPLE_DEFAULTS.customers, lines: SAMPLE_DEFAULTS.lines, locale: "en" }),
    "en",
  );
  const fullFile = path.join(OUT, "full", "ka-planner-demo-full.en.xlsx");
  const full = await runBuild(await readTable(csv), { out: fullFile, locale: "en" }, bufferIo(), { ...workbook, progress: false });
  // Users' shapes: a pasted PivotTable with subtotals and 总计 (its 80/20 sheet reconciles the
  // total rows left out), and a US export (numeric ids, m/d/yyyy h:mm dates, cancellations).
  const shape = async (name: string, rows: unknown[][], locale: "en" | "zh") => {
    const file = path.join(OUT, "shapes", `${name}.csv`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, toCsv(rows));
    const out = path.join(OUT, "shapes", `ka-planner-${name}.xlsx`);
    return {
      label: name,
      build: await runBuild(await readTable(file), { out, locale }, bufferIo(), { ...workbook, progress: false }),
      file: out,
    };
  };
  const pivot = await shape("pivot-zh", pivotTable({ language: "zh", customers: 120, subtotals: true, blank: true }).rows, "zh");
  const us = await shape("us-export", usErpExport({ customers: 80, invoices: 600 }).rows, "en");
  const t2 = Date.now();
  books = [
    { label: "small en", build: small.builds[0], file: small.builds[0].file },
    { label: "small zh", build: small.builds[1], file: small.builds[1].file },
    { label: "full en", build: full, file: fullFile },
    { ...pivot, matrixChart: false },
    us,
  ];
  const xlsxRun = await convertWithLibreOffice(
    books.map((b) => b.file),
    "xlsx",
    { outDir: LO_DIR, timeoutMs: 300_000 },
  );
  for (const [i, b] of books.entries()) {
    b.recalculated = new ExcelJS.Workbook();
    await b.recalculated.xlsx.readFile(xlsxRun.outputs[i]);
  }
  const pdfRun = await convertWithLibreOffice([books[0].file], "pdf", { outDir: LO_DIR, timeoutMs: 300_000 });
  pdf = pdfRun.outputs[0];
  pngs = await pdfToImages(pdf, path.join(OUT, "page"), { format: "png", resolution: 60 });
  ppms = await pdfToImages(pdf, path.join(OUT, "pixels"), { format: "ppm", resolution: 30 });
  Object.assign(report, {
    ms: { smallDemo: t1 - t0, fullSection: t2 - t1, libreOfficeXlsx: xlsxRun.ms, libreOfficePdf: pdfRun.ms },
    books: books.map((b) => ({
      label: b.label,
      sheets: b.build.sheets.length,
      plans: b.build.planIds.length,
      bytes: b.build.bytes,
      ms: b.build.ms,
    })),
    pages: pngs.length,
  });
}, 600_000);

afterAll(() => {
  cleanupLibreOffice();
  if (KEEP) fs.writeFileSync(path.join(OUT, "report.json"), JSON.stringify(report, null, 2));
  else fs.rmSync(OUT, { recursive: true, force: true });
});

/** The value LibreOffice calculated (formula cells) or holds. */
function valueAfter(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const c = ws.getCell(row + 1, col + 1);
  // cell.result, not cell.value.result: ExcelJS's value getter drops a `false` result.
  return c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
}

/** Why `actual` differs from the engine's value, or null when it does not. */
function difference(actual: unknown, expected: Literal): string | null {
  if (typeof expected === "number") {
    // 1e-9 relative: LibreOffice writes values with 15 significant digits.
    if (typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))) return null;
  } else if (typeof expected === "boolean") {
    // LibreOffice may write logical results as 1/0.
    if (actual === expected || actual === (expected ? 1 : 0)) return null;
  } else if (expected === "" || expected === null) {
    // An empty-string result may come back as an empty cell.
    if (actual === "" || actual === null || actual === undefined) return null;
  } else if (actual === expected) return null;
  return `expected ${JSON.stringify(expected)}, LibreOffice has ${JSON.stringify(actual)}`;
}

function isError(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if ("error" in v) return true;
  if ("result" in v) return isError(v.result);
  return false;
}

describe("the demo workbooks under LibreOffice (no cached results, forced recalculation)", () => {
  test("every sheet kind is there, in order, with both charts and at least 3 plan sheets", async () => {
    for (const b of books) {
      const keys = b.build.sheets.map((s) => s.key);
      const plans = b.build.planIds.length;
      expect(plans).toBeGreaterThanOrEqual(3);
      expect(keys[0]).toBe("contribution");
      expect(keys[1]).toBe("matrix");
      expect(keys.slice(2, 2 + plans).every((k) => k.startsWith("plan"))).toBe(true);
      expect(keys[2 + plans]).toBe("risk-register");
      expect(keys).toHaveLength(3 + plans);
      // The plans are exactly the first-tier accounts.
      const a = b.build.portfolio.analysis;
      expect([...b.build.planIds]).toEqual(Array.from(a.ranking.order).filter((id) => a.tiers.tiers[id] === 0));
      const zip = await JSZip.loadAsync(fs.readFileSync(b.file));
      const charts = await Promise.all(
        Object.keys(zip.files)
          .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
          .map((p) => zip.file(p)!.async("string")),
      );
      expect(charts.filter((c) => c.includes("<c:barChart>") && c.includes("<c:lineChart>"))).toHaveLength(1); // Pareto
      expect(charts.filter((c) => /<c:(bubbleChart|scatterChart)>/.test(c))).toHaveLength(b.matrixChart === false ? 0 : 1); // portfolio matrix
      // LibreOffice kept every sheet under the name the writer gave it.
      const names = b.recalculated!.worksheets.filter((w) => w.state !== "hidden").map((w) => w.name);
      expect(names).toEqual(b.build.sheetNames);
    }
    expect(books[2].build.planIds.length).toBe(72); // the real demo sample: 72 first-tier accounts
  });

  test("every formula cell equals the engine's value", () => {
    const mismatches: string[] = [];
    const counts: Record<string, number> = {};
    for (const b of books) {
      let n = 0;
      b.build.sheets.forEach((sheet, si) => {
        const name = b.build.sheetNames[si];
        const ws = b.recalculated!.getWorksheet(name);
        if (!ws) {
          mismatches.push(`${b.label}: sheet "${name}" is missing`);
          return;
        }
        for (const block of sheet.blocks) {
          block.cells.forEach((row, i) =>
            row.forEach((cell, j) => {
              if (!isFormula(cell)) return;
              n++;
              const why = difference(valueAfter(ws, block.row + i, block.col + j), cell.v);
              if (why) mismatches.push(`${b.label}: '${name}'!${a1(block.row + i, block.col + j)} = ${cell.f}: ${why}`);
            }),
          );
        }
      });
      counts[b.label] = n;
    }
    report.formulaCells = counts;
    report.mismatches = mismatches.slice(0, 200);
    report.mismatchCount = mismatches.length;
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(counts["small en"]).toBeGreaterThan(900);
    expect(counts["full en"]).toBeGreaterThan(5000);
  });

  test("no cell of any sheet holds an error value", () => {
    const errors: string[] = [];
    for (const b of books) {
      b.recalculated!.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (isError(c.value)) errors.push(`${b.label}: '${ws.name}'!${c.address} holds ${JSON.stringify(c.value)}`);
          }),
        ),
      );
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });

  test("the English workbook renders to PDF pages: the contribution sheet with its chart, the matrix, the plans, the register", () => {
    // pdftotext ends every page with a form feed.
    const texts = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 })
      .split("\f")
      .slice(0, pngs.length);
    const pageText = (p: number) => texts[p - 1];
    const b = books[0].build;
    // At least one page per sheet; every page a real picture, not an empty sheet.
    expect(pngs.length).toBeGreaterThanOrEqual(b.sheets.length);
    expect(ppms).toHaveLength(pngs.length);
    for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    for (const ppm of ppms) {
      const img = readPpm(ppm);
      const white = countColor(img, "FFFFFF", 12);
      expect(white / (img.width * img.height)).toBeLessThan(0.995);
    }
    // Page 1: the contribution sheet (title, table header fill) with the Pareto chart's cumulative line.
    expect(pageText(1)).toContain("80/20 contribution: Revenue by customer");
    const first = readPpm(ppms[0]);
    expect(countColor(first, "1F6E43", 40) + countColor(first, "217346", 40)).toBeGreaterThan(50);
    expect(pageText(2)).toContain("Customer portfolio matrix");
    const planPages = texts.filter((t) => t.includes("Key account plan –"));
    expect(planPages).toHaveLength(b.planIds.length);
    expect(texts.some((t) => t.includes("Risk register – key accounts"))).toBe(true);
    report.planPages = texts.map((t, i) => (t.includes("Key account plan –") ? i + 1 : 0)).filter((p) => p > 0);
  });
});
