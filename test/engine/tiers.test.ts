import { tierFormula } from "../../src/engine/formulas/tier";
import { SCHEMES, tierSpecOf } from "../../src/engine/tiers";
import { col, flat, row, thrown } from "../support/excel";

const tiers = (
  values: unknown[],
  opts: { customers?: unknown[]; scheme?: string; thresholds?: unknown; labels?: unknown; locale?: string } = {},
) =>
  flat(
    tierFormula(
      col(...values),
      opts.customers ? col(...opts.customers) : undefined,
      opts.scheme,
      opts.thresholds,
      opts.labels,
      opts.locale,
    ),
  );

describe("the tier rule", () => {
  test("the customer that crosses 80% stays in A; exactly reaching 80% closes A", () => {
    // 50 | 30 | 15 | 5 of 100: exclusive shares 0, .50, .80, .95
    expect(tiers([50, 30, 15, 5])).toEqual(["A", "A", "B", "C"]);
    // 60 | 25: the second customer starts at 60% < 80% and crosses it: still A.
    expect(tiers([60, 25, 15])).toEqual(["A", "A", "B"]);
  });

  test("the top customer is always in the first tier, even when it alone exceeds every threshold", () => {
    expect(tiers([99, 0.5, 0.5])).toEqual(["A", "C", "C"]);
  });

  test("decimal intent: 0.7 + 0.1 of 1 reaches 80% exactly although the float sum is 0.7999999999999999", () => {
    expect(0.7 + 0.1 < 0.8).toBe(true);
    // desc: 0.7 (0) A, 0.1 (.7) A, 0.09 (.8, not below .8) B, 0.06 (.89) B, 0.05 (.95, not below .95) C
    expect(tiers([0.1, 0.7, 0.09, 0.06, 0.05])).toEqual(["A", "A", "B", "B", "C"]);
  });

  test("ties share a tier whatever the row order", () => {
    expect(tiers([40, 40, 10, 10])).toEqual(["A", "A", "B", "B"]);
    expect(tiers([10, 40, 10, 40])).toEqual(["B", "A", "B", "A"]);
    // a tie straddling the 80% border: both customers are in (ties are never split)
    expect(tiers([70, 10, 10, 10])).toEqual(["A", "A", "A", "A"]);
  });

  test("negative totals are Loss and stay out of the denominator; zero totals take the last tier", () => {
    expect(tiers([80, -500, 20, 0])).toEqual(["A", "Loss", "B", "C"]);
    expect(tiers([80, -500, 20, 0], { locale: "zh" })).toEqual(["A", "亏损", "B", "C"]);
  });

  test("blank rows give a blank result, in all three forms Excel uses", () => {
    expect(tiers([null, 80, "", 20, undefined])).toEqual(["", "A", "", "B", ""]);
    // A 0 from old desktop builds is a zero-value customer: last tier.
    expect(tiers([0, 80, 20])).toEqual(["C", "A", "B"]);
  });

  test("transaction lines are summed per customer; names match ignoring case and spaces", () => {
    const customers = ["Acme", " ACME ", "Beta", "acme", "Gamma", "Beta"];
    const values = [30, 30, 10, 20, 5, 5];
    // Acme 80 | Beta 15 | Gamma 5 of 100
    expect(tiers(values, { customers })).toEqual(["A", "A", "B", "A", "C", "B"]);
  });

  test("rows with a value but no customer are not a customer and get a blank", () => {
    expect(tiers([50, 1000, 50], { customers: ["A Co", "", "B Co"] })).toEqual(["A", "", "A"]);
  });

  test("all schemes, in both languages", () => {
    const v = [50, 25, 15, 6, 4];
    // exclusive shares 0, .50, .75, .90, .96
    expect(tiers(v, { scheme: "KIG" })).toEqual(["Key", "Key", "Important", "General", "General"]);
    expect(tiers(v, { scheme: "kig", locale: "zh" })).toEqual(["关键", "关键", "重要", "一般", "一般"]);
    expect(tiers(v, { scheme: "IBM" })).toEqual(["Diamond", "Gold", "Silver", "Silver", "Other"]);
    expect(tiers(v, { scheme: "IBM", locale: "zh-CN" })).toEqual(["钻石", "黄金", "白银", "白银", "其他"]);
    expect(SCHEMES.IBM.thresholds).toEqual([0.5, 0.75, 0.95]);
  });

  test("thresholds and labels override the scheme, as ranges, percents or text", () => {
    const v = [50, 25, 15, 6, 4];
    expect(tiers(v, { thresholds: row(0.7, 0.9) })).toEqual(["A", "A", "B", "C", "C"]);
    expect(tiers(v, { thresholds: "70%, 90%" })).toEqual(["A", "A", "B", "C", "C"]);
    expect(tiers(v, { thresholds: col(70, 90) })).toEqual(["A", "A", "B", "C", "C"]);
    expect(tiers(v, { thresholds: row(0.5), labels: row("Top", "Rest") })).toEqual(["Top", "Rest", "Rest", "Rest", "Rest"]);
    expect(tiers(v, { thresholds: row(0.5, 0.75, 0.9, 0.99) })).toEqual(["A", "B", "C", "D", "D"]);
  });

  test("bad scheme arguments give #VALUE! with a message", () => {
    const scheme = thrown(() => tierSpecOf("XYZ", null, null, "en"));
    expect(scheme.code).toBe("#VALUE!");
    expect(scheme.message).toContain("XYZ");
    expect(thrown(() => tierSpecOf(null, [[0.9, 0.8]], null, "en")).message).toMatch(/rise strictly/);
    expect(thrown(() => tierSpecOf(null, [[0, 0.8]], null, "en")).message).toMatch(/\(0, 1\]/);
    expect(thrown(() => tierSpecOf(null, [[1.5e3]], null, "en")).message).toMatch(/\(0, 1\]/);
    expect(thrown(() => tierSpecOf(null, null, [["A", "B"]], "en")).message).toMatch(/3 labels/);
    expect(thrown(() => tierSpecOf(null, null, [["A", "", "C"]], "en")).message).toMatch(/item 2/);
  });

  test("a row range gives a row result", () => {
    expect(tierFormula(row(80, 20, null), undefined)).toEqual([["A", "B", ""]]);
  });

  test("values and customers of different sizes: #VALUE! with both sizes", () => {
    const e = thrown(() => tierFormula(col(1, 2, 3), col("a", "b")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("3");
    expect(e.message).toContain("2");
  });

  test("text in a value cell names the row", () => {
    const e = thrown(() => tierFormula(col(1, 2, "n/a", 4)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/row 3/);
    expect(e.message).toContain("n/a");
  });

  test("an error cell names the row and the error", () => {
    const e = thrown(() => tierFormula(col(1, new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable))));
    expect(e.message).toMatch(/row 2/);
    expect(e.message).toContain("#N/A");
  });

  test("a 2-D range for values is refused with its size", () => {
    expect(
      thrown(() =>
        tierFormula([
          [1, 2],
          [3, 4],
        ]),
      ).message,
    ).toMatch(/2×2/);
  });

  test("a whole column of 1,048,576 rows, mostly blank", () => {
    const n = 1_048_576;
    const values = new Array<unknown[]>(n);
    for (let i = 0; i < n; i++) values[i] = [i < 1000 ? 1000 - i : null];
    const out = tierFormula(values);
    expect(out.length).toBe(n);
    expect(out[0][0]).toBe("A");
    expect(out[999][0]).toBe("C");
    expect(out[n - 1][0]).toBe("");
  });
});
