/**
 * `ka-planner build` on real exports' dates: a US export (UCI Online Retail shape: numeric
 * customer ids, m/d/yyyy h:mm dates, negative cancellation lines, a PivotTable "(blank)"
 * customer) reads its dates month-first from the data; a column every date of which is
 * ambiguous is left out with a note unless --date-order names the order; --date still errors.
 * Every fixture is written by the test.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { cli, tempDir, tempFile } from "./helpers";

const HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

/** Invoice lines of five customers over Dec 2010 – Mar 2011; `date` writes each line's date. */
function usExport(date: (month: number, day: number, year: number, time: string) => string): string {
  const lines = [HEADER];
  const customers = ["17850", "13047", "12583", "14527", "(blank)", "15100"];
  const months: [number, number][] = [
    [12, 2010],
    [1, 2011],
    [2, 2011],
    [3, 2011],
  ];
  let invoice = 536365;
  months.forEach(([month, year], mi) => {
    customers.forEach((customer, ci) => {
      const day = ((ci * 5 + mi * 3) % 12) + 1; // ≤ 12: the day alone never decides the order
      const quantity = (ci + 1) * 12 + mi;
      lines.push(
        `${invoice++},85123A,"WHITE HANGING HEART T-LIGHT HOLDER",${quantity},${date(month, day, year, `${8 + ci}:${10 + mi * 7}`)},2.55,${customer},United Kingdom`,
      );
    });
  });
  // A cancellation (negative line) of the first customer.
  lines.push(`C${invoice++},85123A,"WHITE HANGING HEART T-LIGHT HOLDER",-6,${date(1, 5, 2011, "9:41")},2.55,17850,United Kingdom`);
  return lines.join("\n") + "\n";
}

const mdy = (m: number, d: number, y: number, t: string) => `${m}/${d}/${y} ${t}`;
const dmy = (m: number, d: number, y: number, t: string) => `${d}/${m}/${y} ${t}`;

async function monthLabelsOf(file: string): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const labels = new Set<string>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string" && /^20\d\d-\d\d$/.test(c.value)) labels.add(c.value);
      }),
    );
  }
  return labels;
}

const build = (csv: string, ...args: string[]) => {
  const out = path.join(tempDir(), "plan.xlsx");
  return cli("build", tempFile("export.csv", csv), "--out", out, "--value", "Quantity", ...args).then((r) => ({ ...r, out }));
};

describe("ka-planner build: dates of real exports", () => {
  test("US export: m/d/yyyy h:mm dates are read month-first (a day above 12 decides); the workbook has monthly figures", async () => {
    // One line dated 12/13/2010 decides the order for the whole column.
    const csv = usExport(mdy).replace("12/1/2010 8:10", "12/13/2010 8:10");
    const r = await build(csv);
    expect(r.err).not.toMatch(/is not a date/);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/date = column "InvoiceDate" \(E\)/);
    expect(r.err).not.toMatch(/left out/);
    expect([...(await monthLabelsOf(r.out))].sort()).toEqual(expect.arrayContaining(["2010-12", "2011-01", "2011-02", "2011-03"]));
  });

  test("every date ambiguous, no --date-order: the build succeeds, the date figures are left out with a note naming the column and a value", async () => {
    const r = await build(usExport(mdy));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /note: \S*export\.csv: column "InvoiceDate" \(E\): dates such as "12\/1\/2010 8:10" \(row 2\) could be month\/day or day\/month/,
    );
    expect(r.err).toContain(
      "the date-based figures (monthly revenue, trend, recency) are left out. Name the order with --date-order mdy or --date-order dmy.",
    );
    expect((await monthLabelsOf(r.out)).size).toBe(0);
  });

  test("--date-order dmy / mdy reads an ambiguous column in that order", async () => {
    const asDmy = await build(usExport(dmy), "--date-order", "dmy");
    expect(asDmy.code).toBe(0);
    expect(asDmy.err).not.toMatch(/left out/);
    expect([...(await monthLabelsOf(asDmy.out))].sort()).toEqual(expect.arrayContaining(["2010-12", "2011-01", "2011-02", "2011-03"]));
    const asMdy = await build(usExport(mdy), "--date-order", "MDY");
    expect(asMdy.code).toBe(0);
    expect([...(await monthLabelsOf(asMdy.out))].sort()).toEqual(expect.arrayContaining(["2010-12", "2011-03"]));
  });

  test("the data wins over --date-order where it decides; mixed orders are left out with both values", async () => {
    const decided = await build(usExport(mdy).replace("12/1/2010 8:10", "12/13/2010 8:10"), "--date-order", "dmy");
    expect(decided.code).toBe(0);
    expect(decided.err).not.toMatch(/left out/);
    const mixed = usExport(mdy).replace("12/1/2010 8:10", "12/13/2010 8:10").replace("1/4/2011 8:17", "13/1/2011 8:17");
    const r = await build(mixed);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /column "InvoiceDate" \(E\): some dates have the day first and others the month first \("12\/13\/2010 8:10", and "13\/1\/2011 8:17" at row \d+\)/,
    );
  });

  test("a column named with --date still stops the build on a date it cannot read (exit 2, no workbook)", async () => {
    const r = await build(usExport(mdy), "--date", "InvoiceDate");
    expect(r.code).toBe(2);
    expect(r.err).toContain('export.csv: column "InvoiceDate" (E), row 2: "12/1/2010 8:10" could be month/day or day/month');
    expect(r.err).toContain("--date-order mdy or --date-order dmy");
    const text = await build(usExport(mdy).replace("12/1/2010 8:10", "soon"), "--date", "InvoiceDate", "--date-order", "mdy");
    expect(text.code).toBe(2);
    expect(text.err).toContain('row 2: "soon" is not a date');
  });

  test("a bad --date-order is a usage error before the file is read", async () => {
    const r = await cli("build", path.join(tempDir(), "missing.csv"), "--out", path.join(tempDir(), "x.xlsx"), "--date-order", "yes");
    expect(r.code).toBe(2);
    expect(r.err).toContain('--date-order must be ymd, mdy or dmy, not "yes".');
  });

  test("European d.m.yyyy dates: day-first decided from the data", async () => {
    const eu = (m: number, d: number, y: number, t: string) => `${d}.${m}.${y} ${t}`;
    const r = await build(usExport(eu).replace("1.12.2010 8:10", "31.12.2010 8:10"));
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/left out/);
    expect([...(await monthLabelsOf(r.out))].sort()).toEqual(expect.arrayContaining(["2010-12", "2011-03"]));
  });
});
