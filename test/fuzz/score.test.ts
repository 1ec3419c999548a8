/**
 * KA.SCORE fuzzed through src/functions/functions.ts: contract (size rule: one score per
 * criteria row, always N×1), scores within [0, 100], "" exactly for fully blank rows, and
 * metamorphic checks: flipping every direction gives 100 − score, scaling the weights or
 * reordering the rows changes nothing.
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import { anyCell, blank, cellOf, finiteNumberCell, NumberCell, omitted, permute, rangeOf } from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, Outcome, rowCount } from "./contract";

/** criteria N×M (ragged and bare values too), weights and directions mostly of length M. */
const hostileArgs = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .chain(([n, m]) =>
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.array(fc.array(cellOf(), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }), weight: 6 },
        { arbitrary: rangeOf(cellOf()), weight: 1 },
      ),
      fc.oneof(
        { arbitrary: fc.array(cellOf({ numbers: 10, blank: 1 }), { minLength: m, maxLength: m }).map((w) => [w]), weight: 4 },
        { arbitrary: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }).map((w) => w.map((x) => [x])), weight: 2 },
        { arbitrary: rangeOf(anyCell, 5), weight: 1 },
      ),
      fc.oneof(
        { arbitrary: omitted, weight: 3 },
        { arbitrary: fc.array(fc.constantFrom<unknown>(1, -1, "1", "-1", -1), { minLength: m, maxLength: m }).map((d) => [d]), weight: 3 },
        { arbitrary: rangeOf(anyCell, 5), weight: 1 },
      ),
    ),
  );

/** Criteria of finite numbers (extremes included) and blanks; weights ≥ 0 with one > 0. */
const cleanArgs = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 })).chain(([n, m]) =>
  fc.record({
    criteria: fc.array(
      fc.array(
        fc.oneof(
          { arbitrary: finiteNumberCell(), weight: 6 },
          { arbitrary: blank.map((b): NumberCell => ({ cell: b === 0 ? null : b, value: NaN })), weight: 1 },
        ),
        {
          minLength: m,
          maxLength: m,
        },
      ),
      { minLength: n, maxLength: n },
    ),
    weights: fc
      .array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(5e-324, 1e308)), {
        minLength: m,
        maxLength: m,
      })
      .filter((w) => w.some((x) => x > 0)),
    directions: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: m, maxLength: m }),
  }),
);

function scores(o: Outcome): (number | "")[] | null {
  if (o.kind === "error") {
    // The only error clean input may give: a row with values only on criteria of weight 0.
    ensure(o.code === "#VALUE!" && (o.message ?? "").includes("weight 0"), () => `${o.code} ${o.message}`);
    return null;
  }
  return o.value.map((r) => r[0] as number | "");
}

describe("KA.SCORE fuzz", () => {
  test("contract: any input gives one score per criteria row (N×1) or a CustomFunctions.Error", () => {
    fuzz(
      fc.property(hostileArgs, ([criteria, weights, directions]) => {
        const o = callKA(
          () => KA.score(criteria as never, weights as never, directions as never),
          () => [rowCount(criteria), 1],
        );
        if (o.kind === "result")
          for (const [s] of o.value) ensure(s === "" || ((s as number) >= 0 && (s as number) <= 100), () => `score ${s}`);
      }),
    );
  });

  test('scores lie in [0, 100], "" exactly for fully blank rows; flipped directions give 100 − score; weights scale freely; row order is irrelevant', () => {
    fuzz(
      fc.property(
        cleanArgs,
        fc.array(fc.integer(), { maxLength: 7 }),
        fc.constantFrom(1, 3, 0.001, 1e10),
        ({ criteria, weights, directions }, keys, k) => {
          const cells = criteria.map((r) => r.map((c) => c.cell));
          const call = (crit: unknown[][], w: number[], d: number[]) =>
            scores(
              callKA(
                () => KA.score(crit, [w], [d]),
                () => [crit.length, 1],
              ),
            );
          const base = call(cells, weights, directions);
          if (base === null) return;
          base.forEach((s, i) => {
            const blankRow = criteria[i].every((c) => Number.isNaN(c.value));
            ensure(blankRow ? s === "" : typeof s === "number" && s >= 0 && s <= 100, () => `row ${i}: ${s}`);
          });
          if (criteria.length === 1) ensure(base[0] === "" || Math.abs(base[0] - 50) <= 1e-9, () => `a single row scores ${base[0]}`);

          const flipped = call(
            cells,
            weights,
            directions.map((d) => -d),
          )!;
          base.forEach((s, i) =>
            ensure(
              s === "" ? flipped[i] === "" : Math.abs((flipped[i] as number) - (100 - s)) <= 1e-9,
              () => `row ${i}: ${s} flipped to ${flipped[i]}`,
            ),
          );

          const scaledWeights = weights.map((w) => w * k);
          const scaled = weights.every((w, j) => w === 0 || (scaledWeights[j] > 0 && scaledWeights[j] < Infinity))
            ? call(cells, scaledWeights, directions)
            : null;
          if (scaled !== null) {
            base.forEach((s, i) =>
              ensure(
                s === "" ? scaled[i] === "" : Math.abs((scaled[i] as number) - s) <= 1e-9,
                () => `row ${i}: ${s} with weights ×${k}: ${scaled[i]}`,
              ),
            );
          }

          const order = permute(
            cells.map((_, i) => i),
            keys,
          );
          const moved = call(
            order.map((i) => cells[i]),
            weights,
            directions,
          )!;
          order.forEach((i, j) => ensure(moved[j] === base[i], () => `row ${i} scores ${base[i]}, moved to ${j}: ${moved[j]}`));
        },
      ),
    );
  });
});
