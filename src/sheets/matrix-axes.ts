/**
 * The portfolio matrix's axes and accounts: the criteria of each axis (the portfolio's own,
 * or the engine's proxies named in the user's words), their weights, and which accounts the
 * sheet lists.
 */
import { attractivenessProxies, ProxyCriterion, strengthProxies } from "../engine/matrix-proxies";
import { Portfolio } from "../engine/portfolio";
import { Translate } from "./sheet-options";

/** With this many customers or fewer, every customer is listed by default. */
export const FEW = 20;

export type AxisName = "attractiveness" | "strength";

interface Criterion {
  readonly name: string;
  /** Per customer id; NaN = no value. */
  readonly values: Float64Array;
}

export interface Axis {
  readonly criteria: readonly Criterion[];
  /** Names of the proxies used, or null when the portfolio's own criteria are used. */
  readonly proxies: boolean;
}

/** A proxy as a criterion column: its name in the user's words. */
function named(c: ProxyCriterion, t: Translate, revenueName: string): Criterion {
  const args: Record<string, string> =
    c.proxy === "revenueCriterion" ? { name: revenueName } : c.months ? { first: c.months.first, last: c.months.last } : {};
  return { name: t(`proxy.${c.proxy}`, args), values: c.values };
}

/** Each axis: the portfolio's criteria, or the proxies when it has none. */
export function axesOf(p: Portfolio, revenue: Float64Array, revenueName: string, t: Translate): Record<AxisName, Axis> {
  const own = (set: Portfolio["attractiveness"]): Axis | null =>
    set ? { criteria: set.names.map((name, j) => ({ name, values: set.values[j] })), proxies: false } : null;
  return {
    attractiveness: own(p.attractiveness) ?? {
      criteria: attractivenessProxies(p, revenue).map((c) => named(c, t, revenueName)),
      proxies: true,
    },
    strength: own(p.strength) ?? { criteria: strengthProxies(p).map((c) => named(c, t, revenueName)), proxies: true },
  };
}

export function listedAccounts(p: Portfolio, accounts: "all" | number | undefined, t: Translate): { ids: number[]; selection: string } {
  const a = p.analysis;
  const byValue = [...a.ranking.order, ...[...a.losses].reverse()]; // value descending
  if (accounts === "all") return { ids: byValue, selection: t("selection.all") };
  if (typeof accounts === "number") {
    if (!Number.isInteger(accounts) || accounts < 1) throw new Error(`accounts must be "all" or a whole number from 1 up, not ${accounts}`);
    return { ids: byValue.slice(0, accounts), selection: t("selection.top", { n: accounts, measure: p.measureName }) };
  }
  if (byValue.length <= FEW) return { ids: byValue, selection: t("selection.few", { n: FEW }) };
  const labels = a.spec.labels;
  return {
    ids: Array.from(a.ranking.order).filter((id) => a.tiers.tiers[id] <= 1),
    selection: t("selection.tiers", { first: labels[0], second: labels[1], measure: p.measureName }),
  };
}

export function weightsOf(
  axes: Record<AxisName, Axis>,
  given: { readonly attractiveness: readonly number[]; readonly strength: readonly number[] } | undefined,
): Record<AxisName, number[]> {
  const out = {} as Record<AxisName, number[]>;
  for (const axis of ["attractiveness", "strength"] as const) {
    const n = axes[axis].criteria.length;
    const w = given ? [...given[axis]] : new Array<number>(n).fill(1);
    if (w.length !== n) throw new Error(`weights.${axis} must hold ${n} weights (one per criterion), not ${w.length}`);
    if (w.some((x) => !(x >= 0 && Number.isFinite(x)))) throw new Error(`weights.${axis} must be numbers of 0 or more`);
    if (n > 0 && !w.some((x) => x > 0)) throw new Error(`weights.${axis} are all 0; at least one must be above 0`);
    out[axis] = w;
  }
  return out;
}
