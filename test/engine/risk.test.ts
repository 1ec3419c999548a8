import fc from "fast-check";
import { riskFormula } from "../../src/engine/formulas/risk";
import { RISK_BANDS, RiskLevel, riskLevelOf, riskScore } from "../../src/engine/risk";
import { kaError, NA, columnOf as col, rowOf as row } from "../support/excel";

describe("risk bands", () => {
  test("one table: Low < 5 ≤ Medium < 10 ≤ High < 20 ≤ Critical", () => {
    expect(RISK_BANDS.map((b) => [b.name, b.from, b.below])).toEqual([
      ["Low", 1, 5],
      ["Medium", 5, 10],
      ["High", 10, 20],
      ["Critical", 20, Infinity],
    ]);
  });

  test("on the 5×5 grid: Low 1–4, Medium 5–9, High 10–16, Critical 20–25", () => {
    expect(RISK_BANDS.map((b) => b.gridScores)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 8, 9],
      [10, 12, 15, 16],
      [20, 25],
    ]);
  });

  test("riskLevelOf at and around the borders", () => {
    expect(riskLevelOf(4.99)).toBe(RiskLevel.Low);
    expect(riskLevelOf(5)).toBe(RiskLevel.Medium);
    expect(riskLevelOf(9.99)).toBe(RiskLevel.Medium);
    expect(riskLevelOf(10)).toBe(RiskLevel.High);
    expect(riskLevelOf(19.99)).toBe(RiskLevel.High);
    expect(riskLevelOf(20)).toBe(RiskLevel.Critical);
    expect(riskLevelOf(25)).toBe(RiskLevel.Critical);
  });

  test("riskScore removes binary noise from decimal products", () => {
    expect(1.1 * 1.1).not.toBe(1.21); // the noise being removed
    expect(riskScore(1.1, 1.1)).toBe(1.21);
    expect(riskScore(2.5, 2)).toBe(5);
  });

  test("property: the level never falls as the score rises", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 25, noNaN: true }), fc.double({ min: 1, max: 25, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return riskLevelOf(lo) <= riskLevelOf(hi);
      }),
    );
  });

  test("property: each score lands in the band whose [from, below) contains it", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 25, noNaN: true }), (s) => {
        const band = RISK_BANDS[riskLevelOf(s)];
        return s >= band.from && s < band.below;
      }),
    );
  });
});

describe("KA.RISK", () => {
  test("column input gives N×2: score and level", () => {
    const out = riskFormula(col([1, 2, 1, 3, 2, 4, 4, 5]), col([1, 2, 5, 3, 5, 4, 5, 5]));
    expect(out).toEqual([
      [1, "Low"],
      [4, "Low"],
      [5, "Medium"],
      [9, "Medium"],
      [10, "High"],
      [16, "High"],
      [20, "Critical"],
      [25, "Critical"],
    ]);
  });

  test("row input gives 2×N", () => {
    expect(riskFormula(row([1, 5, 2]), row([4, 4, 5]))).toEqual([
      [4, 20, 10],
      ["Low", "Critical", "High"],
    ]);
  });

  test("decimals within 1–5", () => {
    expect(riskFormula(col([2.5, 1.1, 4.9, 2.5]), col([2, 1.1, 4, 3.9]))).toEqual([
      [5, "Medium"],
      [1.21, "Low"],
      [19.6, "High"],
      [9.75, "Medium"],
    ]);
  });

  test("zh labels", () => {
    expect(riskFormula(col([1, 1, 2, 5]), col([1, 5, 5, 5]), "zh").map((r) => r[1])).toEqual(["低", "中", "高", "严重"]);
  });

  test("blank rows in every form give two blanks", () => {
    expect(riskFormula(col([null, "", 0, 3]), col([null, " ", 0, 3]))).toEqual([
      ["", ""],
      ["", ""],
      ["", ""],
      [9, "Medium"],
    ]);
    expect(riskFormula(row([null, 2]), row(["", 3]))).toEqual([
      ["", 6],
      ["", "Medium"],
    ]);
  });

  test("numbers stored as text", () => {
    expect(riskFormula(col(["３", " 4 "]), col(["2", "5"]))).toEqual([
      [6, "Medium"],
      [20, "Critical"],
    ]);
  });

  test("outside 1–5 (a single 0, negatives, 5.5) is #VALUE! naming the argument and row", () => {
    const zero = kaError(() => riskFormula(col([3, 0]), col([3, 4])));
    expect(zero.code).toBe("#VALUE!");
    expect(zero.message).toContain("likelihood, row 2");
    expect(zero.message).toContain("outside 1–5");
    expect(kaError(() => riskFormula(col([3]), col(["(1)"]))).message).toMatch(/impact, row 1.*\(1\).*outside 1–5/);
    expect(kaError(() => riskFormula(row([3, 5.5]), row([1, 1]))).message).toContain("likelihood, column 2");
    expect(kaError(() => riskFormula(col([-2]), col([3]))).message).toContain("-2");
  });

  test("half-blank rows, error cells, text, mismatched ranges", () => {
    const half = kaError(() => riskFormula(col([3, 2]), col([3, null])));
    expect(half.message).toContain("impact, row 2");
    expect(half.message).toContain("likelihood");
    const na = kaError(() => riskFormula(col([3, NA]), col([3, 3])));
    expect(na.code).toBe("#VALUE!");
    expect(na.message).toMatch(/likelihood, row 2.*#N\/A/);
    expect(kaError(() => riskFormula(col(["high"]), col([3]))).message).toContain("high");
    const mm = kaError(() => riskFormula(col([1, 2, 3]), col([1, 2, 3, 4])));
    expect(mm.message).toContain("likelihood has 3");
    expect(mm.message).toContain("impact has 4");
  });

  test("property: raising likelihood or impact never lowers the score or the level", () => {
    const v = fc.double({ min: 1, max: 5, noNaN: true });
    fc.assert(
      fc.property(v, v, v, (a, b, i) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const out = riskFormula(col([lo, hi]), col([i, i]));
        const order = RISK_BANDS.map((band) => band.name as string);
        return (out[0][0] as number) <= (out[1][0] as number) && order.indexOf(out[0][1] as string) <= order.indexOf(out[1][1] as string);
      }),
    );
  });
});
