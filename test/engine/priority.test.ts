import fc from "fast-check";
import { priorityFormula } from "../../src/engine/formulas/priority";
import { applyPercentRule, likelihoodCutOf, Priority, priorityOf } from "../../src/engine/priority";
import { kaError, NA, columnOf as col, rowOf as row } from "../support/excel";

const EN = ["Act now", "Go after", "Wait for the moment", "Shelve"];

describe("priorityOf", () => {
  test("the four buckets; equal to the cut counts as large / likely", () => {
    expect(priorityOf(10, 0.9, 5, 0.5)).toBe(Priority.ActNow);
    expect(priorityOf(1, 0.9, 5, 0.5)).toBe(Priority.GoAfter);
    expect(priorityOf(10, 0.1, 5, 0.5)).toBe(Priority.Wait);
    expect(priorityOf(1, 0.1, 5, 0.5)).toBe(Priority.Shelve);
    expect(priorityOf(5, 0.5, 5, 0.5)).toBe(Priority.ActNow);
  });

  test("percent rule: any plain number above 1 makes the column percent; percent texts are left alone", () => {
    const v = Float64Array.from([1, 60, 0.5]);
    expect(applyPercentRule(v, Uint8Array.from([0, 0, 1]))).toBe(true);
    expect(Array.from(v)).toEqual([0.01, 0.6, 0.5]);
    const f = Float64Array.from([1, 0.25, NaN]);
    expect(applyPercentRule(f, new Uint8Array(3))).toBe(false);
    expect(Array.from(f)).toEqual([1, 0.25, NaN]);
    expect(likelihoodCutOf(60)).toBe(0.6);
    expect(likelihoodCutOf(1)).toBe(1);
  });
});

describe("KA.PRIORITY", () => {
  // Median size over 10,10,100,100 is 55; likelihood cut 0.5.
  const size = [100, 10, 100, 10];
  const lik = [0.8, 0.8, 0.2, 0.2];

  test("column input, default cuts", () => {
    expect(priorityFormula(col(size), col(lik))).toEqual(col(EN));
  });

  test("row input gives a row; zh labels", () => {
    expect(priorityFormula(row(size), row(lik), null, null, "zh")).toEqual(row(["马上行动", "出击", "伺机而动", "搁置计划"]));
  });

  test("likelihood in percent numbers reads the same as fractions", () => {
    expect(priorityFormula(col(size), col([80, 80, 20, 20]))).toEqual(col(EN));
    expect(priorityFormula(col(size), col(["80%", "80%", "20%", "20%"]))).toEqual(col(EN));
  });

  test("one number above 1 makes the whole column percent: 1 then means 1%", () => {
    // Sizes 100,100: median 100, both large. 1 -> 1% (unlikely), 60 -> 60%.
    expect(priorityFormula(col([100, 100]), col([1, 60]))).toEqual(col(["Wait for the moment", "Act now"]));
    // Without a number above 1 the column is fractions: 1 is 100%.
    expect(priorityFormula(col([100, 100]), col([1, 0.6]))).toEqual(col(["Act now", "Act now"]));
  });

  test('"50%" text is 0.5 even in a column of percent numbers', () => {
    // sizes 1,2,3: median 2. (1, 0.5) small likely; (2, 0.7) large likely; (3, 0.3) large unlikely.
    expect(priorityFormula(col([1, 2, 3]), col(["50%", 70, "30"]))).toEqual(col(["Go after", "Act now", "Wait for the moment"]));
  });

  test("explicit cuts: size_cut, likelihood_cut as fraction, percent number or percent text", () => {
    // size cut 50: 100 large, 10 small. likelihood cut 0.9: 0.8 is unlikely.
    const expected = col(["Wait for the moment", "Shelve", "Wait for the moment", "Shelve"]);
    expect(priorityFormula(col(size), col(lik), 50, 0.9)).toEqual(expected);
    expect(priorityFormula(col(size), col(lik), [[50]], 90)).toEqual(expected);
    expect(priorityFormula(col(size), col(lik), "50", "90%")).toEqual(expected);
    // size cut 5: every size is large.
    expect(priorityFormula(col(size), col(lik), 5)).toEqual(col(["Act now", "Act now", "Wait for the moment", "Wait for the moment"]));
  });

  test('blank rows (null, "", 0 and 0) give "" and stay out of the median', () => {
    // Non-blank sizes 10, 30: median 20.
    const out = priorityFormula(col([10, null, "", 0, 30]), col([0.9, null, " ", 0, 0.1]));
    expect(out).toEqual(col(["Go after", "", "", "", "Wait for the moment"]));
  });

  test("a single 0 is a value", () => {
    // sizes 0, 10: median 5. (0, 0.7) small likely; (10, 0) large unlikely.
    expect(priorityFormula(col([0, 10]), col([0.7, 0]))).toEqual(col(["Go after", "Wait for the moment"]));
  });

  test("numbers stored as text", () => {
    // 1234, 1234, 3 (full-width) -> median 1234.
    expect(priorityFormula(col(["1,234", "¥1,234", "３"]), col(["0.6", "０.４", 0.5]))).toEqual(
      col(["Act now", "Wait for the moment", "Go after"]),
    );
  });

  test("half-blank rows name the missing argument and the row", () => {
    const e = kaError(() => priorityFormula(col([1, 2]), col([0.5, ""])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("likelihood, row 2");
    expect(e.message).toContain("size");
    expect(kaError(() => priorityFormula(row([null, 2]), row([0.5, 0.4]))).message).toContain("size, column 1");
  });

  test("out-of-range likelihood names the row and the scale it was read on", () => {
    const pct = kaError(() => priorityFormula(col([1, 2]), col([50, 150])));
    expect(pct.code).toBe("#VALUE!");
    expect(pct.message).toContain("likelihood, row 2");
    expect(pct.message).toContain("0–100");
    expect(kaError(() => priorityFormula(col([1, 2]), col([0.5, -0.2]))).message).toMatch(/row 2.*outside 0–1\b/);
    expect(kaError(() => priorityFormula(col([1, 2]), col(["150%", 0.2]))).message).toMatch(/row 1.*0%–100%/);
  });

  test("negative size is #VALUE! naming the row", () => {
    const e = kaError(() => priorityFormula(col([5, "(12)"]), col([0.5, 0.5])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("size, row 2");
    expect(e.message).toContain("(12) is negative");
  });

  test("error cells, other text, bad cuts, mismatched ranges", () => {
    const na = kaError(() => priorityFormula(col([1, 2]), col([0.5, NA])));
    expect(na.message).toContain("likelihood, row 2");
    expect(na.message).toContain("#N/A");
    expect(kaError(() => priorityFormula(col(["big", 2]), col([0.5, 0.5]))).message).toContain("size, row 1");
    expect(kaError(() => priorityFormula(col(size), col(lik), null, 150)).message).toContain("likelihood_cut");
    expect(kaError(() => priorityFormula(col(size), col(lik), null, -0.1)).message).toContain("likelihood_cut");
    const mm = kaError(() => priorityFormula(col([1, 2, 3]), col([0.5, 0.5])));
    expect(mm.message).toContain("size has 3");
    expect(mm.message).toContain("likelihood has 2");
  });

  const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 30 });

  test("property: with explicit cuts every row gets priorityOf of its own values, whatever the order", () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 }), (rs, sc, lc) => {
        const reversed = [...rs].reverse();
        const out = priorityFormula(col(reversed.map((r) => r[0])), col(reversed.map((r) => `${r[1]}%`)), sc, lc / 100);
        return reversed.every(([s, l], i) => {
          const expected = s === 0 && l === 0 ? "" : EN[priorityOf(s, l / 100, sc, lc / 100)];
          return out[i][0] === expected;
        });
      }),
    );
  });

  test("property: percent numbers and the same fractions give the same buckets", () => {
    fc.assert(
      fc.property(rows, (rs) => {
        fc.pre(rs.some((r) => r[1] > 1));
        const s = col(rs.map((r) => r[0]));
        const asPercent = priorityFormula(s, col(rs.map((r) => r[1])));
        const asFraction = priorityFormula(s, col(rs.map((r) => r[1] / 100)));
        return JSON.stringify(asPercent) === JSON.stringify(asFraction);
      }),
    );
  });
});
