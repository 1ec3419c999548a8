import fc from "fast-check";
import { CHURN_SOURCE, churnProbability, DEFAULT_CHURN_LEVELS, DEFAULT_CHURN_TABLE, levelKey } from "../../src/engine/churn";
import { messageIn } from "../../src/engine/errors";
import { churnFormula } from "../../src/engine/formulas/churn";
import { interpolate } from "../../src/engine/stats";
import { kaError, NA, columnOf as col, rowOf as row, flat } from "../support/excel";

describe("churn domain", () => {
  test("the default table is seed 001's rule of thumb, labelled as such", () => {
    expect(DEFAULT_CHURN_LEVELS.map((d) => [d.level, d.probability])).toEqual([
      [1, 0.8],
      [2, 0.4],
      [3, 0.2],
      [4, 0.1],
      [5, 0.015],
    ]);
    expect(CHURN_SOURCE).toMatch(/seed 001/);
    expect(CHURN_SOURCE).toMatch(/rule of thumb/);
    expect(DEFAULT_CHURN_TABLE.source).toBe(CHURN_SOURCE);
  });

  test("churnProbability: numbers interpolate, names look up, NaN outside", () => {
    expect(churnProbability(3)).toBe(0.2);
    expect(churnProbability(1.5)).toBeCloseTo(0.6, 12);
    expect(churnProbability("Satisfied")).toBe(0.1);
    expect(churnProbability("高度满意")).toBe(0.015);
    expect(churnProbability(5.01)).toBeNaN();
    expect(churnProbability("happy")).toBeNaN();
  });

  test("levelKey folds case, width and whitespace", () => {
    expect(levelKey("  Very\u3000DISSATISFIED ")).toBe("verydissatisfied");
    expect(levelKey("ＮＥＵＴＲＡＬ")).toBe("neutral");
  });

  test("interpolate is exact at the points and NaN outside", () => {
    const xs = Float64Array.from([0, 10]);
    const ys = Float64Array.from([1, 0]);
    expect(interpolate(xs, ys, 0)).toBe(1);
    expect(interpolate(xs, ys, 10)).toBe(0);
    expect(interpolate(xs, ys, 2.5)).toBe(0.75);
    expect(interpolate(xs, ys, -1)).toBeNaN();
    expect(interpolate(xs, ys, NaN)).toBeNaN();
  });
});

describe("KA.CHURN", () => {
  test("levels 1–5 give the default probabilities, column in, column out", () => {
    expect(churnFormula(col([1, 2, 3, 4, 5]))).toEqual(col([0.8, 0.4, 0.2, 0.1, 0.015]));
  });

  test("row in, row out", () => {
    expect(churnFormula(row([5, 1]))).toEqual(row([0.015, 0.8]));
  });

  test("an averaged survey score interpolates between neighbouring levels", () => {
    const out = flat(churnFormula(col([3.6, 1.5, 4.5]))) as number[];
    expect(out[0]).toBeCloseTo(0.14, 12); // 0.2 + 0.6 × (0.1 − 0.2)
    expect(out[1]).toBeCloseTo(0.6, 12); // halfway between 0.8 and 0.4
    expect(out[2]).toBeCloseTo(0.0575, 12); // halfway between 0.1 and 0.015
  });

  test("level names in English and Chinese, case- and space-insensitive, with synonyms", () => {
    const names = [
      "Very Dissatisfied",
      " dissatisfied",
      "NEUTRAL",
      "fairly   satisfied",
      "Satisfied",
      "highly satisfied",
      "very satisfied",
    ];
    expect(flat(churnFormula(col(names)))).toEqual([0.8, 0.4, 0.2, 0.1, 0.1, 0.015, 0.015]);
    const zh = ["极不满意", "不满意", "一般", "中立", "比较满意", "满意", "高度满意", "非常满意"];
    expect(flat(churnFormula(col(zh)))).toEqual([0.8, 0.4, 0.2, 0.2, 0.1, 0.1, 0.015, 0.015]);
  });

  test("numbers stored as text, full-width digits included", () => {
    expect(flat(churnFormula(col(["4", "３", " 2 "])))).toEqual([0.1, 0.2, 0.4]);
  });

  test('blanks in every form give "" (0 is not a level of the default table)', () => {
    expect(flat(churnFormula(col([null, "", "  ", 0, 2])))).toEqual(["", "", "", "", 0.4]);
  });

  test("outside 1–5 is #VALUE! naming the row and the range", () => {
    for (const bad of [6, 0.5, -1, "5.5"]) {
      const e = kaError(() => churnFormula(col([3, bad])));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("satisfaction, row 2");
      expect(e.message).toContain("outside 1–5");
    }
    expect(kaError(() => churnFormula(row([3, 3, 7]))).message).toContain("column 3");
  });

  test("unknown text and error cells are #VALUE! naming the row", () => {
    const e = kaError(() => churnFormula(col(["neutral", "happy"])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("row 2");
    expect(e.message).toContain("happy");
    expect(e.message).toContain("very dissatisfied");
    expect(messageIn(e, "zh")).toContain("极不满意");
    const na = kaError(() => churnFormula(col([NA])));
    expect(na.message).toContain("#N/A");
    expect(na.message).toContain("row 1");
    expect(kaError(() => churnFormula(col([true]))).message).toMatch(/row 1: "true" is not a satisfaction level/);
  });

  describe("table argument", () => {
    test("numeric levels on another scale; 0 is then a level, not a blank", () => {
      const nps = [
        [0, 0.5],
        [10, 0.05],
      ];
      const out = flat(churnFormula(col([0, 5, 10, null]), nps));
      expect(out[0]).toBe(0.5);
      expect(out[1]).toBeCloseTo(0.275, 12);
      expect(out[2]).toBe(0.05);
      expect(out[3]).toBe("");
      expect(kaError(() => churnFormula(col([11]), nps)).message).toContain("outside 0–10");
    });

    test("levels in any order are sorted before interpolating", () => {
      expect(
        churnFormula(col([3]), [
          [5, 0.1],
          [1, 0.9],
        ])[0][0],
      ).toBeCloseTo(0.5, 12);
    });

    test("percent numbers: one above 1 makes the column percent, so 1 means 1%", () => {
      const pct = [
        [1, 80],
        [2, 40],
        [3, 20],
        [4, 10],
        [5, 1],
      ];
      expect(flat(churnFormula(col([1, 5]), pct))).toEqual([0.8, 0.01]);
      const text = [
        [1, "80%"],
        [5, "1.5%"],
      ];
      expect(flat(churnFormula(col([1, 5]), text))).toEqual([0.8, 0.015]);
    });

    test("text levels match after trim and case fold; the table replaces the default names", () => {
      const t = [
        ["Low", 0.3],
        [" high ", "5%"],
      ];
      expect(flat(churnFormula(col(["low", "HIGH", 0, ""]), t))).toEqual([0.3, 0.05, "", ""]);
      expect(kaError(() => churnFormula(col(["neutral"]), t)).message).toContain("not a level of the table");
      expect(kaError(() => churnFormula(col([3]), t)).message).toContain("not a level of the table");
    });

    test("a 2×2 table is read as two (level, probability) rows", () => {
      expect(
        churnFormula(col([2]), [
          [1, 0.9],
          [3, 0.5],
        ])[0][0],
      ).toBeCloseTo(0.7, 12);
    });

    test("2×3 table by columns, blank rows skipped, all-blank means default", () => {
      expect(
        churnFormula(col([2]), [
          [1, 3, 5],
          [0.9, 0.5, 0.1],
        ])[0][0],
      ).toBeCloseTo(0.7, 12);
      expect(
        churnFormula(col([2]), [
          [1, 0.9],
          [null, null],
          [3, 0.5],
        ])[0][0],
      ).toBeCloseTo(0.7, 12);
      expect(
        churnFormula(col([2]), [
          [null, ""],
          ["", null],
        ]),
      ).toEqual(col([0.4]));
      expect(churnFormula(col([2]), [[null]])).toEqual(col([0.4]));
    });

    test("table errors are #VALUE! with a message", () => {
      const shape = kaError(() =>
        churnFormula(col([1]), [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
      );
      expect(shape.code).toBe("#VALUE!");
      expect(shape.message).toContain("3×3");
      expect(
        kaError(() =>
          churnFormula(col([1]), [
            [1, 0.8],
            [2, 120],
          ]),
        ).message,
      ).toMatch(/row 2.*120/);
      expect(
        kaError(() =>
          churnFormula(col([1]), [
            [1, 0.8],
            [2, -0.1],
          ]),
        ).message,
      ).toMatch(/row 2.*-0\.1/);
      expect(
        kaError(() =>
          churnFormula(col([1]), [
            [1, 0.8],
            [2, "much"],
          ]),
        ).message,
      ).toMatch(/row 2.*much/);
      expect(kaError(() => churnFormula(col([1]), [[1, "150%"]])).message).toContain("150%");
      expect(
        kaError(() =>
          churnFormula(col([1]), [
            [1, 0.8],
            ["1", 0.5],
          ]),
        ).message,
      ).toMatch(/row 2.*twice/);
      expect(
        kaError(() =>
          churnFormula(col([1]), [
            ["Low", 0.8],
            ["LOW ", 0.5],
          ]),
        ).message,
      ).toMatch(/row 2.*twice/);
      expect(
        kaError(() =>
          churnFormula(col([1]), [
            [1, 0.8],
            [2, null],
          ]),
        ).message,
      ).toContain("table, row 2");
      expect(
        kaError(() =>
          churnFormula(col([1]), [
            [1, 0.8],
            [NA, 0.3],
          ]),
        ).message,
      ).toMatch(/table, row 2.*#N\/A/);
    });
  });

  test("mismatch does not apply (one argument), but a 2-D satisfaction range is rejected with its size", () => {
    expect(
      kaError(() =>
        churnFormula([
          [1, 2],
          [3, 4],
        ]),
      ).message,
    ).toContain("2×2");
  });

  test("property: with the default table the probability falls as satisfaction rises and stays within the table", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const out = flat(churnFormula(col([lo, hi]))) as number[];
        return out[0] >= out[1] && out[1] >= 0.015 && out[0] <= 0.8;
      }),
    );
  });

  test("property: a level's name and its number give the same probability", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEFAULT_CHURN_LEVELS), fc.boolean(), (d, zh) => {
        const names = zh ? d.zh : d.en;
        const out = flat(churnFormula(col([d.level, ...names.map((n) => n.toUpperCase())])));
        return out.every((p) => p === d.probability);
      }),
    );
  });
});
