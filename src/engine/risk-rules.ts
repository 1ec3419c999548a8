/**
 * The risk rules of the risk register (风险登记表): which risks the sales data can show for an
 * account, and how each is placed on the 1–5 likelihood and impact scales (score and level:
 * risk.ts). The sheet writes the cuts in editable cells and formulas over them; assessRisks
 * gives the values those formulas calculate to, and says why a risk is left out when the
 * data cannot assess it (never a made-up number).
 */
import { AccountFacts, PortfolioFacts } from "./account-facts";
import { creditLikelihood } from "./credit-rating";

export type RiskKind = "churn" | "dependency" | "loss" | "decline" | "credit";

/**
 * A 1–5 scale over one measure: score = 1 + the number of cuts the value reaches. "higher":
 * reaching means value ≥ cut (a higher value is riskier); "lower": value < cut (a lower value
 * is riskier). cuts are the borders of scores 2, 3, 4 and 5.
 */
export interface ScaleRule {
  readonly measure: string;
  readonly direction: "higher" | "lower";
  readonly cuts: readonly [number, number, number, number];
}

export interface RiskRule {
  readonly kind: RiskKind;
  /** Data the risk needs; without it the risk is left out with a note. */
  readonly requires: string;
  /** The likelihood scale, or "credit table" for the rating table (credit-rating.ts CREDIT_SCALES). */
  readonly likelihood: ScaleRule | "credit table";
  readonly impact: ScaleRule;
  /** What the exposure column holds. */
  readonly exposure: string;
  /** Extra rules beyond the scales (blank values, missing bases). */
  readonly notes: string;
}

/** Impact of losing business: the account's share of our revenue. */
export const SHARE_IMPACT: ScaleRule = {
  measure: "the account's share of our revenue (revenue / sum of the positive per-customer revenue)",
  direction: "higher",
  cuts: [0.01, 0.02, 0.05, 0.1],
};

/**
 * The one table of the risk rules: the risk sheet writes these cuts in editable cells and its
 * formulas read them there; the README cites this table. Defaults chosen for this add-in, not
 * findings: only the churn probabilities are a practitioners' rule of thumb (engine/churn.ts).
 */
export const RISK_RULES: readonly RiskRule[] = [
  {
    kind: "churn",
    requires: "satisfaction and revenue",
    likelihood: {
      measure: "churn probability = KA.CHURN of the mean satisfaction (the default churn table: 80/40/20/10/1.5%)",
      direction: "higher",
      cuts: [0.05, 0.15, 0.3, 0.6],
    },
    impact: SHARE_IMPACT,
    exposure: "revenue at risk = churn probability × revenue",
    notes: "the cuts put the five satisfaction levels on likelihood 5 (very dissatisfied) … 1 (highly satisfied)",
  },
  {
    kind: "dependency",
    requires: "revenue",
    likelihood: {
      measure: "the account's share of our revenue (its bargaining power over us)",
      direction: "higher",
      cuts: [0.02, 0.05, 0.1, 0.2],
    },
    impact: {
      measure:
        "the account's share of our profit (profit / sum of the positive per-customer profits); share of revenue without a profit column",
      direction: "higher",
      cuts: [0.02, 0.05, 0.1, 0.2],
    },
    exposure: "the account's revenue",
    notes: "the share is flagged when above the dependency threshold (input cell, default 10%)",
  },
  {
    kind: "loss",
    requires: "profit",
    likelihood: {
      measure: "margin = profit / revenue",
      direction: "lower",
      cuts: [0.1, 0.05, 0, -0.1],
    },
    impact: {
      measure: "the loss as a share of our total profit (−profit / sum of the positive per-customer profits; 0 when profitable)",
      direction: "higher",
      cuts: [0.005, 0.01, 0.02, 0.05],
    },
    exposure: "the loss (−profit; 0 when profitable)",
    notes:
      "without a margin (revenue ≤ 0) the likelihood is 5 when the profit is negative, else 1; with no positive profit in the portfolio the impact of a loss is 5",
  },
  {
    kind: "decline",
    requires: "dates (at least 2 months) and revenue",
    likelihood: {
      measure:
        "change of revenue: last 12 months against the 12 before (with less than 24 months of data: the last k against the k before, k = half the months)",
      direction: "lower",
      cuts: [0, -0.1, -0.2, -0.4],
    },
    impact: SHARE_IMPACT,
    exposure: "revenue lost = max(0, previous period − last period)",
    notes: "no change without revenue in the previous period: likelihood 1",
  },
  {
    kind: "credit",
    requires: "credit rating (on the AAA…D, A–E or 1–5 scale) and revenue",
    likelihood: "credit table",
    impact: SHARE_IMPACT,
    exposure: "none (the data holds no receivables)",
    notes: "ratings are read ignoring case, spaces and +/- modifiers; a rating not on the scale leaves the risk out",
  },
];

export const RULE_OF: Readonly<Record<RiskKind, RiskRule>> = Object.fromEntries(RISK_RULES.map((r) => [r.kind, r])) as Record<
  RiskKind,
  RiskRule
>;

/** Score 1–5 of a value on a scale (the risk sheet writes the same rule as a formula over its cut cells). */
export function scaleScore(x: number, rule: ScaleRule): number {
  let s = 1;
  for (const c of rule.cuts) if (rule.direction === "higher" ? x >= c : x < c) s++;
  return s;
}

/** Why a risk is not assessed for an account. */
export type RiskOmission = "noColumn" | "noValue" | "noRevenue" | "oneMonth" | "noScale" | "notOnScale";

export type RiskAssessment =
  | { readonly kind: RiskKind; readonly likelihood: number; readonly impact: number; readonly exposure: number | null }
  | { readonly kind: RiskKind; readonly omitted: RiskOmission };

const omitted = (kind: RiskKind, why: RiskOmission): RiskAssessment => ({ kind, omitted: why });
const hasShare = (f: AccountFacts): boolean => f.share === f.share;

/** Likelihood from satisfaction (its churn probability), impact from the revenue share. */
function churnRisk(ctx: PortfolioFacts, f: AccountFacts): RiskAssessment {
  if (!ctx.portfolio.satisfaction) return omitted("churn", "noColumn");
  if (f.satisfaction !== f.satisfaction) return omitted("churn", "noValue");
  if (!hasShare(f)) return omitted("churn", "noRevenue");
  return {
    kind: "churn",
    likelihood: scaleScore(f.churn, RULE_OF.churn.likelihood as ScaleRule),
    impact: scaleScore(f.share, SHARE_IMPACT),
    exposure: f.churn * f.revenue,
  };
}

/** Likelihood from the revenue share; impact from the profit share (the revenue share without one). */
function dependencyRisk(f: AccountFacts): RiskAssessment {
  if (!hasShare(f)) return omitted("dependency", "noRevenue");
  const rule = RULE_OF.dependency;
  const impact = f.profitShare === f.profitShare ? scaleScore(f.profitShare, rule.impact) : scaleScore(f.share, rule.impact);
  return { kind: "dependency", likelihood: scaleScore(f.share, rule.likelihood as ScaleRule), impact, exposure: f.revenue };
}

/** Likelihood from the margin, impact from the loss as a share of our profit. */
function lossRisk(ctx: PortfolioFacts, f: AccountFacts): RiskAssessment {
  if (!ctx.portfolio.profit) return omitted("loss", "noColumn");
  if (f.profit !== f.profit) return omitted("loss", "noValue");
  const rule = RULE_OF.loss;
  // Without a margin (revenue ≤ 0), or without a positive profit total: 5 for a loss, else 1.
  const fallback = f.profit < 0 ? 5 : 1;
  return {
    kind: "loss",
    likelihood: f.margin === f.margin ? scaleScore(f.margin, rule.likelihood as ScaleRule) : fallback,
    impact: f.profitShare === f.profitShare ? scaleScore(-f.profitShare, rule.impact) : fallback,
    exposure: Math.max(0, -f.profit),
  };
}

/** Likelihood from the change of revenue between the last two periods, impact from the revenue share. */
function declineRisk(ctx: PortfolioFacts, f: AccountFacts): RiskAssessment {
  if (!ctx.portfolio.monthly) return omitted("decline", "noColumn");
  if (!f.trend) return omitted("decline", "oneMonth");
  if (!hasShare(f)) return omitted("decline", "noRevenue");
  const change = f.trend.change;
  return {
    kind: "decline",
    likelihood: change === change ? scaleScore(change, RULE_OF.decline.likelihood as ScaleRule) : 1,
    impact: scaleScore(f.share, SHARE_IMPACT),
    exposure: Math.max(0, f.trend.previous - f.trend.last),
  };
}

/** Likelihood from the rating's row in the credit table, impact from the revenue share. */
function creditRisk(ctx: PortfolioFacts, f: AccountFacts): RiskAssessment {
  if (!ctx.portfolio.credit) return omitted("credit", "noColumn");
  if (f.rating === null) return omitted("credit", "noValue");
  if (!ctx.creditScale) return omitted("credit", "noScale");
  const likelihood = creditLikelihood(ctx.creditScale, f.rating);
  if (!(likelihood > 0)) return omitted("credit", "notOnScale");
  if (!hasShare(f)) return omitted("credit", "noRevenue");
  return { kind: "credit", likelihood, impact: scaleScore(f.share, SHARE_IMPACT), exposure: null };
}

/** Every risk of RISK_RULES for one account, in that order: assessed, or why not. */
export function assessRisks(ctx: PortfolioFacts, f: AccountFacts): RiskAssessment[] {
  return [churnRisk(ctx, f), dependencyRisk(f), lossRisk(ctx, f), declineRisk(ctx, f), creditRisk(ctx, f)];
}
