/**
 * Facts about the accounts of a portfolio that the plan and the risk register (and the rules
 * behind them: risk-rules.ts, swot.ts) read: totals and shares, rank, quadrant, margin,
 * trend, churn, rating. The per-portfolio part is computed once (O(n log n)) and cached per
 * portfolio object, so per-account work stays O(months): a benchmark builds 500 plan sheets.
 */
import { churnProbability } from "./churn";
import { CreditScaleName, creditScaleOf, hasMoodysRatings } from "./credit-rating";
import { customerKey } from "./input/customer-vector";
import { classifyPortfolio, NO_QUADRANT, QUADRANTS, QuadrantName } from "./matrix";
import { Portfolio } from "./portfolio";
import { scoreAccounts } from "./scoring";
import { median } from "./stats";

export interface PortfolioFacts {
  readonly portfolio: Portfolio;
  /** Revenue per customer (the measure when no revenue column is mapped); NaN = none. */
  readonly revenue: Float64Array;
  /**
   * Header of the column the revenue figures come from when it is the tiering measure; null
   * when a separate revenue column is mapped (Portfolio does not keep that column's header).
   */
  readonly measureAsRevenue: string | null;
  /** Sum of the positive per-customer revenue totals: the shares' denominator. */
  readonly revenueTotal: number;
  readonly revenueCustomers: number;
  /** Sum of the positive per-customer profits (NaN without a profit column). */
  readonly profitTotal: number;
  readonly profitCustomers: number;
  /** Position in analysis.ranking.order per customer, -1 when not ranked. */
  readonly rankPosition: Int32Array;
  /** Number of ranked customers. */
  readonly ranked: number;
  /** Portfolio quadrant per customer (NO_QUADRANT when not placed), null without criteria. */
  readonly quadrant: Uint8Array | null;
  /** Median margin (profit / revenue) over customers with revenue > 0 and a profit. */
  readonly marginMedian: number;
  /** Months per compared period (12 with two years of data; 0 = no trend). */
  readonly period: number;
  /** Months shown in a plan's monthly table (the last ones, at most 24). */
  readonly monthsShown: number;
  readonly creditScale: CreditScaleName | null;
  /** Whether ratings are written in Moody's notation (Baa1…): the agency table then lists those grades. */
  readonly creditMoodys: boolean;
  /** customerKey(name) → id. */
  readonly byKey: ReadonlyMap<string, number>;
}

/** The tiering measure per customer, NaN where the customer has no value (as Portfolio's other columns). */
export function measureValues(p: Portfolio): Float64Array {
  const { totals, hasValue } = p.analysis.customers;
  return totals.map((x, i) => (hasValue[i] ? x : NaN));
}

const contexts = new WeakMap<Portfolio, PortfolioFacts>();

/**
 * Everything the plan and risk sheets need from the whole portfolio, computed once
 * (O(n log n)) and cached per portfolio object, so per-account work stays O(months).
 */
export function preparePortfolioFacts(p: Portfolio): PortfolioFacts {
  const cached = contexts.get(p);
  if (cached) return cached;
  const a = p.analysis;
  const n = a.customers.count;
  const revenue = p.revenue ?? measureValues(p);
  let revenueTotal = 0;
  let revenueCustomers = 0;
  for (let i = 0; i < n; i++)
    if (revenue[i] > 0) {
      revenueTotal += revenue[i];
      revenueCustomers++;
    }
  let profitTotal = NaN;
  let profitCustomers = 0;
  if (p.profit) {
    profitTotal = 0;
    for (let i = 0; i < n; i++)
      if (p.profit[i] > 0) {
        profitTotal += p.profit[i];
        profitCustomers++;
      }
  }
  const rankPosition = new Int32Array(n).fill(-1);
  a.ranking.order.forEach((id, j) => (rankPosition[id] = j));

  let quadrant: Uint8Array | null = null;
  if (p.attractiveness && p.strength) {
    const axis = (set: NonNullable<Portfolio["attractiveness"]>): Float64Array => {
      if (set.values.length === 1) return set.values[0];
      // Several criteria: the equal-weight KA.SCORE of the criteria (min–max normalised).
      const cols = set.values.length;
      const values = new Float64Array(n * cols);
      set.values.forEach((v, j) => values.set(v, j * n));
      const { scores } = scoreAccounts({ rows: n, cols, values }, new Float64Array(cols).fill(1), new Float64Array(cols).fill(1));
      return scores.map((s) => (s >= 0 ? s : NaN));
    };
    const av = axis(p.attractiveness);
    const sv = axis(p.strength);
    // Half-blank customers are not placed (KA.MATRIX refuses them); they do not move the cuts.
    const a2 = av.map((x, i) => (x === x && sv[i] === sv[i] ? x : NaN));
    const s2 = sv.map((x, i) => (x === x && av[i] === av[i] ? x : NaN));
    quadrant = classifyPortfolio(a2, s2).quadrants;
  }

  let marginMedian = NaN;
  if (p.profit) {
    const m = new Float64Array(n);
    for (let i = 0; i < n; i++) m[i] = revenue[i] > 0 && p.profit[i] === p.profit[i] ? p.profit[i] / revenue[i] : NaN;
    marginMedian = median(m);
  }
  const months = p.monthly ? p.monthly.labels.length : 0;
  const period = Math.min(12, Math.floor(months / 2));
  const byKey = new Map<string, number>();
  a.customers.names.forEach((name, id) => byKey.set(customerKey(name), id));
  const ctx: PortfolioFacts = {
    portfolio: p,
    revenue,
    measureAsRevenue: p.revenue ? null : p.measureName,
    revenueTotal,
    revenueCustomers,
    profitTotal,
    profitCustomers,
    rankPosition,
    ranked: a.ranking.order.length,
    quadrant,
    marginMedian,
    period,
    monthsShown: Math.min(months, 24),
    creditScale: p.credit ? creditScaleOf(p.credit) : null,
    creditMoodys: p.credit ? hasMoodysRatings(p.credit) : false,
    byKey,
  };
  contexts.set(p, ctx);
  return ctx;
}

/** Sum of months [from, to) of a customer, added left to right as SUM does. */
function monthSum(m: NonNullable<Portfolio["monthly"]>, id: number, from: number, to: number): number {
  const w = m.labels.length;
  let s = 0;
  for (let k = from; k < to; k++) s += m.values[id * w + k];
  return s;
}

/** Last-k and previous-k sums and the change (NaN when the previous period is not above 0). */
export function trendOf(ctx: PortfolioFacts, id: number): { last: number; previous: number; change: number } | null {
  const p = ctx.portfolio;
  const k = ctx.period;
  if (!p.monthly || k === 0) return null;
  const w = p.monthly.labels.length;
  const last = monthSum(p.monthly, id, w - k, w);
  const previous = monthSum(p.monthly, id, w - 2 * k, w - k);
  return { last, previous, change: previous > 0 ? last / previous - 1 : NaN };
}

export function quadrantName(ctx: PortfolioFacts, id: number): QuadrantName | null {
  if (!ctx.quadrant) return null;
  const q = ctx.quadrant[id];
  return q === NO_QUADRANT ? null : QUADRANTS[q];
}

/** Churn probability of a customer (NaN without satisfaction). */
export function churnOf(ctx: PortfolioFacts, id: number): number {
  const s = ctx.portfolio.satisfaction;
  if (!s || s[id] !== s[id]) return NaN;
  return churnProbability(s[id]);
}

/** One account's figures as the rules read them; NaN (or null) where the data has none. */
export interface AccountFacts {
  readonly revenue: number;
  /** Revenue / the sum of the positive per-customer revenue (NaN without revenue or a positive total). */
  readonly share: number;
  readonly profit: number;
  /** Profit / revenue, when revenue > 0. */
  readonly margin: number;
  /** Profit / the sum of the positive per-customer profits, when that sum is > 0. */
  readonly profitShare: number;
  readonly satisfaction: number;
  /** Churn probability by satisfaction (KA.CHURN). */
  readonly churn: number;
  /** Last period against the one before (null without dates, or with one month only). */
  readonly trend: { readonly last: number; readonly previous: number; readonly change: number } | null;
  /** The rating as written (null when blank or without a rating column). */
  readonly rating: string | null;
}

export function accountFacts(ctx: PortfolioFacts, id: number): AccountFacts {
  const p = ctx.portfolio;
  const revenue = ctx.revenue[id];
  const profit = p.profit ? p.profit[id] : NaN;
  return {
    revenue,
    share: revenue === revenue && ctx.revenueTotal > 0 ? revenue / ctx.revenueTotal : NaN,
    profit,
    margin: revenue > 0 && profit === profit ? profit / revenue : NaN,
    profitShare: profit === profit && ctx.profitTotal > 0 ? profit / ctx.profitTotal : NaN,
    satisfaction: p.satisfaction ? p.satisfaction[id] : NaN,
    churn: churnOf(ctx, id),
    trend: trendOf(ctx, id),
    rating: p.credit?.[id] ?? null,
  };
}
