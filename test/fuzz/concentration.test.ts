/**
 * KA.CONCENTRATION fuzzed through src/functions/functions.ts: always 20×2 (header + 19
 * metrics) or a CustomFunctions.Error; the figures against an exact model in cents and
 * against KA.TIER ("customers needed for 80%" is the size of tier A).
 */
import fc from "fast-check";
import * as KA from "../../src/functions/functions";
import { alignedVectors, cellOf, customerCell, localeArg, omitted, rangeOf } from "./arbitraries";
import { fuzz } from "./config";
import { callKA, ensure, flat, resultOf } from "./contract";
import { cents, columnsOf, keyOf, modelOf, salesLines } from "./sales";

/** Metric rows in order (src/engine/formulas/concentration.ts). */
const ROW = {
  positiveCustomers: 1,
  customers: 2,
  positiveTotal: 3,
  netTotal: 4,
  needed50: 5,
  needed50Pct: 6,
  needed80: 7,
  needed80Pct: 8,
  needed95: 9,
  needed95Pct: 10,
  top1: 11,
  top5: 12,
  top10: 13,
  hhi: 14,
  gini: 15,
  lossCount: 16,
  lossValue: 17,
  noCustomerCount: 18,
  noCustomerValue: 19,
} as const;

function checkStructure(out: unknown[][]): void {
  out.forEach((r, i) => {
    ensure(typeof r[0] === "string" && r[0] !== "", () => `row ${i} label ${JSON.stringify(r[0])}`);
    if (i > 0) ensure(typeof r[1] === "number", () => `row ${i} value ${JSON.stringify(r[1])}`);
  });
  const v = (k: keyof typeof ROW) => out[ROW[k]][1] as number;
  for (const k of ["positiveCustomers", "customers", "needed50", "needed80", "needed95", "lossCount", "noCustomerCount"] as const) {
    ensure(Number.isInteger(v(k)) && v(k) >= 0, () => `${k} = ${v(k)}`);
  }
  ensure(
    v("needed50") <= v("needed80") && v("needed80") <= v("needed95") && v("needed95") <= v("positiveCustomers"),
    () => "needed counts out of order",
  );
  ensure(v("positiveCustomers") <= v("customers"), () => "more positive customers than customers");
  for (const k of ["needed50Pct", "needed80Pct", "needed95Pct", "top1", "top5", "top10", "gini"] as const)
    ensure(v(k) >= 0 && v(k) <= 1, () => `${k} = ${v(k)}`);
  ensure(v("top1") <= v("top5") && v("top5") <= v("top10"), () => "top shares out of order");
  ensure(v("hhi") >= 0 && v("hhi") <= 10000 * (1 + 1e-12), () => `HHI ${v("hhi")}`);
  if (v("positiveCustomers") > 0)
    ensure(v("hhi") >= (10000 / v("positiveCustomers")) * (1 - 1e-12), () => `HHI ${v("hhi")} below 10,000/n`);
  ensure(v("lossValue") <= 0 && v("noCustomerCount") >= 0, () => "loss value above 0");
}

describe("KA.CONCENTRATION fuzz", () => {
  test("contract: any input gives 20×2 or a CustomFunctions.Error", () => {
    const args = fc.oneof(
      fc.tuple(rangeOf(cellOf()), omitted),
      alignedVectors([cellOf(), customerCell]).map(([v, c]) => [v, c] as [unknown, unknown]),
    );
    fuzz(
      fc.property(args, localeArg, ([values, customers], locale) => {
        const o = callKA(
          () => KA.concentration(values as never, customers as never, locale),
          () => [20, 2],
        );
        if (o.kind === "result") checkStructure(o.value);
      }),
    );
  });

  test("invariants: figures as the exact model; customers needed for 80%/95% = tier A / A+B of KA.TIER", () => {
    fuzz(
      fc.property(salesLines, (lines) => {
        // customers is optional: a one-cell blank range ([[null]]) reads as an omitted argument
        // (hosts pass omitted arguments so), making the row a customer of its own.
        fc.pre(!(lines.length === 1 && lines[0].customer === null));
        const { values, customers } = columnsOf(lines);
        const out = resultOf(
          callKA(
            () => KA.concentration(values, customers),
            () => [20, 2],
          ),
        );
        checkStructure(out);
        const v = (k: keyof typeof ROW) => out[ROW[k]][1] as number;
        const m = modelOf(lines);
        const valued = m.ranked.length + m.losses.length;
        const positive = m.ranked.filter((c) => c.total > 0);
        ensure(
          v("customers") === valued && v("positiveCustomers") === positive.length,
          () => `counts ${v("customers")}/${v("positiveCustomers")}`,
        );
        ensure(cents(v("positiveTotal")) === m.positiveCents && cents(v("netTotal")) === m.netCents, () => "totals");
        ensure(v("lossCount") === m.losses.length && cents(v("lossValue")) === m.losses.reduce((s, c) => s + c.total, 0), () => "losses");
        ensure(v("noCustomerCount") === m.noCustomerRows && cents(v("noCustomerValue")) === m.noCustomerCents, () => "no-customer rows");
        if (m.positiveCents > 0) {
          ensure(Math.abs(v("top1") - positive[0].total / m.positiveCents) <= 1e-12, () => `top-1 ${v("top1")}`);
          const hhi = positive.reduce((s, c) => s + ((100 * c.total) / m.positiveCents) ** 2, 0);
          ensure(Math.abs(v("hhi") - hhi) <= 1e-9 * hhi, () => `HHI ${v("hhi")} vs ${hhi}`);
        }
        // "Customers needed for 80%" is the size of tier A (ABC), 95% of A+B, 50% of tier 1 at 50%.
        const tierCount = (thresholds: number[] | undefined, labels: string[]) => {
          const t = flat(resultOf(callKA(() => KA.tier(values, customers, undefined, thresholds && [thresholds]))));
          const seen = new Set<string>();
          lines.forEach((l, i) => l.customer !== null && labels.includes(t[i] as string) && seen.add(keyOf(l.customer)));
          return seen.size;
        };
        ensure(
          v("needed80") === tierCount(undefined, ["A"]),
          () => `needed for 80% ${v("needed80")} vs tier A ${tierCount(undefined, ["A"])}`,
        );
        ensure(v("needed95") === tierCount(undefined, ["A", "B"]), () => `needed for 95% ${v("needed95")}`);
        ensure(v("needed50") === tierCount([0.5], ["A"]), () => `needed for 50% ${v("needed50")}`);
        if (valued > 0) ensure(Math.abs(v("needed80Pct") - v("needed80") / valued) <= 1e-15, () => "needed-for-80% fraction");
      }),
    );
  });
});
