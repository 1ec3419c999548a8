/**
 * KA.RISK fuzzed through src/functions/functions.ts: contract (size rule: N×2 for a column,
 * 2×N for a row), and per row: score = likelihood × impact within [1, 25], the level of its
 * band, independent of the other rows.
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import { alignedVectors, cellOf, localeArg, NumberCell, numericTextIn, pairRow } from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, resultOf, sizeLike, vectorShape } from "./contract";

const LEVELS = ["Low", "Medium", "High", "Critical"];
const levelOf = (score: number) => LEVELS[score >= 20 ? 3 : score >= 10 ? 2 : score >= 5 ? 1 : 0];

/** A value on the 1–5 scale: whole, decimal, the borders, or as text. */
const scaleCell: fc.Arbitrary<NumberCell> = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((x) => ({ cell: x, value: x })),
  fc.double({ min: 1, max: 5, noNaN: true }).map((x) => ({ cell: x, value: x })),
  fc.constantFrom(1, 5, 1.1, 2.5, 4.999999999999999, 1.0000000000000002).map((x) => ({ cell: x, value: x })),
  numericTextIn(1, 5),
  fc.integer({ min: 1, max: 5 }).map((x) => ({ cell: `${x}` as unknown, value: x })),
);

describe("KA.RISK fuzz", () => {
  test("contract: any input gives N×2 (column) or 2×N (row) or a CustomFunctions.Error", () => {
    fuzz(
      fc.property(alignedVectors([cellOf(), cellOf()]), localeArg, ([likelihood, impact], locale) => {
        const o = callKA(
          () => KA.risk(likelihood as never, impact as never, locale),
          () => sizeLike(likelihood, 2),
        );
        if (o.kind === "result") {
          const column = vectorShape(likelihood)!.orientation === "column";
          const pairs = column ? o.value : o.value[0].map((_, i) => [o.value[0][i], o.value[1][i]]);
          for (const [score, level] of pairs) {
            ensure(
              score === ""
                ? level === ""
                : typeof score === "number" && score >= 1 && score <= 25 && typeof level === "string" && level !== "",
              () => `${score} ${level}`,
            );
          }
        }
      }),
    );
  });

  test("each row: score = likelihood × impact in [1, 25], its band's level, whatever the other rows hold", () => {
    fuzz(
      fc.property(fc.array(pairRow(scaleCell, scaleCell), { minLength: 1, maxLength: 10 }), fc.boolean(), (rows, wantRow) => {
        const asRow = wantRow && rows.length > 1; // a 1×1 range reads as a column
        const shape = (xs: unknown[]) => (asRow ? [xs] : xs.map((x) => [x]));
        const l = rows.map((r) => (r[0] ? r[0].cell : null));
        const m = rows.map((r) => (r[1] ? r[1].cell : null));
        const out = resultOf(
          callKA(
            () => KA.risk(shape(l), shape(m)),
            () => (asRow ? [2, rows.length] : [rows.length, 2]),
          ),
        );
        const at = (i: number) => (asRow ? [out[0][i], out[1][i]] : out[i]);
        rows.forEach(([a, b], i) => {
          const [score, level] = at(i);
          const blank = a === null || b === null || Number.isNaN(a.value) || (a.value === 0 && b.value === 0);
          if (blank) {
            ensure(score === "" && level === "", () => `row ${i}: ${score} ${level} for a blank row`);
          } else {
            const p = a.value * b.value;
            ensure(
              typeof score === "number" && Math.abs(score - p) <= 1e-9 && score >= 1 && score <= 25,
              () => `row ${i}: ${a.value} × ${b.value} = ${score}`,
            );
            ensure(level === levelOf(score as number), () => `row ${i}: score ${score} is ${level}`);
            // Whole numbers on the 5×5 grid score exactly.
            if (Number.isInteger(a.value) && Number.isInteger(b.value)) ensure(score === p, () => `row ${i}: ${score} !== ${p}`);
          }
          const alone = resultOf(callKA(() => KA.risk([[l[i]]], [[m[i]]])))[0];
          ensure(alone[0] === score && alone[1] === level, () => `row ${i} alone: ${alone}, with the others: ${score} ${level}`);
        });
      }),
    );
  });
});
