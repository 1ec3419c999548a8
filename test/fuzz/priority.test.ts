/**
 * KA.PRIORITY fuzzed through src/functions/functions.ts: contract (size rule: size's shape),
 * and with cuts given each row's bucket follows the definition and does not depend on other
 * rows (likelihoods as fractions or "x%" text, so the column percent rule is not triggered).
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import { alignedVectors, cellOf, finiteNumberCell, localeArg, NumberCell, optionalScalar, pairRow } from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, flat, resultOf, sizeLike } from "./contract";

const BUCKETS = ["Act now", "Go after", "Wait for the moment", "Shelve"];
const cutArg = optionalScalar(fc.constantFrom<unknown>(0, 0.5, 50, "60%", 1000, -1, 101, "x", NaN, Infinity, 1e308));

/** A likelihood in 0–1 written as a fraction (number or text) or as "x%" text. */
const likelihoodCell: fc.Arbitrary<NumberCell> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((x) => ({ cell: x, value: x === 0 ? 0 : x })),
  fc.constantFrom(0, 0.5, 1, 5e-324).map((x) => ({ cell: x, value: x })),
  fc.integer({ min: 0, max: 100 }).map((p) => ({ cell: `${p}%` as unknown, value: p / 100 })),
  fc.integer({ min: 0, max: 100 }).map((p) => ({ cell: `${p / 100}` as unknown, value: p / 100 })),
);

describe("KA.PRIORITY fuzz", () => {
  test("contract: any input gives size's shape or a CustomFunctions.Error", () => {
    fuzz(
      fc.property(alignedVectors([cellOf(), cellOf()]), cutArg, cutArg, localeArg, ([size, likelihood], sizeCut, likelihoodCut, locale) => {
        callKA(
          () => KA.priority(size as never, likelihood as never, sizeCut, likelihoodCut, locale),
          () => sizeLike(size),
        );
      }),
    );
  });

  test("with cuts given, each row's bucket follows the definition and does not depend on other rows", () => {
    const row = pairRow(finiteNumberCell(0), likelihoodCell);
    fuzz(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 10 }),
        finiteNumberCell(0),
        fc.oneof(likelihoodCell, fc.constant(null)),
        fc.boolean(),
        (rows, sizeCut, lCut, asRow) => {
          const shape = (xs: unknown[]) => (asRow ? [xs] : xs.map((x) => [x]));
          const s = rows.map((r) => (r[0] ? r[0].cell : null));
          const l = rows.map((r) => (r[1] ? r[1].cell : null));
          const likelihoodCut = lCut === null ? undefined : lCut.cell;
          const lCutValue = lCut === null ? 0.5 : lCut.value;
          const out = flat(
            resultOf(
              callKA(
                () => KA.priority(shape(s), shape(l), sizeCut.cell, likelihoodCut),
                () => (asRow ? [1, rows.length] : [rows.length, 1]),
              ),
            ),
          );
          rows.forEach(([a, b], i) => {
            const blank = a === null || b === null || Number.isNaN(a.value) || (a.value === 0 && b.value === 0);
            const expected = blank ? "" : BUCKETS[(b.value >= lCutValue ? 0 : 2) + (a.value >= sizeCut.value ? 0 : 1)];
            ensure(out[i] === expected, () => `row ${i}: ${out[i]}, expected ${expected}`);
            const alone = flat(resultOf(callKA(() => KA.priority([[s[i]]], [[l[i]]], sizeCut.cell, likelihoodCut))));
            ensure(alone[0] === out[i], () => `row ${i} alone: ${alone[0]}, with the others: ${out[i]}`);
          });
        },
      ),
    );
  });
});
