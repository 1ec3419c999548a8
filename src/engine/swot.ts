/**
 * Data-driven hints for an account plan's SWOT boxes: which facts of the sales data count as
 * a strength, a weakness, an opportunity or a threat of the account. Hints carry the figures
 * they state; the plan sheet words and formats them (strings resources).
 */
import { AccountFacts, PortfolioFacts, quadrantName } from "./account-facts";
import { creditLikelihood } from "./credit-rating";
import { QuadrantName } from "./matrix";

/** The dependency share above which the plan names it as a threat (the risk sheet's default threshold). */
const PLAN_DEPENDENCY_HINT = 0.1;
/** Satisfaction from which it is a strength, and below which a weakness (1–5 scale). */
const SATISFIED = 4;
const DISSATISFIED = 3;
/** Churn probability from which the revenue at risk is a threat. */
const CHURN_THREAT = 0.2;
/** Months without sales, after earlier sales, that make an account look dormant. */
const DORMANT_MONTHS = 3;
/** Credit likelihoods (1–5) at or below which a rating is a strength, at or above which a threat. */
const GOOD_CREDIT = 2;
const POOR_CREDIT = 4;

export type SwotHint =
  | { readonly key: "topTier"; readonly rank: number }
  | { readonly key: "satisfaction"; readonly satisfaction: number; readonly churn: number }
  | { readonly key: "loss"; readonly profit: number; readonly margin: number }
  | { readonly key: "lossNoMargin"; readonly profit: number }
  | { readonly key: "marginHigh" | "marginLow"; readonly margin: number; readonly median: number }
  | { readonly key: "strengthHigh" | "strengthLow"; readonly quadrant: QuadrantName }
  | { readonly key: "quadrant"; readonly quadrant: QuadrantName }
  | { readonly key: "trend"; readonly change: number; readonly months: number }
  | { readonly key: "dormant"; readonly month: string }
  | { readonly key: "churnExposure"; readonly amount: number; readonly churn: number }
  | { readonly key: "dependency"; readonly share: number; readonly threshold: number }
  | { readonly key: "creditGood" | "creditPoor"; readonly rating: string };

export interface SwotHints {
  readonly strengths: SwotHint[];
  readonly weaknesses: SwotHint[];
  readonly opportunities: SwotHint[];
  readonly threats: SwotHint[];
}

/** The last month with sales, when it lies more than DORMANT_MONTHS before the end (6 months of data at least). */
function dormantSince(ctx: PortfolioFacts, id: number): string | null {
  const monthly = ctx.portfolio.monthly;
  if (!monthly || monthly.labels.length < 6) return null;
  const months = monthly.labels.length;
  for (let m = months - 1; m >= 0; m--) {
    if (monthly.values[id * months + m] > 0) return m < months - DORMANT_MONTHS ? monthly.labels[m] : null;
  }
  return null;
}

function profitHints(ctx: PortfolioFacts, f: AccountFacts, hints: SwotHints): void {
  if (f.profit < 0) {
    hints.weaknesses.push(
      f.revenue > 0 ? { key: "loss", profit: f.profit, margin: f.profit / f.revenue } : { key: "lossNoMargin", profit: f.profit },
    );
  } else if (f.profit === f.profit && f.revenue > 0 && ctx.marginMedian === ctx.marginMedian) {
    const margin = f.profit / f.revenue;
    const hint = { margin, median: ctx.marginMedian };
    if (margin >= ctx.marginMedian) hints.strengths.push({ key: "marginHigh", ...hint });
    else hints.weaknesses.push({ key: "marginLow", ...hint });
  }
}

/** The hints per SWOT box, each box in a fixed order of rules. */
export function swotHints(ctx: PortfolioFacts, id: number, f: AccountFacts): SwotHints {
  const p = ctx.portfolio;
  const hints: SwotHints = { strengths: [], weaknesses: [], opportunities: [], threats: [] };
  const pos = ctx.rankPosition[id];
  if (p.analysis.tiers.tiers[id] === 0 && pos >= 0) hints.strengths.push({ key: "topTier", rank: p.analysis.ranking.ranks[pos] });
  if (f.satisfaction === f.satisfaction) {
    const hint: SwotHint = { key: "satisfaction", satisfaction: f.satisfaction, churn: f.churn };
    if (f.satisfaction >= SATISFIED) hints.strengths.push(hint);
    else if (f.satisfaction < DISSATISFIED) hints.weaknesses.push(hint);
  }
  if (p.profit) profitHints(ctx, f, hints);
  const quadrant = quadrantName(ctx, id);
  if (quadrant) {
    const high = quadrant === "Strategic" || quadrant === "Status";
    (high ? hints.strengths : hints.weaknesses).push({ key: high ? "strengthHigh" : "strengthLow", quadrant });
    hints.opportunities.push({ key: "quadrant", quadrant });
  }
  const trend = f.trend;
  if (trend && trend.change === trend.change) {
    const hint: SwotHint = { key: "trend", change: trend.change, months: ctx.period };
    if (trend.change > 0) hints.opportunities.push(hint);
    else if (trend.change < 0) hints.threats.push(hint);
  }
  const dormant = dormantSince(ctx, id);
  if (dormant !== null) hints.threats.push({ key: "dormant", month: dormant });
  if (f.churn >= CHURN_THREAT && f.revenue > 0) hints.threats.push({ key: "churnExposure", amount: f.churn * f.revenue, churn: f.churn });
  if (f.share > PLAN_DEPENDENCY_HINT) hints.threats.push({ key: "dependency", share: f.share, threshold: PLAN_DEPENDENCY_HINT });
  if (f.rating && ctx.creditScale) {
    const likelihood = creditLikelihood(ctx.creditScale, f.rating);
    if (likelihood <= GOOD_CREDIT) hints.strengths.push({ key: "creditGood", rating: f.rating });
    else if (likelihood >= POOR_CREDIT) hints.threats.push({ key: "creditPoor", rating: f.rating });
  }
  return hints;
}
