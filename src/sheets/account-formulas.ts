/**
 * Formulas and labels the account plan and the risk register share: churn by interpolation in
 * the on-sheet table (or KA.CHURN), risk score and level (or KA.RISK), status lists, the
 * placeholder text, tier and quadrant labels, and the plan's sheet key.
 */
import { PortfolioFacts } from "../engine/account-facts";
import { DEFAULT_CHURN_LEVELS } from "../engine/churn";
import { customerKey } from "../engine/input/customer-vector";
import { QuadrantName } from "../engine/matrix";
import { RISK_BANDS } from "../engine/risk";
import { TIER_LOSS, TIER_NONE } from "../engine/tiers";
import { list, Locale, text } from "../strings";
import { a1Range, Cell, FormulaCell, RangeRef } from "./model";
import { fx } from "./sheet-builder";
import { quoted } from "./formula-text";

export function tierLabel(ctx: PortfolioFacts, id: number, locale: Locale): string {
  const code = ctx.portfolio.analysis.tiers.tiers[id];
  if (code === TIER_LOSS) return text(locale, "tier.loss");
  if (code === TIER_NONE) return "—";
  return ctx.portfolio.analysis.spec.labels[code] ?? "—";
}

export function quadrantLabel(locale: Locale, qn: QuadrantName): string {
  return list(locale, `matrix.${qn}`)[0];
}

// ---------------------------------------------------------------------------------------------
// Formula builders

/**
 * Churn probability by linear interpolation in an on-sheet table (levels ascending in
 * `levels`, probabilities in `probs`), exactly as KA.CHURN computes it:
 * p(k) + (s − level(k)) / (level(k+1) − level(k)) × (p(k+1) − p(k)), k = MATCH(s, levels, 1).
 */
function churnInterpolation(s: string, levels: RangeRef, probs: RangeRef): string {
  const L = a1Range(levels, true);
  const P = a1Range(probs, true);
  const k = `MATCH(${s},${L},1)`;
  const lk = `INDEX(${L},${k})`;
  const pk = `INDEX(${P},${k})`;
  return `IF(${s}="","",IF(${s}=${lk},${pk},${pk}+(${s}-${lk})/(INDEX(${L},${k}+1)-${lk})*(INDEX(${P},${k}+1)-${pk})))`;
}

/** The churn formula of a sheet: native interpolation, or KA.CHURN in live mode. */
export function churnCell(s: string, levels: RangeRef, probs: RangeRef, live: boolean, v: number): FormulaCell {
  const table: RangeRef = { row: levels.row, col: levels.col, rows: levels.rows, cols: 2 };
  return fx(live ? `KA.CHURN(${s},${a1Range(table, true)})` : churnInterpolation(s, levels, probs), v);
}

/** The default churn table rows: level name, level, probability. */
export function churnTableRows(locale: Locale): Cell[][] {
  return DEFAULT_CHURN_LEVELS.map((d) => [locale === "zh" ? d.zh[0] : capitalise(d.en[0]), d.level, d.probability]);
}

/** The churn table's source note (the engine's CHURN_SOURCE, in the user's words). */
export function churnSourceNote(locale: Locale): string {
  return text(locale, "sheet.plan.churn.source");
}

/** Risk level of a score by RISK_BANDS: nested IFs from the highest band down. */
export function riskLevelFormula(score: string, locale: Locale): string {
  let expr = quoted(text(locale, RISK_BANDS[0].key));
  for (const b of RISK_BANDS.slice(1)) expr = `IF(${score}>=${b.from},${quoted(text(locale, b.key))},${expr})`;
  return `IF(${score}="","",${expr})`;
}

/** Score = likelihood × impact, rounded as KA.RISK rounds (10 decimals). */
export function riskScoreFormula(l: string, i: string): string {
  return `IF(OR(${l}="",${i}=""),"",ROUND(${l}*${i},10))`;
}

export function liveRiskFormula(l: string, i: string, locale: Locale, column: 1 | 2): string {
  return `INDEX(KA.RISK(${l},${i},${quoted(locale)}),1,${column})`;
}

/** Status values of checklists and actions. */
export function statusValues(locale: Locale): string[] {
  return ["notStarted", "inProgress", "done", "blocked"].map((k) => text(locale, `sheet.plan.status.${k}`));
}

export function todoText(locale: Locale): string {
  return text(locale, "sheet.plan.todo");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Month label plus n months ("2025-12" + 1 → "2026-01"). */
export function addMonths(label: string, n: number): string {
  const y = Number(label.slice(0, 4));
  const m = Number(label.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = (((m % 12) + 12) % 12) + 1;
  return `${yy}-${mm < 10 ? "0" : ""}${mm}`;
}

/** The sheet key of a customer's plan: its name as customers are matched (trimmed, lower case). */
export function planKey(name: string, id: number): string {
  const k = customerKey(name);
  return k === "" ? `plan:#${id}` : `plan:${k}`;
}
