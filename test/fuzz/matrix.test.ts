/**
 * KA.MATRIX fuzzed through src/functions/functions.ts: contract (size rule: attractiveness'
 * shape), each row's quadrant by the definition when cuts are given (so it cannot depend on
 * other rows), and row order invariance with the default (median) cuts.
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import {
  alignedVectors,
  anyCell,
  cellOf,
  finiteNumberCell,
  localeArg,
  NumberCell,
  omitted,
  optionalScalar,
  pairRow,
  permute,
  rangeOf,
} from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, ensureSame, flat, resultOf, sizeLike } from "./contract";

const QUADRANTS = ["Strategic", "Star", "Status", "Streamline"];
const cutArg = optionalScalar(fc.constantFrom<unknown>(0, 3, 50, "50%", -1, 1e308, "x", NaN, Infinity, true));
const labelsArg = fc.oneof(
  { arbitrary: omitted, weight: 4 },
  {
    arbitrary: fc.constantFrom<unknown>([["A", "B", "C", "D"]], [["A"], ["B"], ["C"], ["D"], [null]], [["A", "B"]], [["A", "", "C", "D"]]),
    weight: 2,
  },
  { arbitrary: rangeOf(anyCell, 5), weight: 1 },
);

const isBlankPair = ([a, b]: [NumberCell | null, NumberCell | null]) =>
  a === null || b === null || Number.isNaN(a.value) || (a.value === 0 && b.value === 0);
const quadrant = (a: number, s: number, aCut: number, sCut: number) => QUADRANTS[(a >= aCut ? 0 : 2) + (s >= sCut ? 0 : 1)];

describe("KA.MATRIX fuzz", () => {
  test("contract: any input gives attractiveness' shape or a CustomFunctions.Error", () => {
    fuzz(
      fc.property(alignedVectors([cellOf(), cellOf()]), cutArg, cutArg, labelsArg, localeArg, ([a, s], aCut, sCut, labels, locale) => {
        callKA(
          () => KA.matrix(a as never, s as never, aCut, sCut, labels as never, locale),
          () => sizeLike(a),
        );
      }),
    );
  });

  test("with cuts given, each row's quadrant follows the definition and does not depend on other rows", () => {
    const row = pairRow(finiteNumberCell(), finiteNumberCell());
    fuzz(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 10 }),
        finiteNumberCell(),
        finiteNumberCell(),
        fc.boolean(),
        (rows, aCut, sCut, asRow) => {
          const shape = (xs: unknown[]) => (asRow ? [xs] : xs.map((x) => [x]));
          const a = rows.map((r) => (r[0] ? r[0].cell : null));
          const s = rows.map((r) => (r[1] ? r[1].cell : null));
          const out = flat(
            resultOf(
              callKA(
                () => KA.matrix(shape(a), shape(s), aCut.cell, sCut.cell),
                () => (asRow ? [1, rows.length] : [rows.length, 1]),
              ),
            ),
          );
          rows.forEach((r, i) => {
            const expected = isBlankPair(r) ? "" : quadrant(r[0]!.value, r[1]!.value, aCut.value, sCut.value);
            ensure(out[i] === expected, () => `row ${i}: ${out[i]}, expected ${expected}`);
            const alone = flat(resultOf(callKA(() => KA.matrix([[a[i]]], [[s[i]]], aCut.cell, sCut.cell))));
            ensure(alone[0] === out[i], () => `row ${i} alone: ${alone[0]}, with the others: ${out[i]}`);
          });
        },
      ),
    );
  });

  test("with the default (median) cuts, reordering rows reorders the quadrants", () => {
    const row = pairRow(finiteNumberCell(), finiteNumberCell());
    fuzz(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), fc.array(fc.integer(), { maxLength: 10 }), (rows, keys) => {
        const call = (rs: typeof rows) =>
          flat(
            resultOf(
              callKA(() =>
                KA.matrix(
                  rs.map((r) => [r[0] ? r[0].cell : null]),
                  rs.map((r) => [r[1] ? r[1].cell : null]),
                ),
              ),
            ),
          );
        const indexed = rows.map((r, i) => ({ r, i }));
        const shuffled = permute(indexed, keys);
        const before = call(rows);
        const after = call(shuffled.map((x) => x.r));
        ensureSame(
          shuffled.map((x) => before[x.i]),
          after,
          "quadrants after reordering",
        );
        // At least half the placed rows are high on each axis (a value equal to the median counts as high).
        const placed = before.filter((q) => q !== "");
        if (placed.length > 0) {
          ensure(2 * placed.filter((q) => q === "Strategic" || q === "Star").length >= placed.length, () => `attractiveness: ${placed}`);
          ensure(2 * placed.filter((q) => q === "Strategic" || q === "Status").length >= placed.length, () => `strength: ${placed}`);
        }
      }),
    );
  });
});
