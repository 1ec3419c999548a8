import fc from "fast-check";
import { messageIn } from "../../src/engine/errors";
import { matrixFormula } from "../../src/engine/formulas/matrix";
import { classifyPortfolio, NO_QUADRANT, Quadrant, QUADRANTS, quadrantOf } from "../../src/engine/matrix";
import { median, medianWhereBoth } from "../../src/engine/stats";
import { kaError, NA, columnOf as col, rowOf as row } from "../support/excel";

describe("median", () => {
  test("odd count: the middle value; even count: the mean of the two middle values", () => {
    expect(median(Float64Array.from([3, 1, 2]))).toBe(2);
    expect(median(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(median(Float64Array.from([7]))).toBe(7);
  });

  test("skips NaN (blank), NaN when empty, leaves the input untouched", () => {
    const xs = Float64Array.from([5, NaN, 1, NaN, 3]);
    expect(median(xs)).toBe(3);
    expect(Array.from(xs)).toEqual([5, NaN, 1, NaN, 3]);
    expect(median(new Float64Array(0))).toBeNaN();
    expect(median(Float64Array.from([NaN]))).toBeNaN();
  });

  test("does not overflow on huge values, sorts negatives numerically", () => {
    expect(median(Float64Array.from([1.7e308, 1.7e308]))).toBe(1.7e308);
    expect(median(Float64Array.from([-10, 2, -3, 100]))).toBe(-0.5);
  });

  test("medianWhereBoth only counts rows holding both values", () => {
    expect(medianWhereBoth(Float64Array.from([1, 100, 3, 5]), Float64Array.from([1, NaN, 1, 1]))).toBe(3);
  });

  test("property: at least half the values are >= the median and at least half are <= it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }),
        (xs) => {
          const m = median(Float64Array.from(xs));
          const ge = xs.filter((x) => x >= m).length;
          const le = xs.filter((x) => x <= m).length;
          return 2 * ge >= xs.length && 2 * le >= xs.length;
        },
      ),
    );
  });
});

describe("quadrantOf", () => {
  test("the four quadrants, a value equal to its cut counts as high", () => {
    expect(quadrantOf(9, 9, 5, 5)).toBe(Quadrant.Strategic);
    expect(quadrantOf(9, 1, 5, 5)).toBe(Quadrant.Star);
    expect(quadrantOf(1, 9, 5, 5)).toBe(Quadrant.Status);
    expect(quadrantOf(1, 1, 5, 5)).toBe(Quadrant.Streamline);
    expect(quadrantOf(5, 5, 5, 5)).toBe(Quadrant.Strategic);
    expect(quadrantOf(5, 4.999, 5, 5)).toBe(Quadrant.Star);
    expect(QUADRANTS).toEqual(["Strategic", "Star", "Status", "Streamline"]);
  });

  test("classifyPortfolio marks blank rows and reports the cuts it used", () => {
    const r = classifyPortfolio(Float64Array.from([1, NaN, 3]), Float64Array.from([10, NaN, 30]));
    expect(r.attractivenessCut).toBe(2);
    expect(r.strengthCut).toBe(20);
    expect(Array.from(r.quadrants)).toEqual([Quadrant.Streamline, NO_QUADRANT, Quadrant.Strategic]);
  });
});

describe("KA.MATRIX", () => {
  // Medians: attractiveness 1,3,8,10 -> 5.5; strength 1,2,7,9 -> 4.5.
  const attr = [10, 8, 3, 1];
  const str = [9, 2, 7, 1];

  test("column input: default cuts are the medians, one quadrant per row", () => {
    expect(matrixFormula(col(attr), col(str))).toEqual(col(["Strategic", "Star", "Status", "Streamline"]));
  });

  test("row input gives a row", () => {
    expect(matrixFormula(row(attr), row(str))).toEqual(row(["Strategic", "Star", "Status", "Streamline"]));
  });

  test("a value equal to the median counts as high", () => {
    // medians 2 and 2: the middle row sits on both cuts.
    expect(matrixFormula(col([1, 2, 3]), col([1, 2, 3]))).toEqual(col(["Streamline", "Strategic", "Strategic"]));
  });

  test("explicit cuts, also as 1x1 ranges and numeric text", () => {
    // Cuts 8 / 8: (10,9) S+S, (8,2) high A low S, (3,7) low/low, (1,1) low/low.
    expect(matrixFormula(col(attr), col(str), 8, [[8]])).toEqual(col(["Strategic", "Star", "Streamline", "Streamline"]));
    expect(matrixFormula(col(attr), col(str), "8", "8")).toEqual(col(["Strategic", "Star", "Streamline", "Streamline"]));
  });

  test('blank rows in every form give "" and are left out of the medians', () => {
    // Rows 2 (null), 4 ("") and 6 (0 and 0, old desktop builds) are blank.
    // Remaining attractiveness 10,3,1 -> median 3; strength 9,7,1 -> median 7.
    const out = matrixFormula(col([10, null, 3, "", 1, 0]), col([9, null, 7, "  ", 1, 0]));
    expect(out).toEqual(col(["Strategic", "", "Strategic", "", "Streamline", ""]));
  });

  test("rows of two zeros do not drag the median down", () => {
    // Without the zero rows the medians are 2.5 and (2,2) is Streamline; counting the
    // zeros would move both medians to 1.5 and make it Strategic.
    const a = [1, 2, 3, 4, 0, 0];
    expect(matrixFormula(col(a), col(a))[1]).toEqual(["Streamline"]);
  });

  test("a single 0 is a value, not a blank", () => {
    // Medians: attractiveness 0,5 -> 2.5; strength 5,0 -> 2.5.
    expect(matrixFormula(col([0, 5]), col([5, 0]))).toEqual(col(["Status", "Star"]));
  });

  test("numbers stored as text, including full-width digits and accounting negatives", () => {
    // 1234, 1234, -12, 3 against cut 100; strength 3,1,3,1 against cut 2.
    const out = matrixFormula(col(["1,234", "¥1,234", "(12)", "３"]), col([3, 1, 3, 1]), 100, 2);
    expect(out).toEqual(col(["Strategic", "Star", "Status", "Streamline"]));
  });

  test("negative scores work with the median cut (z-scores)", () => {
    // medians: attractiveness -2,-1,1,2 -> 0; strength -2,2,-2,2 -> 0.
    const out = matrixFormula(col([-2, -1, 1, 2]), col([-2, 2, -2, 2]));
    expect(out).toEqual(col(["Streamline", "Status", "Star", "Strategic"]));
  });

  test("zh locale labels and custom labels", () => {
    expect(matrixFormula(col(attr), col(str), null, null, null, "zh")).toEqual(col(["战略型", "明星型", "维持型", "精简型"]));
    const labels = [["Grow"], ["Build"], ["Keep"], ["Trim"], [""]]; // trailing blank: selection artefact
    expect(matrixFormula(col(attr), col(str), undefined, undefined, labels)).toEqual(col(["Grow", "Build", "Keep", "Trim"]));
    // labels win over locale.
    expect(matrixFormula(row(attr), row(str), null, null, [["A", "B", "C", "D"]], "zh")).toEqual(row(["A", "B", "C", "D"]));
  });

  test("a row with only one value names the missing argument and the row", () => {
    const e = kaError(() => matrixFormula(col([1, 2, 3]), col([1, "", 3])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("strength, row 2");
    expect(e.message).toContain("attractiveness");
    expect(messageIn(e, "zh")).toContain("第 2 行");
    const r = kaError(() => matrixFormula(row([1, null]), row([1, 5])));
    expect(r.message).toContain("attractiveness, column 2");
  });

  test("error cells and other text are #VALUE! naming the row", () => {
    const e = kaError(() => matrixFormula(col([1, NA, 3]), col([1, 2, 3])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("row 2");
    expect(e.message).toContain("#N/A");
    const t = kaError(() => matrixFormula(col([1, 2, 3]), col([1, 2, "high"])));
    expect(t.message).toContain("strength, row 3");
    expect(t.message).toContain("high");
  });

  test("mismatched ranges report both sizes", () => {
    const e = kaError(() => matrixFormula(col([1, 2, 3]), col([1, 2])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("attractiveness has 3");
    expect(e.message).toContain("strength has 2");
  });

  test("bad labels, cuts and locale are #VALUE! with a message", () => {
    expect(kaError(() => matrixFormula(col(attr), col(str), null, null, [["A", "B", "C"]])).message).toContain("holds 3");
    expect(kaError(() => matrixFormula(col(attr), col(str), null, null, [["A", "", "C", "D"]])).message).toContain("item 2");
    expect(kaError(() => matrixFormula(col(attr), col(str), "high")).message).toContain("attractiveness_cut");
    expect(kaError(() => matrixFormula(col(attr), col(str), null, null, null, "fr")).message).toContain("fr");
    expect(
      kaError(() =>
        matrixFormula(
          [
            [1, 2],
            [3, 4],
          ],
          col([1, 2]),
        ),
      ).message,
    ).toContain("2×2");
  });

  test("an all-blank input gives only blanks", () => {
    expect(matrixFormula(col([null, ""]), col([null, ""]))).toEqual(col(["", ""]));
  });

  const pairs = fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 1, maxLength: 40 });

  test("property: with given cuts each row's quadrant is quadrantOf of that row, whatever the row order", () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer(), (ps, ac, sc, seed) => {
        // a deterministic shuffle driven by the seed
        const order = ps.map((_, i) => i).sort((i, j) => ((i * 7919 + seed) % 101) - ((j * 7919 + seed) % 101) || i - j);
        const shuffled = order.map((i) => ps[i]);
        const out = matrixFormula(col(shuffled.map((p) => p[0])), col(shuffled.map((p) => p[1])), ac, sc);
        return order.every((orig, k) => {
          const [a, s] = ps[orig];
          const expected = a === 0 && s === 0 ? "" : QUADRANTS[quadrantOf(a, s, ac, sc)];
          return out[k][0] === expected;
        });
      }),
    );
  });

  test("property: with default cuts, reversing the rows reverses the result", () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const a = ps.map((p) => p[0]);
        const s = ps.map((p) => p[1]);
        const fwd = matrixFormula(col(a), col(s)).map((r) => r[0]);
        const back = matrixFormula(col([...a].reverse()), col([...s].reverse())).map((r) => r[0]);
        return JSON.stringify(fwd) === JSON.stringify(back.reverse());
      }),
    );
  });
});
