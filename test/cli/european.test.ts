/**
 * European exports through the command line: semicolon-separated, decimal commas (`1.234,56`,
 * `-12,5`), d.m.yyyy dates. The decimal separator is decided per column from its data
 * (engine/input/decimal-separator.ts), settled by --decimal, and defaults to the comma for a
 * column of `1,234`s only in a semicolon-separated file (cli/input/decimals.ts).
 */
import * as path from "path";
import * as iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { runBuild } from "../../src/cli/commands/build";
import { bufferIo } from "../../src/cli/io";
import { readTable } from "../../src/cli/input/read-table";
import { europeanExport, oracleTiers, pivotTable, toCsv } from "../support/real-world";
import { cli, tempDir, tempFile } from "./helpers";

interface TierRow {
  customer: string;
  value: number;
  tier: string;
}

async function tiers(file: string, ...extra: string[]): Promise<{ rows: TierRow[]; err: string }> {
  const r = await cli("tiers", file, "--format", "json", ...extra);
  expect(r.err).not.toMatch(/ka-planner:/);
  expect(r.code).toBe(0);
  return { rows: JSON.parse(r.out) as TierRow[], err: r.err };
}

/** Values to the cent (the engine sums doubles; the oracle sums integer cents). */
function centsOf(rows: readonly TierRow[]): Map<string, number> {
  return new Map(rows.map((r) => [r.customer, Math.round(r.value * 100)]));
}

function tiersOf(rows: readonly TierRow[]): Map<string, string> {
  return new Map(rows.map((r) => [r.customer, r.tier]));
}

describe("a European export (Kunde;Datum;Umsatz;Gewinn, decimal commas)", () => {
  const euro = europeanExport({ headers: "de" });
  const file = tempFile("umsatz.csv", toCsv(euro.rows, ";"));

  it("tiers: every customer's total equals the oracle's, to the cent, with the oracle's tiers", async () => {
    // The fixture holds what such exports hold: decimal commas, thousands dots, names with commas.
    const amounts = euro.rows.slice(1).map((r) => String(r[2]));
    expect(amounts.some((a) => /^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(a))).toBe(true); // 1.234,56
    expect(amounts.some((a) => /^-\d+,\d$/.test(a))).toBe(true); // -12,5
    expect(amounts.some((a) => /^\d{1,3}(\.\d{3})+$/.test(a))).toBe(true); // 2.500: a thousand dot, no decimals
    expect(euro.rows.slice(1).some((r) => String(r[0]).includes(","))).toBe(true);
    expect(euro.rows.slice(1).some((r) => /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(String(r[1])) && Number(String(r[1]).split(".")[0]) > 12)).toBe(
      true,
    );
    const { rows, err } = await tiers(file, "--customer", "Kunde", "--value", "Umsatz");
    expect(centsOf(rows)).toEqual(euro.totalsCents);
    expect(tiersOf(rows)).toEqual(oracleTiers(euro.totalsCents));
    expect(err).toContain('column "Umsatz" (C) is read with decimal commas');
  });

  it("the profit column too (negative amounts, -12,5)", async () => {
    const { rows } = await tiers(file, "--customer", "Kunde", "--value", "Gewinn");
    expect(centsOf(rows)).toEqual(euro.profitCents);
  });

  it("English headers are found by header, and tab-separated works the same", async () => {
    const en = europeanExport({ headers: "en" });
    const semicolon = await tiers(tempFile("sales.csv", toCsv(en.rows, ";")));
    expect(centsOf(semicolon.rows)).toEqual(en.totalsCents);
    const tab = await tiers(tempFile("sales.txt", toCsv(en.rows, "\t")));
    expect(centsOf(tab.rows)).toEqual(en.totalsCents);
  });

  it("pareto and concentration read the same numbers", async () => {
    const p = await cli("pareto", file, "--customer", "Kunde", "--value", "Umsatz", "--format", "json");
    expect(p.code).toBe(0);
    const pareto = JSON.parse(p.out) as TierRow[];
    expect(pareto[pareto.length - 1].customer).toBe("Total");
    expect(centsOf(pareto.slice(0, -1))).toEqual(euro.totalsCents);
    const c = await cli("concentration", file, "--customer", "Kunde", "--value", "Umsatz", "--format", "json");
    expect(c.code).toBe(0);
    const figures = JSON.parse(c.out) as { key: string; value: number }[];
    const positive = [...euro.totalsCents.values()].filter((x) => x > 0).reduce((s, x) => s + x, 0);
    expect(Math.round(figures.find((f) => f.key === "positiveTotal")!.value * 100)).toBe(positive);
  });

  it("build: revenue and profit per customer equal the oracle's, and the live data sheet holds numbers", async () => {
    const table = await readTable(file);
    const out = path.join(tempDir(), "plan.xlsx");
    const io = bufferIo();
    const result = await runBuild(table, { out, customer: "Kunde", value: "Umsatz", profit: "Gewinn", live: true }, io, {
      today: "2025-06-30",
      summary: false,
    });
    const { names } = result.portfolio.analysis.customers;
    const revenue = new Map(names.map((n, id) => [n, Math.round(result.portfolio.revenue![id] * 100)]));
    const profit = new Map(names.map((n, id) => [n, Math.round(result.portfolio.profit![id] * 100)]));
    expect(revenue).toEqual(euro.totalsCents);
    expect(profit).toEqual(euro.profitCents);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const data = wb.getWorksheet("Data")!;
    expect(data.getCell("C1").value).toBe("Umsatz");
    // "Datum" names no role: the d.m.yyyy column is the date column by its contents, as in the pane.
    expect({ index: result.columns.single.date?.index, how: result.columns.single.date?.how }).toEqual({ index: 1, how: "content" });
    expect(result.portfolio.dateProblem ?? null).toBeNull();
    const cells = Array.from({ length: 20 }, (_, i) => data.getCell(`C${i + 2}`).value);
    expect(cells.every((v) => typeof v === "number")).toBe(true);
    expect(cells[0]).toBe(Number(String(euro.rows[1][2]).replace(/\./g, "").replace(",", ".")));
  });
});

describe("the decimal separator of a column", () => {
  const lines = (d: string, values: string[]) => [`Customer${d}Revenue`, ...values.map((v, i) => `C${i}${d}${v}`)].join("\n") + "\n";

  it("1234,5 is 1234.5 (it used to be 'not a number'), and 1,234 beside it is 1.234", async () => {
    const { rows } = await tiers(tempFile("a.csv", lines(",", ['"1234,5"', '"1,234"', "7"])));
    expect(rows.map((r) => [r.customer, r.value])).toEqual([
      ["C0", 1234.5],
      ["C2", 7],
      ["C1", 1.234],
    ]);
  });

  it("a column of 1,234s only: as before (1234) in a comma-separated file, decimal commas in a semicolon-separated one (said on stderr)", async () => {
    const comma = await tiers(tempFile("b.csv", lines(",", ['"1,234"', '"2,500"'])));
    expect(comma.rows.map((r) => r.value)).toEqual([2500, 1234]);
    expect(comma.err).not.toMatch(/decimal/);
    const file = tempFile("c.csv", lines(";", ["1,234", "2,500", "3.000"]));
    const assumed = await tiers(file);
    expect(assumed.rows.map((r) => r.value)).toEqual([3000, 2.5, 1.234]);
    expect(assumed.err).toContain(
      'column "Revenue" (B) is read with decimal commas because the file is semicolon-separated ("1,234" = 1.234)',
    );
    const point = await tiers(file, "--decimal", "point");
    expect(point.rows.map((r) => r.value)).toEqual([2500, 1234, 3]);
  });

  it("--decimal comma reads a comma-separated file's 1,234 as 1.234", async () => {
    const { rows } = await tiers(tempFile("d.csv", lines(",", ['"1,234"', '"2,500"'])), "--decimal", "comma");
    expect(rows.map((r) => r.value)).toEqual([2.5, 1.234]);
  });

  it("a column mixing 1,5 and 1,234.56 is an error naming both cells", async () => {
    const r = await cli("tiers", tempFile("e.csv", lines(";", ["1,5", "1,234.56"])));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/column "Revenue" \(B\) mixes decimal commas \(row 2: "1,5"\) and decimal points \(row 3: "1,234.56"\)/);
  });

  it("--decimal contradicted by a cell, or not comma/point, is an error", async () => {
    const forced = await cli("tiers", tempFile("f.csv", lines(";", ["12,5", "1,234.56"])), "--decimal", "comma");
    expect(forced.code).toBe(2);
    expect(forced.err).toContain('row 3: "1,234.56" is not a number with a decimal comma (--decimal comma)');
    const bad = await cli("tiers", tempFile("g.csv", lines(";", ["12,5"])), "--decimal", "dots");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--decimal must be comma or point, not "dots"');
  });

  it("a bad cell in a decimal-comma column is still named", async () => {
    const r = await cli("tiers", tempFile("h.csv", lines(";", ["12,5", "n/a", "3"])));
    expect(r.code).toBe(2);
    expect(r.err).toContain('row 3: "n/a" is not a number');
  });

  it("only numeric columns are touched: a customer named 1,5 keeps its name", async () => {
    const { rows } = await tiers(tempFile("i.csv", "Customer;Revenue\n1,5;2,5\nAcme;1.000\n"));
    expect(rows.map((r) => [r.customer, r.value])).toEqual([
      ["Acme", 1000],
      ["1,5", 2.5],
    ]);
  });
});

describe("encodings of European files", () => {
  it("Windows-1252 (Excel's CSV for Western Europe) is told apart from GB18030: Müller stays Müller", async () => {
    const en = europeanExport({ headers: "en", customers: 40, lines: 400 });
    const file = tempFile("ansi.csv", iconv.encode(toCsv(en.rows, ";"), "windows-1252"));
    expect((await readTable(file)).encoding).toBe("windows-1252");
    const { rows } = await tiers(file);
    expect(centsOf(rows)).toEqual(en.totalsCents);
    expect(rows.some((r) => /[äöüß]/.test(r.customer))).toBe(true);
    // A Chinese file in GB18030 is still read as GB18030.
    const pivot = pivotTable({ customers: 50 });
    const gb = tempFile("pivot.csv", iconv.encode(toCsv(pivot.rows), "gb18030"));
    const table = await readTable(gb);
    expect(table.encoding).toBe("gb18030");
    expect(table.columns[0].slice(0, 50)).toEqual(pivot.rows.slice(1, 51).map((r) => r[0]));
  });

  it("UTF-16 with BOM and tabs (Excel's Unicode text) with decimal commas", async () => {
    const en = europeanExport({ headers: "en", customers: 20, lines: 100 });
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(toCsv(en.rows, "\t"), "utf-16le")]);
    const { rows } = await tiers(tempFile("unicode.txt", bytes));
    expect(centsOf(rows)).toEqual(en.totalsCents);
  });
});
