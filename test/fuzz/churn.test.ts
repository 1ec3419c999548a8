/**
 * KA.CHURN fuzzed through src/functions/functions.ts: contract (size rule: satisfaction's
 * shape), probabilities within [0, 1], non-increasing in satisfaction with the default table,
 * level names equal to their numbers, custom tables interpolated between their neighbours.
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import { anyCell, cellOf, numericTextIn, omitted, rangeOf } from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, flat, resultOf, sizeLike } from "./contract";

const LEVEL_NAMES: readonly [string, number][] = [
  ["very dissatisfied", 1],
  ["Dissatisfied", 2],
  [" neutral ", 3],
  ["SATISFIED", 4],
  ["fairly satisfied", 4],
  ["highly satisfied", 5],
  ["very satisfied", 5],
  ["极不满意", 1],
  ["不满意", 2],
  ["一般", 3],
  ["中立", 3],
  ["比较满意", 4],
  ["满意", 4],
  ["高度满意", 5],
  ["非常满意", 5],
  ["ｎｅｕｔｒａｌ", 3],
];

const satisfactionCell = cellOf({ numbers: 6, text: 2 });
const levelCell = fc.oneof(
  { arbitrary: fc.constantFrom(...LEVEL_NAMES.map(([n]) => n)), weight: 2 },
  { arbitrary: fc.double({ min: 1, max: 5, noNaN: true }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 2 },
  { arbitrary: satisfactionCell, weight: 3 },
);

const tableArg = fc.oneof(
  { arbitrary: omitted, weight: 3 },
  {
    arbitrary: fc.constantFrom<unknown>(
      [
        [1, 0.5],
        [10, 0.1],
      ],
      [
        [0, "80%"],
        [10, "5%"],
      ],
      [
        [1, 80],
        [5, 2],
      ],
      [
        ["low", 0.6],
        ["high", 0.1],
      ],
      [
        [1, 2],
        [0.5, 0.1],
      ],
      [
        [1, 0.5],
        [1, 0.4],
      ],
      [
        [1, null],
        [2, 0.1],
      ],
      [[1, 2, 3]],
      [
        [null, null],
        [null, null],
      ],
      [
        [-1e308, 0.5],
        [1e308, 0.1],
      ],
      [[1, 1.5]],
    ),
    weight: 2,
  },
  {
    arbitrary: fc.array(
      fc.tuple(anyCell, anyCell).map(([a, b]) => [a, b]),
      { minLength: 1, maxLength: 5 },
    ),
    weight: 2,
  },
  { arbitrary: rangeOf(anyCell, 4), weight: 1 },
);

/** A custom table: distinct numeric levels (any order) with probabilities as fractions, percent numbers or "x%" text. */
const customTable = fc
  .record({
    levels: fc.uniqueArray(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
      minLength: 1,
      maxLength: 6,
      comparator: (a, b) => a === b || (a === 0 && b === 0),
    }),
    form: fc.constantFrom("fraction", "percentNumber", "percentText"),
    probs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ levels, form, probs }) => {
    // Percent numbers need one above 1 for the column to read as percent: force the first.
    const p = levels.map((_, i) => (form === "percentNumber" && i === 0 ? Math.max(2, probs[i]) : probs[i]));
    const cell = (x: number) => (form === "fraction" ? x / 100 : form === "percentNumber" ? x : `${x}%`);
    return {
      rows: levels.map((l, i) => [l, cell(p[i])]),
      points: levels.map((l, i) => ({ level: l, p: p[i] / 100 })).sort((a, b) => a.level - b.level),
    };
  });

describe("KA.CHURN fuzz", () => {
  test('contract: any input gives satisfaction\'s shape (probabilities in [0, 1] or "") or a CustomFunctions.Error', () => {
    fuzz(
      fc.property(rangeOf(levelCell), tableArg, (satisfaction, table) => {
        const o = callKA(
          () => KA.churn(satisfaction as never, table as never),
          () => sizeLike(satisfaction),
        );
        if (o.kind === "result")
          for (const r of o.value)
            for (const p of r) ensure(p === "" || ((p as number) >= 0 && (p as number) <= 1), () => `probability ${p}`);
      }),
    );
  });

  test("default table: non-increasing in satisfaction, names equal their levels, text equals numbers", () => {
    const sat = fc.oneof(
      fc.double({ min: 1, max: 5, noNaN: true }).map((x) => ({ cell: x, value: x })),
      fc.integer({ min: 1, max: 5 }).map((x) => ({ cell: x, value: x })),
      fc.constantFrom(...LEVEL_NAMES).map(([n, v]) => ({ cell: n, value: v })),
      numericTextIn(1, 5),
    );
    fuzz(
      fc.property(fc.array(sat, { minLength: 1, maxLength: 10 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a.value - b.value);
        const out = flat(
          resultOf(
            callKA(
              () => KA.churn(sorted.map((x) => [x.cell])),
              () => [sorted.length, 1],
            ),
          ),
        ) as number[];
        const asNumbers = flat(resultOf(callKA(() => KA.churn([sorted.map((x) => x.value)])))) as number[];
        out.forEach((p, i) => {
          ensure(p >= 0.015 && p <= 0.8, () => `${JSON.stringify(sorted[i].cell)} → ${p}`);
          ensure(p === asNumbers[i], () => `${JSON.stringify(sorted[i].cell)} → ${p}, as the number ${sorted[i].value} → ${asNumbers[i]}`);
          if (i > 0) ensure(p <= out[i - 1], () => `${sorted[i].value} → ${p} is above ${sorted[i - 1].value} → ${out[i - 1]}`);
        });
      }),
    );
  });

  test("custom table: exact at its levels, between the neighbours' probabilities in between, #VALUE! outside", () => {
    fuzz(
      fc.property(
        customTable,
        fc.array(fc.double({ min: -2e6, max: 2e6, noNaN: true }), { minLength: 1, maxLength: 6 }),
        ({ rows, points }, xs) => {
          const lo = points[0].level;
          const hi = points[points.length - 1].level;
          const probe = [...points.map((p) => p.level), ...xs.filter((x) => x >= lo && x <= hi)];
          const out = flat(
            resultOf(
              callKA(() =>
                KA.churn(
                  probe.map((x) => [x]),
                  rows,
                ),
              ),
            ),
          ) as number[];
          probe.forEach((x, i) => {
            const k = points.findIndex((p) => p.level >= x);
            const at = points[k];
            if (at.level === x) ensure(Math.abs(out[i] - at.p) <= 1e-15, () => `level ${x}: ${out[i]}, table says ${at.p}`);
            else {
              const [a, b] = [points[k - 1].p, at.p];
              ensure(out[i] >= Math.min(a, b) - 1e-15 && out[i] <= Math.max(a, b) + 1e-15, () => `${x}: ${out[i]} outside [${a}, ${b}]`);
            }
          });
          const outside = xs.find((x) => x < lo || x > hi);
          if (outside !== undefined && outside !== 0) {
            const o = callKA(() => KA.churn([[outside]], rows));
            ensure(o.kind === "error" && o.code === "#VALUE!", () => `${outside} outside [${lo}, ${hi}] gave ${JSON.stringify(o)}`);
          }
        },
      ),
    );
  });
});
