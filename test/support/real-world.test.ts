/**
 * The real-world fixture generators (real-world.ts) hold the shapes they promise, are
 * deterministic, and their oracles agree with the rows they wrote.
 */
import * as path from "path";
import { readTable } from "../../src/cli/input/read-table";
import { tempDir, tempFile } from "../cli/helpers";
import { centsText, europeanExport, longStoreNames, oracleTiers, pivotTable, storeName, toCsv, usErpExport, writeXlsx } from "./real-world";

const cents = (x: unknown): number => Math.round(Number(x) * 100);

describe("PivotTable copied as values", () => {
  it("Chinese: 行标签 / 求和项:销售额 / 求和项:利润, one row per customer, 总计 last and equal to their sum", () => {
    const t = pivotTable({ language: "zh", customers: 400 });
    expect(t.rows[0]).toEqual(["行标签", "求和项:销售额", "求和项:利润"]);
    expect(t.rows).toHaveLength(402);
    const last = t.rows[t.rows.length - 1];
    expect(last[0]).toBe("总计");
    const sum = [...t.totalsCents.values()].reduce((s, c) => s + c, 0);
    expect(cents(last[1])).toBe(sum);
    expect(t.notCustomerRows).toEqual([400]);
    // Skewed: the largest customer holds far more than the median one.
    const sorted = [...t.totalsCents.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(10 * sorted[200]);
    expect([...t.profitCents!.values()].some((p) => p < 0)).toBe(true);
  });

  it("with subtotals (华东 汇总 after each region's customers), (空白), and the English names", () => {
    const zh = pivotTable({ language: "zh", subtotals: true, blank: true });
    const labels = zh.rows.slice(1).map((r) => String(r[0]));
    expect(labels.filter((l) => l.endsWith(" 汇总"))).toEqual(["华东 汇总", "华南 汇总", "华北 汇总", "西南 汇总"]);
    expect(labels.slice(-2)).toEqual(["(空白)", "总计"]);
    // Each subtotal equals the rows since the previous subtotal; the grand total every customer and the blank.
    let since = 0;
    zh.rows.slice(1).forEach((r, i) => {
      if (String(r[0]).endsWith(" 汇总")) {
        expect(cents(r[1])).toBe(since);
        since = 0;
      } else if (!zh.notCustomerRows.includes(i)) since += cents(r[1]);
    });
    const blank = zh.rows[zh.rows.length - 2];
    expect(cents(zh.rows[zh.rows.length - 1][1])).toBe([...zh.totalsCents.values()].reduce((s, c) => s + c, 0) + cents(blank[1]));

    const en = pivotTable({ language: "en", subtotals: true, blank: true });
    expect(en.rows[0]).toEqual(["Row Labels", "Sum of Sales", "Sum of Profit"]);
    const enLabels = en.rows.slice(1).map((r) => String(r[0]));
    expect(enLabels).toContain("East Total");
    expect(enLabels.slice(-2)).toEqual(["(blank)", "Grand Total"]);
    expect(en.notCustomerRows).toHaveLength(6);
  });
});

describe("US ERP export (UCI Online Retail's columns)", () => {
  const t = usErpExport();
  const data = t.rows.slice(1);

  it("m/d/yyyy h:mm dates with days above 12, numeric ids, cancellations, blank ids", () => {
    expect(t.rows[0]).toEqual([
      "InvoiceNo",
      "StockCode",
      "Description",
      "Quantity",
      "InvoiceDate",
      "UnitPrice",
      "CustomerID",
      "Country",
      "Sales",
    ]);
    expect(data[0][4]).toMatch(/^12\/\d{1,2}\/2010 \d{1,2}:\d{2}$/);
    expect(data.some((r) => Number(String(r[4]).split("/")[1]) > 12)).toBe(true);
    expect(data.every((r) => r[6] === null || (typeof r[6] === "number" && r[6] >= 12346))).toBe(true);
    const cancelled = data.filter((r) => String(r[0]).startsWith("C"));
    expect(cancelled.length).toBeGreaterThan(10);
    expect(cancelled.every((r) => (r[3] as number) < 0 && (r[8] as number) < 0)).toBe(true);
    expect(t.notCustomerRows.length).toBeGreaterThan(0);
    expect(t.notCustomerRows.every((i) => data[i][6] === null)).toBe(true);
  });

  it("Sales is Quantity × UnitPrice to the cent, and the oracle sums it per customer id", () => {
    for (const r of data) expect(cents(r[8])).toBe((r[3] as number) * cents(r[5]));
    const sums = new Map<string, number>();
    for (const r of data) {
      const customer = r[6] as string | number | null;
      if (customer !== null) sums.set(String(customer), (sums.get(String(customer)) ?? 0) + cents(r[8]));
    }
    expect(sums).toEqual(t.totalsCents);
  });
});

describe("European export and long store names", () => {
  it("European amounts read back (by hand: dots out, comma to point) to the oracle", () => {
    const t = europeanExport({ customers: 30, lines: 300 });
    const sums = new Map<string, number>();
    for (const r of t.rows.slice(1)) {
      const x = cents(String(r[2]).replace(/\./g, "").replace(",", "."));
      sums.set(String(r[0]), (sums.get(String(r[0])) ?? 0) + x);
    }
    expect(sums).toEqual(t.totalsCents);
    expect(toCsv(t.rows, ";").split("\r\n")[0]).toBe("Kunde;Datum;Umsatz;Gewinn");
  });

  it("store names differ only in the middle; N is configurable", () => {
    const t = longStoreNames({ stores: 50, linesPerStore: 2 });
    expect(t.rows).toHaveLength(101);
    expect(t.totalsCents.size).toBe(50);
    expect(storeName(123)).toBe("Northwind Traders Wholesale Ltd Store 000123 - East China Regional Sales Office");
    expect(storeName(1).slice(0, 32)).toBe(storeName(2).slice(0, 32));
    expect(storeName(1).slice(-32)).toBe(storeName(2).slice(-32));
  });
});

describe("determinism, the oracle's tiers and the writers", () => {
  it("the same seed gives the same rows; another seed other rows", () => {
    expect(usErpExport({ seed: 3 }).rows).toEqual(usErpExport({ seed: 3 }).rows);
    expect(pivotTable({ seed: 3 }).rows).not.toEqual(pivotTable({ seed: 4 }).rows);
  });

  it("oracleTiers: the README's rule in cents (ties share a tier, losses apart, zero last)", () => {
    const totals = new Map([
      ["a", 5000],
      ["b", 3000],
      ["c", 1000],
      ["d", 1000],
      ["e", 0],
      ["f", -100],
    ]);
    // Total 10000. Above b: 50% (A); above c and d: 80%, not below 80% (B); e: zero (C).
    expect(oracleTiers(totals)).toEqual(
      new Map([
        ["a", "A"],
        ["b", "A"],
        ["c", "B"],
        ["d", "B"],
        ["e", "C"],
        ["f", "Loss"],
      ]),
    );
    expect(centsText(-5)).toBe("-0.05");
    expect(centsText(123456)).toBe("1234.56");
  });

  it("CSV quotes what needs quoting; .xlsx reads back cell for cell", async () => {
    const rows = [
      ["Customer", "Sales"],
      ["Acme, Inc.", 1.5],
      ['Say "hi"', null],
    ];
    expect(toCsv(rows)).toBe('Customer,Sales\r\n"Acme, Inc.",1.5\r\n"Say ""hi""",\r\n');
    const csv = await readTable(tempFile("q.csv", toCsv(rows)));
    expect(csv.columns[0]).toEqual(["Acme, Inc.", 'Say "hi"']);
    const file = path.join(tempDir(), "pivot.xlsx");
    const pivot = pivotTable({ customers: 20, subtotals: true });
    await writeXlsx(pivot.rows, file, "数据透视表");
    const t = await readTable(file);
    expect(t.sheetName).toBe("数据透视表");
    expect(t.headers).toEqual(pivot.rows[0]);
    expect(t.columns[0]).toEqual(pivot.rows.slice(1).map((r) => r[0]));
    expect(t.columns[1]).toEqual(pivot.rows.slice(1).map((r) => r[1]));
  });
});
