/**
 * The custom-function wrappers as Excel calls them: engine failures must reach Excel as
 * CustomFunctions.Error with the right code and a message, never as another exception.
 */
import * as KA from "../../src/functions/functions";
import { col, flat, row } from "../support/excel";

function excelError(fn: () => unknown): CustomFunctions.Error {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    return e as CustomFunctions.Error;
  }
  throw new Error("expected a CustomFunctions.Error");
}

describe("KA.* wrappers", () => {
  test("TIER spills one label per row", () => {
    expect(flat(KA.tier(col(50, 30, 15, 5)))).toEqual(["A", "A", "B", "C"]);
  });

  test("bad input becomes #VALUE! with a message naming the row", () => {
    const e = excelError(() => KA.tier(col(1, "twelve", 3)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('values, row 2: "twelve" is not a number.');
  });

  test("the message follows the locale argument", () => {
    const e = excelError(() => KA.tier(col(1, "twelve"), undefined, undefined, undefined, undefined, "zh"));
    expect(e.message).toBe("values，第 2 行：“twelve”不是数字。");
    const m = excelError(() => KA.pareto(col("a"), col(1, 2), undefined, undefined, undefined, "zh"));
    expect(m.message).toContain("大小必须一致");
  });

  test("an invalid locale is itself reported (in English)", () => {
    const e = excelError(() => KA.tier(col(1), undefined, undefined, undefined, undefined, "fr"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('"fr"');
  });

  test("PARETO and CONCENTRATION accept a row of customers and a row of values", () => {
    expect(KA.pareto(row("x", "y"), row(1, 3))[1]).toEqual([1, "y", 3, 0.75, 0.75, "A"]);
    expect(KA.concentration(row(1, 3))[1][1]).toBe(2);
  });

  test("an unexpected exception inside the engine still reaches Excel as #VALUE! with a message", () => {
    const hostile = [
      [
        {
          valueOf() {
            throw new Error("boom");
          },
          toString() {
            throw new Error("boom");
          },
        },
      ],
    ];
    const e = excelError(() => KA.tier(hostile));
    expect(e.code).toBe("#VALUE!");
    expect(typeof e.message).toBe("string");
  });
});
