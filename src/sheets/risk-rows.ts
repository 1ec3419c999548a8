/**
 * The rows of the risk register's risk tables: for each assessed risk (engine/risk-rules.ts),
 * the formulas over the account's fact cells and the rules table's cut cells that give the
 * engine's likelihood, impact and exposure, and the basis and value shown beside them.
 */
import { AccountFacts } from "../engine/account-facts";
import { CreditScaleName } from "../engine/credit-rating";
import { riskScore } from "../engine/risk";
import { RiskAssessment, RiskKind, RULE_OF, ScaleRule, SHARE_IMPACT } from "../engine/risk-rules";
import { Cell, FormulaCell, RangeRef } from "./model";
import { abs, FORMAT, fx, orBlank } from "./sheet-builder";

export type AssessedRisk = Extract<RiskAssessment, { likelihood: number }>;

/** What the rows need from the sheet: its words, and the months per compared period. */
export interface RiskWords {
  readonly t: (key: string, args?: Record<string, string | number>) => string;
  readonly period: number;
}

/** Where the shared assumption cells are. */
export interface RiskRefs {
  total: string;
  profitTotal: string | null;
  threshold: string;
  levels: RangeRef;
  probs: RangeRef;
  /** Row of each rule scale in the rules table (cuts in columns D–G). */
  scaleRow: Map<string, number>;
  credit: { ratings: string; likelihoods: string; scale: CreditScaleName; moodys: boolean } | null;
}

/** Cells of the account's figures (A1, relative) that the risk formulas read; null when not written. */
export interface FactCells {
  revenue: string | null;
  share: string | null;
  profit: string | null;
  margin: string | null;
  profitShare: string | null;
  churn: string | null;
  last: string | null;
  previous: string | null;
  change: string | null;
  rating: string | null;
}

/** What a risk row shows besides its scores: the formulas giving the assessment's values. */
export interface RiskRow {
  readonly kind: RiskKind;
  readonly basis: string;
  readonly value: Cell;
  readonly format: string | null;
  readonly exposure: Cell;
  readonly likelihood: FormulaCell;
  readonly impact: FormulaCell;
  readonly score: number;
}

/**
 * The formula reducing a rating cell to the letters the credit table lists (MATCH ignores
 * case): +/− dropped, and Moody's 1/2/3 too when the data has Moody's ratings.
 */
function ratingLetters(cell: string, moodys: boolean): string {
  const dropped = moodys ? ["+", "-", "1", "2", "3"] : ["+", "-"];
  return dropped.reduce((f, ch) => `SUBSTITUTE(${f},"${ch}","")`, `TRIM(${cell})`);
}

/** A scale rule as a formula over the rules table's cut cells: 1 + the cuts reached. */
function scaleFormula(x: string, key: string, rule: ScaleRule, refs: RiskRefs): string {
  const row = refs.scaleRow.get(key);
  if (row === undefined) throw new Error(`risk register: no rules row for ${key}`);
  return `1+${rule.cuts.map((_, k) => `(${x}${rule.direction === "higher" ? ">=" : "<"}${abs(row, 3 + k)})`).join("+")}`;
}

/** The formulas of an assessed risk, with the engine's values. */
export function riskRow(risk: AssessedRisk, facts: AccountFacts, cells: FactCells, refs: RiskRefs, words: RiskWords): RiskRow {
  const share = cells.share ?? "";
  const revenue = cells.revenue ?? "";
  const score = riskScore(risk.likelihood, risk.impact);
  const shareImpact = (kind: RiskKind) => fx(scaleFormula(share, `${kind}.impact`, SHARE_IMPACT, refs), risk.impact);
  const common = { kind: risk.kind, score };
  switch (risk.kind) {
    case "churn": {
      const churn = cells.churn ?? "";
      return {
        ...common,
        basis: words.t("basis.churn"),
        value: fx(churn, facts.churn),
        format: FORMAT.percent,
        exposure: fx(`${churn}*${revenue}`, risk.exposure),
        likelihood: fx(scaleFormula(churn, "churn.likelihood", RULE_OF.churn.likelihood as ScaleRule, refs), risk.likelihood),
        impact: shareImpact("churn"),
      };
    }
    case "dependency": {
      const rule = RULE_OF.dependency;
      const byShare = scaleFormula(share, "dependency.impact", rule.impact, refs);
      const profitShare = cells.profitShare;
      return {
        ...common,
        basis: profitShare !== null ? words.t("basis.dependencyProfit") : words.t("basis.dependency"),
        value: fx(share, facts.share),
        format: FORMAT.percent,
        exposure: fx(revenue, risk.exposure),
        likelihood: fx(scaleFormula(share, "dependency.likelihood", rule.likelihood as ScaleRule, refs), risk.likelihood),
        impact: fx(
          profitShare !== null
            ? `IF(${profitShare}="",${byShare},${scaleFormula(profitShare, "dependency.impact", rule.impact, refs)})`
            : byShare,
          risk.impact,
        ),
      };
    }
    case "loss": {
      const rule = RULE_OF.loss;
      const profit = cells.profit ?? "";
      const fallback = `IF(${profit}<0,5,1)`;
      const { margin, profitShare } = cells;
      return {
        ...common,
        basis: words.t("basis.loss"),
        value: margin !== null ? fx(margin, orBlank(facts.margin)) : fx(profit, facts.profit),
        format: margin !== null ? FORMAT.percent : FORMAT.wholeMoney,
        exposure: fx(`MAX(0,-${profit})`, risk.exposure),
        likelihood: fx(
          margin !== null
            ? `IF(${margin}="",${fallback},${scaleFormula(margin, "loss.likelihood", rule.likelihood as ScaleRule, refs)})`
            : fallback,
          risk.likelihood,
        ),
        // Impact: −(share of our profit); without a positive profit total, a loss is 5.
        impact: fx(
          profitShare !== null
            ? `IF(${profitShare}="",${fallback},${scaleFormula(`-${profitShare}`, "loss.impact", rule.impact, refs)})`
            : fallback,
          risk.impact,
        ),
      };
    }
    case "decline": {
      const change = cells.change ?? "";
      return {
        ...common,
        basis: words.period === 12 ? words.t("basis.decline12") : words.t("basis.declineK", { k: words.period }),
        value: fx(change, orBlank(facts.trend?.change ?? NaN)),
        format: FORMAT.percent,
        exposure: fx(`MAX(0,${cells.previous}-${cells.last})`, risk.exposure),
        likelihood: fx(
          `IF(${change}="",1,${scaleFormula(change, "decline.likelihood", RULE_OF.decline.likelihood as ScaleRule, refs)})`,
          risk.likelihood,
        ),
        impact: shareImpact("decline"),
      };
    }
    case "credit": {
      const rating = cells.rating ?? "";
      const table = refs.credit;
      if (!table) throw new Error("risk register: a credit risk without the credit table");
      return {
        ...common,
        basis: words.t("basis.credit"),
        value: fx(rating, facts.rating),
        format: null,
        exposure: null,
        likelihood: fx(
          `IFERROR(INDEX(${table.likelihoods},MATCH(${ratingLetters(rating, table.moodys)},${table.ratings},0)),"")`,
          risk.likelihood,
        ),
        impact: shareImpact("credit"),
      };
    }
  }
}
