import { concentrationFormula } from "../../src/engine/formulas/concentration";
import { paretoFormula } from "../../src/engine/formulas/pareto";
import { col, row, thrown } from "../support/excel";

// Acme 30+20, Beta 30, Gamma 15, Delta 5, "Loss Co" -10 net, a line without customer (7), a blank row.
const customers = col("Acme", "Beta", " acme", "Gamma", "Delta", "Loss Co", "", "Loss Co", null);
const values = col(30, "30", 20, "¥15.00", 5, -12, 7, 2, null);

describe("KA.PARETO", () => {
  test("ranks customers, shows shares, cumulative shares and tiers, then losses, no-customer rows and the total", () => {
    expect(paretoFormula(customers, values)).toEqual([
      ["Rank", "Customer", "Value", "Share", "Cumulative share", "Tier"],
      [1, "Acme", 50, 0.5, 0.5, "A"],
      [2, "Beta", 30, 0.3, 0.8, "A"],
      [3, "Gamma", 15, 0.15, 0.95, "B"],
      [4, "Delta", 5, 0.05, 1, "C"],
      ["", "Loss Co", -10, "", "", "Loss"],
      ["", "(no customer: 1 rows)", 7, "", "", ""],
      ["", "Total", 97, "", "", ""],
    ]);
  });

  test("top_n folds the rest into one Other line", () => {
    const out = paretoFormula(customers, values, 2, undefined, undefined, "zh");
    expect(out[0]).toEqual(["排名", "客户", "金额", "占比", "累计占比", "等级"]);
    expect(out.slice(1, 4)).toEqual([
      [1, "Acme", 50, 0.5, 0.5, "A"],
      [2, "Beta", 30, 0.3, 0.8, "A"],
      ["", "其他（2 个客户）", 20, 0.2, 1, ""],
    ]);
    expect(out[4]).toEqual(["", "Loss Co", -10, "", "", "亏损"]);
    expect(out[out.length - 1]).toEqual(["", "合计", 97, "", "", ""]);
  });

  test("tied customers share a rank and are listed by name whatever the row order", () => {
    const a = paretoFormula(col("zeta", "Alpha", "mid"), col(10, 10, 5));
    const b = paretoFormula(col("mid", "Alpha", "zeta"), col(5, 10, 10));
    expect(a).toEqual(b);
    expect(a.slice(1, 4).map((r) => [r[0], r[1]])).toEqual([
      [1, "Alpha"],
      [1, "zeta"],
      [3, "mid"],
    ]);
  });

  test("a row orientation works and mismatched sizes are refused", () => {
    expect(paretoFormula(row("a", "b"), row(3, 1))[1]).toEqual([1, "a", 3, 0.75, 0.75, "A"]);
    const e = thrown(() => paretoFormula(col("a", "b"), col(1, 2, 3)));
    expect(e.message).toMatch(/customers has 2 cells but values has 3/);
  });

  test("top_n must be a whole number from 1", () => {
    expect(thrown(() => paretoFormula(customers, values, 0)).message).toMatch(/top_n/);
    expect(thrown(() => paretoFormula(customers, values, 2.5)).message).toMatch(/top_n/);
    expect(thrown(() => paretoFormula(customers, values, "many")).message).toMatch(/top_n/);
  });

  test("only losses: no shares to divide, still no NaN", () => {
    const out = paretoFormula(col("a", "b"), col(-1, 0));
    expect(out[1]).toEqual([1, "b", 0, 0, 0, "C"]);
    expect(out.flat().some((c) => typeof c === "number" && !Number.isFinite(c))).toBe(false);
  });
});

describe("KA.CONCENTRATION", () => {
  test("figures of a small portfolio, computed by hand", () => {
    const out = concentrationFormula(values, customers);
    const m = new Map(out.slice(1).map((r) => [r[0] as string, r[1] as number]));
    expect(out[0]).toEqual(["Metric", "Value"]);
    expect(m.get("Customers with positive value")).toBe(4);
    expect(m.get("Customers (all)")).toBe(5);
    expect(m.get("Positive total")).toBe(100);
    expect(m.get("Net total")).toBe(97);
    expect(m.get("Customers needed for 50%")).toBe(1);
    expect(m.get("Customers needed for 80%")).toBe(2);
    expect(m.get("Customers needed for 80% (% of customers)")).toBeCloseTo(0.4, 12);
    expect(m.get("Customers needed for 95%")).toBe(3);
    expect(m.get("Top-1 share")).toBe(0.5);
    expect(m.get("Top-5 share")).toBe(1);
    expect(m.get("HHI (0-10,000)")).toBeCloseTo(3650, 9);
    // ascending 5,15,30,50: 2·(5+30+90+200)/(4·100) − 5/4
    expect(m.get("Gini coefficient")).toBeCloseTo(0.375, 12);
    expect(m.get("Loss-making customers")).toBe(1);
    expect(m.get("Loss-making customers' value")).toBe(-10);
    expect(m.get("Rows without a customer")).toBe(1);
    expect(m.get("Rows without a customer: value")).toBe(7);
  });

  test("without customers every row is a customer; Chinese labels", () => {
    const out = concentrationFormula(col(60, 40), undefined, "zh");
    expect(out[0]).toEqual(["指标", "数值"]);
    expect(out[1]).toEqual(["正值客户数", 2]);
  });

  test("empty of values: zeros, never NaN", () => {
    const out = concentrationFormula(col(null, ""));
    expect(out.flat().some((c) => typeof c === "number" && !Number.isFinite(c))).toBe(false);
  });
});
