/**
 * KA.PARETO fuzzed through src/functions/functions.ts. Contract on hostile input (6 columns,
 * header first, Total last; exact row count in the invariants), then the 80/20 table's
 * invariants against an exact model in cents (./sales.ts).
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import { text } from "../../src/strings";
import { alignedVectors, anyCell, cellOf, customerCell, localeArg, omitted, optionalScalar, permute, rangeOf } from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, flat, resultOf } from "./contract";
import { cents, columnsOf, keyOf, modelOf, salesLines } from "./sales";

const topNArg = optionalScalar(fc.constantFrom<unknown>(1, 2, 3, 5, "3", " 2 ", 0, -1, 1.5, 1e308, "abc", NaN, Infinity, true, 2 ** 32));
const schemeArg = optionalScalar(fc.constantFrom("ABC", "KIG", "IBM", "AUTO", "nope"));
const thresholdsArg = fc.oneof(
  { arbitrary: omitted, weight: 4 },
  { arbitrary: fc.constantFrom<unknown>([[0.7, 0.9]], "80%, 95%", [[0.95, 0.8]], [[1]], [[0.5]]), weight: 2 },
  { arbitrary: rangeOf(anyCell, 3), weight: 1 },
);

const HEADERS = {
  en: ["rank", "customer", "value", "share", "cumulativeShare", "tier"].map((k) => text("en", `pareto.header.${k}`)),
  zh: ["rank", "customer", "value", "share", "cumulativeShare", "tier"].map((k) => text("zh", `pareto.header.${k}`)),
};

/** The table's shape whatever the data: header, ranked rows, then lines with a blank rank, Total last. */
function checkStructure(out: unknown[][]): void {
  ensure(out[0].length === 6, () => `${out[0].length} columns`);
  ensure(
    JSON.stringify(out[0]) === JSON.stringify(HEADERS.en) || JSON.stringify(out[0]) === JSON.stringify(HEADERS.zh),
    () => `header ${JSON.stringify(out[0])}`,
  );
  ensure(out.length >= 2, () => "no Total row");
  const total = out[out.length - 1];
  ensure(total[0] === "" && typeof total[2] === "number", () => `last row ${JSON.stringify(total)}`);
  let prevCum = 0;
  let ranked = true;
  for (let i = 1; i < out.length - 1; i++) {
    const r = out[i];
    if (typeof r[0] === "number") {
      ensure(ranked, () => `ranked row ${i} after unranked rows`);
      ensure(Number.isInteger(r[0]) && r[0] >= 1 && r[0] <= i, () => `rank ${r[0]} in row ${i}`);
      const [value, share, cum] = [r[2], r[3], r[4]] as number[];
      ensure(value >= 0, () => `ranked value ${value}`);
      ensure(share >= 0 && share <= 1, () => `share ${share}`);
      ensure(cum >= prevCum && cum <= 1, () => `cumulative share ${cum} after ${prevCum}`);
      prevCum = cum;
    } else {
      ranked = false;
      ensure(r[0] === "", () => `row ${i} rank ${JSON.stringify(r[0])}`);
    }
  }
}

describe("KA.PARETO fuzz", () => {
  test("contract: any input gives the table (6 columns, header, Total) or a CustomFunctions.Error", () => {
    const args = alignedVectors([customerCell, cellOf()]);
    fuzz(
      fc.property(args, topNArg, schemeArg, thresholdsArg, localeArg, ([customers, values], topN, scheme, thresholds, locale) => {
        const o = callKA(() => KA.pareto(customers as never, values as never, topN, scheme, thresholds as never, locale));
        if (o.kind === "result") checkStructure(o.value);
      }),
    );
  });

  test("invariants: size rule, ranking, shares sum to 1, Other/loss/no-customer lines, Total reconciles, tiers as KA.TIER", () => {
    fuzz(
      fc.property(
        salesLines,
        fc.option(fc.integer({ min: 1, max: 6 }), { freq: 2 }),
        fc.constantFrom("ABC", "KIG", "IBM", "AUTO"),
        (lines, topN, scheme) => {
          const { values, customers } = columnsOf(lines);
          const out = resultOf(callKA(() => KA.pareto(customers, values, topN ?? undefined, scheme)));
          checkStructure(out);
          const m = modelOf(lines);
          const shown = Math.min(topN ?? Infinity, m.ranked.length);
          const cut = shown < m.ranked.length;
          const expectedRows = 2 + shown + (cut ? 1 : 0) + m.losses.length + (m.noCustomerRows > 0 ? 1 : 0);
          ensure(out.length === expectedRows, () => `${out.length} rows, the size rule says ${expectedRows}`);

          // Ranked customers: by value descending, then name; competition ranks; first spelling shown.
          for (let j = 0; j < shown; j++) {
            const r = out[1 + j];
            const c = m.ranked[j];
            ensure(
              keyOf(r[1] as string) === c.key && cents(r[2]) === c.total,
              () => `row ${j + 1}: ${JSON.stringify(r)}, expected ${c.key} ${c.total}`,
            );
            ensure(
              r[1] === m.customers.get(c.key)!.name,
              () => `row ${j + 1} shows ${JSON.stringify(r[1])}, the first spelling is ${JSON.stringify(m.customers.get(c.key)!.name)}`,
            );
            const rank = 1 + m.ranked.findIndex((x) => x.total === c.total);
            ensure(r[0] === rank, () => `row ${j + 1} rank ${r[0]}, expected ${rank}`);
            if (m.positiveCents > 0) ensure(Math.abs((r[3] as number) - c.total / m.positiveCents) <= 1e-12, () => `share ${r[3]}`);
          }
          // Shares of all ranked customers sum to 1 and the cumulative share ends at 1.
          const rankedShares = out.slice(1, 1 + shown).map((r) => r[3] as number);
          const otherRow = cut ? out[1 + shown] : null;
          if (otherRow) {
            const otherCents = m.ranked.slice(shown).reduce((s, c) => s + c.total, 0);
            ensure(cents(otherRow[2]) === otherCents, () => `Other ${otherRow[2]} vs ${otherCents / 100}`);
            rankedShares.push(otherRow[3] as number);
          }
          if (m.positiveCents > 0) {
            const sum = rankedShares.reduce((s, x) => s + x, 0);
            ensure(Math.abs(sum - 1) <= 1e-12, () => `shares sum to ${sum}`);
            const lastCum = (otherRow ?? out[shown])[4] as number;
            ensure(Math.abs(lastCum - 1) <= 1e-12, () => `cumulative share ends at ${lastCum}`);
          }
          // Loss-making customers, most negative first.
          const lossRows = out.slice(1 + shown + (cut ? 1 : 0), 1 + shown + (cut ? 1 : 0) + m.losses.length);
          lossRows.forEach((r, i) => {
            ensure(
              keyOf(r[1] as string) === m.losses[i].key && cents(r[2]) === m.losses[i].total && r[5] === "Loss",
              () => `loss row ${JSON.stringify(r)}`,
            );
          });
          // The no-customer line and the Total, which equals SUM(values).
          if (m.noCustomerRows > 0)
            ensure(cents(out[out.length - 2][2]) === m.noCustomerCents, () => `no-customer line ${JSON.stringify(out[out.length - 2])}`);
          ensure(cents(out[out.length - 1][2]) === m.netCents, () => `Total ${out[out.length - 1][2]} vs ${m.netCents / 100}`);

          // Same tiers as KA.TIER over the same lines.
          const tiers = flat(resultOf(callKA(() => KA.tier(values, customers, scheme))));
          const tierOf = new Map<string, unknown>();
          lines.forEach((l, i) => l.customer !== null && tierOf.set(keyOf(l.customer), tiers[i]));
          for (const r of out.slice(1, 1 + shown).concat(lossRows)) {
            ensure(
              tierOf.get(keyOf(r[1] as string)) === r[5],
              () => `${r[1]}: PARETO says ${r[5]}, TIER says ${tierOf.get(keyOf(r[1] as string))}`,
            );
          }
        },
      ),
    );
  });

  test("row order changes nothing but the spelling shown", () => {
    fuzz(
      fc.property(salesLines, fc.array(fc.integer(), { maxLength: 30 }), (lines, keys) => {
        const a = columnsOf(lines);
        const b = columnsOf(permute(lines, keys));
        const before = resultOf(callKA(() => KA.pareto(a.customers, a.values)));
        const after = resultOf(callKA(() => KA.pareto(b.customers, b.values)));
        ensure(before.length === after.length, () => `${before.length} rows before, ${after.length} after`);
        before.forEach((r, i) => {
          const s = after[i];
          const same = r.every((x, j) => {
            const y = s[j];
            if (typeof x === "number" && typeof y === "number") return j === 2 ? cents(x) === cents(y) : Math.abs(x - y) <= 1e-12;
            return typeof x === "string" && typeof y === "string" ? (j === 1 ? keyOf(x) === keyOf(y) : x === y) : false;
          });
          ensure(same, () => `row ${i}: ${JSON.stringify(r)} became ${JSON.stringify(s)}`);
        });
      }),
    );
  });
});
