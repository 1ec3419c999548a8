/**
 * A PivotTable copied out as values (行标签 / 求和项:销售额 / 求和项:利润, one row per customer,
 * the grand total 总计 last) through the KA.* functions: the grand total is no customer.
 */
import * as KA from "../../src/functions/functions";
import { columnOf, flat, row } from "../support/excel";

const pivot: [string, number, number][] = [
  ["行标签", NaN, NaN], // header row, not passed to the functions
  ["华东贸易", 400, 80],
  ["北方机电", 200, 30],
  ["南方百货", 100, 25],
  ["西部物流", 80, 12],
  ["中原食品", 60, 9],
  ["东海渔业", 50, 8],
  ["沿江建材", 40, 5],
  ["山城火锅", 30, 4],
  ["高原乳业", 20, 3],
  ["海岛旅游", 20, -6],
  ["总计", 1000, 170],
];
const data = pivot.slice(1);
const customers = columnOf(data.map((r) => r[0]));
const sales = columnOf(data.map((r) => r[1]));
const profit = columnOf(data.map((r) => r[2]));

describe("a pasted PivotTable with its grand total 总计 last", () => {
  test("KA.TIER: tier A holds the customers that make 80% of the sales; 总计 gets a blank", () => {
    const tiers = flat(KA.tier(sales, customers));
    const inA = data.filter((_, i) => tiers[i] === "A").map((r) => r[0]);
    expect(inA).toEqual(["华东贸易", "北方机电", "南方百货", "西部物流", "中原食品"]);
    expect(tiers).toEqual(["A", "A", "A", "A", "A", "B", "B", "B", "C", "C", ""]);
  });

  test("KA.TIER on profit: the loss maker is Loss, 总计 blank", () => {
    const tiers = flat(KA.tier(profit, customers));
    expect(tiers[9]).toBe("Loss");
    expect(tiers[10]).toBe("");
  });

  test("KA.PARETO lists 10 customers, reports the total row on its own line, and the Total is SUM less that row", () => {
    const out = KA.pareto(customers, sales);
    const names = out.slice(1, 11).map((r): unknown => r[1]);
    expect(names).not.toContain("总计");
    expect(out).toHaveLength(1 + 10 + 2);
    expect(out[11]).toEqual(["", "Total rows left out (1): row 11", 1000, "", "", ""]);
    expect(out[12]).toEqual(["", "Total (SUM of the values less the total rows)", 1000, "", "", ""]);
    const zh = KA.pareto(customers, sales, undefined, undefined, undefined, "zh");
    expect(zh[11][1]).toBe("已剔除的合计行（1）：第 11 行");
  });

  test("KA.PARETO over rows (a transposed pivot) names columns", () => {
    const out = KA.pareto(row(...data.map((r) => r[0])), row(...data.map((r) => r[1])));
    expect(out[11][1]).toBe("Total rows left out (1): column 11");
  });

  test("KA.CONCENTRATION counts 10 customers, 5 of them for 80%, and adds the total row's lines", () => {
    const out = KA.concentration(sales, customers);
    const get = (label: string): unknown => out.find((r) => r[0] === label)?.[1];
    expect(get("Customers (all)")).toBe(10);
    expect(get("Customers needed for 80%")).toBe(5);
    expect(get("Net total")).toBe(1000);
    expect(get("Total rows left out")).toBe(1);
    expect(get("Total rows left out: value")).toBe(1000);
    // Without total rows the table keeps its shape.
    const plain = KA.concentration(sales.slice(0, 10), customers.slice(0, 10));
    expect(plain).toHaveLength(out.length - 2);
  });
});
