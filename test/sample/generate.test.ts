import { analyseCustomers } from "../../src/engine/analysis";
import { concentrationOf } from "../../src/engine/concentration";
import { readCustomerVector } from "../../src/engine/input/customer-vector";
import { parseNumericText } from "../../src/engine/input/numbers";
import { readNumericVector } from "../../src/engine/input/numeric-vector";
import { columnVector } from "../../src/engine/input/range";
import { tierSpecOf } from "../../src/engine/tiers";
import { generateSalesSample, Random, SalesRow, SAMPLE_DEFAULTS } from "../../src/sample";

/** Per-customer analysis of a column of the sample, through the engine. */
function analyse(rows: SalesRow[], key: "revenue" | "profit") {
  const numbers = readNumericVector(
    columnVector(
      rows.map((r) => r[key]),
      key,
    ),
  );
  const customers = readCustomerVector(
    columnVector(
      rows.map((r) => r.customer),
      "customer",
    ),
  );
  const analysis = analyseCustomers(numbers, customers, tierSpecOf(null, null, null, "en"));
  return { analysis, figures: concentrationOf(analysis) };
}

describe("Random", () => {
  it("is deterministic per seed and stream, and uniform-looking", () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 10000 }, () => a.next());
    expect(Array.from({ length: 10000 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs.slice(0, 5));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    const ints = new Set(Array.from({ length: 1000 }, () => a.int(1, 5)));
    expect([...ints].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("generateSalesSample", () => {
  const rows = generateSalesSample({ seed: 7 });

  it("is deterministic: same seed gives identical rows, another seed different ones", () => {
    expect(generateSalesSample({ seed: 7 })).toEqual(rows);
    const other = generateSalesSample({ seed: 8 });
    expect(other.length).toBe(rows.length);
    expect(other.map((r) => r.revenue)).not.toEqual(rows.map((r) => r.revenue));
  });

  it("has the requested size: lines and distinct customers (PivotTable grouping)", () => {
    expect(rows.length).toBe(SAMPLE_DEFAULTS.lines);
    const keys = new Set(rows.map((r) => r.customer.trim().toLowerCase()));
    expect(keys.size).toBe(SAMPLE_DEFAULTS.customers);
    const small = generateSalesSample({ seed: 1, customers: 40, lines: 1000 });
    expect(small.length).toBe(1000);
    expect(new Set(small.map((r) => r.customer.trim().toLowerCase())).size).toBe(40);
  });

  it("spans 24 months from 2024-01 to 2025-12, in date order", () => {
    const months = new Set(rows.map((r) => r.date.toISOString().slice(0, 7)));
    expect(months.size).toBe(24);
    expect([...months].sort()[0]).toBe("2024-01");
    expect([...months].sort()[23]).toBe("2025-12");
    const unordered = rows.findIndex((r, i) => i > 0 && r.date.getTime() < rows[i - 1].date.getTime());
    expect(unordered).toBe(-1);
    expect(new Set(rows.map((r) => r.orderId)).size).toBe(rows.length);
  });

  it("is heavy-tailed like real sales: 10–40% of customers make 80% of revenue (measured by the engine)", () => {
    for (const seed of [7, 1, 2, 3, SAMPLE_DEFAULTS.seed]) {
      const { figures } = analyse(seed === 7 ? rows : generateSalesSample({ seed }), "revenue");
      const needed = figures.needed.find((n) => n.share === 0.8)!;
      expect(needed.fractionOfCustomers).toBeGreaterThan(0.1);
      expect(needed.fractionOfCustomers).toBeLessThan(0.4);
    }
  });

  it("has returns (~2% negative lines), a few net-negative customers and ~5% loss-making ones", () => {
    const returns = rows.filter((r) => typeof r.revenue === "number" && r.revenue < 0).length;
    expect(returns / rows.length).toBeGreaterThan(0.01);
    expect(returns / rows.length).toBeLessThan(0.035);
    expect(rows.filter((r) => (r.revenue as number) < 0).every((r) => r.orderId.startsWith("RT-"))).toBe(true);
    const byRevenue = analyse(rows, "revenue").figures;
    expect(byRevenue.lossCount).toBeGreaterThanOrEqual(1);
    expect(byRevenue.lossCount).toBeLessThanOrEqual(6);
    const byProfit = analyse(rows, "profit").figures;
    expect(byProfit.lossCount / byProfit.customers).toBeGreaterThanOrEqual(0.02);
    expect(byProfit.lossCount / byProfit.customers).toBeLessThanOrEqual(0.1);
  });

  it("keeps per-customer attributes in range and constant per customer", () => {
    const grades = new Set(["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"]);
    const seen = new Map<string, string>();
    const problems: string[] = [];
    rows.forEach((r, i) => {
      if (!(Number.isInteger(r.satisfaction) && r.satisfaction >= 1 && r.satisfaction <= 5))
        problems.push(`${i}: satisfaction ${r.satisfaction}`);
      if (!grades.has(r.creditRating)) problems.push(`${i}: credit ${r.creditRating}`);
      for (const x of [r.marketGrowth, r.marginPotential, r.strategicFit, r.shareOfWallet, r.relationship, r.productFit]) {
        if (!(Number.isInteger(x) && x >= 1 && x <= 10)) problems.push(`${i}: criterion ${x}`);
      }
      if (!(r.salesHours > 0)) problems.push(`${i}: hours ${r.salesHours}`);
      const key = r.customer.trim().toLowerCase();
      const attrs = [r.region, r.industry, r.manager, r.satisfaction, r.creditRating, r.marketGrowth, r.relationship].join("|");
      if (!seen.has(key)) seen.set(key, attrs);
      else if (seen.get(key) !== attrs) problems.push(`${i}: ${key} changes attributes`);
    });
    expect(problems.slice(0, 5)).toEqual([]);
    expect(new Set(rows.map((r) => r.satisfaction)).size).toBe(5);
  });

  it("writes realistic names: spelling variants (case/spaces) that group, Chinese company names in zh", () => {
    const raw = new Set(rows.map((r) => r.customer));
    expect(raw.size).toBeGreaterThan(SAMPLE_DEFAULTS.customers); // variants exist
    expect(rows.some((r) => r.customer !== r.customer.trim())).toBe(true);
    expect(rows.every((r) => r.customer.trim() !== "")).toBe(true); // the clean file has no blank customer
    expect(rows.every((r) => typeof r.revenue === "number")).toBe(true);
    const zh = generateSalesSample({ seed: 7, locale: "zh" });
    expect(zh.every((r) => /^[\u4e00-\u9fff]+(有限公司|股份有限公司|集团有限公司)$/.test(r.customer.trim()))).toBe(true);
    expect(zh[0].region).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it("the English and Chinese variants hold the same numbers", () => {
    const zh = generateSalesSample({ seed: 7, locale: "zh" });
    expect(zh.map((r) => r.revenue)).toEqual(rows.map((r) => r.revenue));
    expect(zh.map((r) => r.profit)).toEqual(rows.map((r) => r.profit));
    expect(zh.map((r) => r.date)).toEqual(rows.map((r) => r.date));
    expect(zh.map((r) => r.customer)).not.toEqual(rows.map((r) => r.customer));
  });

  it("the messy variant adds numbers stored as text and one blank customer, and the engine still reconciles", () => {
    const messy = generateSalesSample({ seed: 7, messy: true });
    const texts = messy.map((r, i) => ({ r, i })).filter(({ r }) => typeof r.revenue === "string");
    expect(texts.length).toBeGreaterThan(10);
    for (const { r, i } of texts) {
      expect(r.revenue).toMatch(/^-?[\d,]+\.\d\d ?$/);
      expect(parseNumericText(r.revenue as string)).toBe(rows[i].revenue);
    }
    expect(texts.some(({ r }) => (r.revenue as string).includes(","))).toBe(true);
    expect(messy.filter((r) => r.customer.trim() === "").length).toBe(1);
    const clean = analyse(rows, "revenue").analysis;
    const dirty = analyse(messy, "revenue").analysis;
    expect(dirty.customers.noCustomer.rows).toBe(1);
    expect(dirty.netTotal).toBeCloseTo(clean.netTotal, 2);
  });
});
