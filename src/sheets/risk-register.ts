/**
 * The risk register of the key accounts (风险登记表): per account, the risks the sales data
 * can show (seed 000: assess risks up front from weaknesses and threats, each with a
 * countermeasure; seed 001: churn by satisfaction; domain.md §4), each with a likelihood and an
 * impact on 1–5 derived by the rules of RISK_RULES, score = likelihood × impact and its level
 * by RISK_BANDS (KA.RISK), a heat-map colour scale over the scores, and countermeasure, owner
 * and due-date cells for the KA manager. Then the seed's three planning defects as a checklist.
 *
 * Risks the data cannot assess (no satisfaction, profit, date or credit column, or no figure
 * for the account) are left out with a one-line note, never filled with made-up numbers.
 *
 * Layout (columns A–K):
 *   title, subtitle, note
 *   Assumptions and rules: our total revenue (and profit), the dependency threshold (input,
 *     default 10%), the churn table, the likelihood/impact cuts of RISK_RULES, the credit
 *     rating table (when the data has ratings on a known scale), the risk levels
 *   Per account: facts (A label, C value, D note), then
 *     Risk | Basis | Value | Exposure | Likelihood | Impact | Score | Level | Countermeasure | Owner | Due date
 *     notes on risks not assessed, and the count of risks without a countermeasure
 *   Planning defects (seed 000): data checked with the customer; strategy tied to execution
 *     and budget; every risk has a countermeasure (status computed from the counts)
 */
import { creditLikelihood, CreditScaleName, creditTable } from "../engine/credit-rating";
import { Portfolio } from "../engine/portfolio";
import { RISK_BANDS, riskLevelOf, riskScore } from "../engine/risk";
import { Locale, text } from "../strings";
import { requiredDate, SheetOptions } from "./common";
import { a1, a1Range, Cell, extentOf, FormulaCell, SheetModel } from "./model";
import {
  abs,
  churnCell,
  churnOf,
  churnSourceNote,
  churnTableRows,
  FMT,
  fx,
  liveSourceText,
  liveRiskFormula,
  PlanContext,
  preparePlanContext,
  q,
  range,
  riskLevelFormula,
  riskScoreFormula,
  SheetWriter,
  statusValues,
  tierLabel,
  todoText,
  trendOf,
} from "./plan-parts";

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
  /** The likelihood scale, or "credit table" for the rating table (CREDIT_SCALES). */
  readonly likelihood: ScaleRule | "credit table";
  readonly impact: ScaleRule;
  /** What the exposure column holds. */
  readonly exposure: string;
  /** Extra rules beyond the scales (blank values, missing bases). */
  readonly notes: string;
}

/** Impact of losing business: the account's share of our revenue. */
const SHARE_IMPACT: ScaleRule = {
  measure: "the account's share of our revenue (revenue / sum of the positive per-customer revenue)",
  direction: "higher",
  cuts: [0.01, 0.02, 0.05, 0.1],
};

/**
 * The one table of the risk rules: the risk sheet writes these cuts in editable cells and its
 * formulas read them there; the README cites this table. Defaults chosen for this add-in, not
 * findings: only the churn probabilities come from a seed (001, a rule of thumb).
 */
export const RISK_RULES: readonly RiskRule[] = [
  {
    kind: "churn",
    requires: "satisfaction and revenue",
    likelihood: {
      measure: "churn probability = KA.CHURN of the mean satisfaction (seed-001 table: 80/40/20/10/1.5%)",
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
      measure: "the account's share of our profit (profit / sum of the positive per-customer profits); share of revenue without a profit column",
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
    notes: "without a margin (revenue ≤ 0) the likelihood is 5 when the profit is negative, else 1; with no positive profit in the portfolio the impact of a loss is 5",
  },
  {
    kind: "decline",
    requires: "dates (at least 2 months) and revenue",
    likelihood: {
      measure: "change of revenue: last 12 months against the 12 before (with less than 24 months of data: the last k against the k before, k = half the months)",
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

const RULE_OF: Readonly<Record<RiskKind, RiskRule>> = Object.fromEntries(RISK_RULES.map((r) => [r.kind, r])) as Record<RiskKind, RiskRule>;

/** Score 1–5 of a value on a scale (the sheet's formula, in the engine). */
export function scaleScore(x: number, rule: ScaleRule): number {
  let s = 1;
  for (const c of rule.cuts) if (rule.direction === "higher" ? x >= c : x < c) s++;
  return s;
}

export const RISK_REGISTER_KEY = "risk-register";

/**
 * The formula reducing a rating cell to the letters the credit table lists (MATCH ignores
 * case): +/− dropped, and Moody's 1/2/3 too when the data has Moody's ratings.
 */
function ratingLetters(cell: string, moodys: boolean): string {
  const dropped = moodys ? ["+", "-", "1", "2", "3"] : ["+", "-"];
  return dropped.reduce((f, ch) => `SUBSTITUTE(${f},"${ch}","")`, `TRIM(${cell})`);
}

const HEAT = { min: "#63BE7B", mid: "#FFEB84", max: "#F8696B" } as const;
const LEVEL_FILL = ["#C6EFCE", "#FFEB9C", "#FFC7CE", "#FF0000"] as const;
const COLS = 11;
const WIDTHS = [30, 36, 14, 16, 11, 11, 9, 11, 40, 16, 12];

export function buildRiskRegisterSheet(portfolio: Portfolio, customerIds: readonly number[], options: SheetOptions): SheetModel {
  const ctx = preparePlanContext(portfolio);
  const count = portfolio.analysis.customers.count;
  for (const id of customerIds) {
    if (!(Number.isInteger(id) && id >= 0 && id < count)) throw new RangeError(`customer id ${id} is not in the portfolio (0–${count - 1})`);
  }
  return new RegisterBuilder(ctx, options).build(customerIds);
}

/** Where the shared assumption cells are. */
interface Refs {
  total: string;
  profitTotal: string | null;
  threshold: string;
  levels: ReturnType<typeof range>;
  probs: ReturnType<typeof range>;
  /** Row of each rule scale in the rules table (cuts in columns D–G). */
  scaleRow: Map<string, number>;
  credit: { ratings: string; likelihoods: string; scale: CreditScaleName; moodys: boolean } | null;
}

interface Facts {
  rev: string | null;
  revV: number;
  share: string | null;
  shareV: number;
  profit: string | null;
  profitV: number;
  margin: string | null;
  marginV: number;
  profitShare: string | null;
  profitShareV: number;
  churn: string | null;
  churnV: number;
  last: string | null;
  prev: string | null;
  change: string | null;
  trend: { last: number; previous: number; change: number } | null;
  rating: string | null;
  ratingV: string | null;
}

class RegisterBuilder {
  private readonly w = new SheetWriter();
  private readonly loc: Locale;
  private readonly p: Portfolio;
  private readonly live: boolean;
  private readonly statuses: string[];
  /** The generation date (options.generated). */
  private readonly date: string;

  constructor(
    private readonly ctx: PlanContext,
    private readonly options: SheetOptions,
  ) {
    this.loc = options.locale;
    this.date = requiredDate(options, "risk register");
    this.p = ctx.portfolio;
    this.live = options.live !== undefined;
    this.statuses = statusValues(this.loc);
  }

  private t(key: string, args?: Record<string, string | number>): string {
    return text(this.loc, `sheet.risk.${key}`, args);
  }

  build(ids: readonly number[]): SheetModel {
    const w = this.w;
    w.line([this.t("title")], "title");
    w.line([this.t("subtitle", { date: this.date, n: ids.length, measure: this.p.measureName })], "subtitle");
    const source = liveSourceText(this.options.live);
    w.line([this.live ? text(this.loc, "sheet.plan.liveNote", { source: source ?? this.p.measureName }) : text(this.loc, "sheet.plan.portableNote")], "note");
    const refs = this.assumptions();
    const countCells: { ref: string; v: number }[] = [];
    const scoreRows: number[] = [];
    ids.forEach((id, i) => this.account(id, i + 1, refs, countCells, scoreRows));
    if (ids.length === 0) {
      w.skip();
      w.line([this.t("noAccounts")], "note");
    }
    if (scoreRows.length) {
      const { min: lo, max: hi } = extentOf(scoreRows)!;
      w.conditionalFormats.push({ kind: "colorScale", range: range(lo, 6, hi - lo + 1, 1), ...HEAT });
      RISK_BANDS.forEach((b, k) => {
        w.conditionalFormats.push({ kind: "textEquals", range: range(lo, 7, hi - lo + 1, 1), text: text(this.loc, b.key), fill: LEVEL_FILL[k], ...(k === 3 ? { font: "#FFFFFF" } : {}) });
      });
    }
    this.defects(countCells);
    return w.model(RISK_REGISTER_KEY, this.t("sheetName"), {
      columnWidths: WIDTHS,
      freeze: { rows: 1, cols: 0 },
      // Eleven columns: landscape pages, one page wide.
      print: { landscape: true, fitToWidth: 1, fitToHeight: 0 },
    });
  }

  private section(label: string): number {
    this.w.skip();
    const r = this.w.line([label], "section");
    this.w.merges.push(range(r, 0, 1, COLS));
    return r;
  }

  /** A label | · | value | note row. */
  private fact(label: string, value: Cell, format: string | null, note?: Cell, style: "body" | "input" = "body"): number {
    const r = this.w.line([label], "body");
    this.w.cell(r, 2, value, style, format);
    if (note !== undefined && note !== null) this.w.cell(r, 3, note, "note");
    return r;
  }

  // Assumptions and rules ---------------------------------------------------------------------

  private assumptions(): Refs {
    const { w, ctx, loc } = this;
    this.section(this.t("section.assumptions"));
    const revLabel = ctx.measureAsRevenue ?? text(loc, "sheet.plan.overview.revenue");
    const totalRow = this.fact(this.t("total", { column: revLabel }), ctx.revenueTotal, FMT.money, text(loc, "sheet.plan.overview.totalNote", { n: ctx.revenueCustomers, column: revLabel }));
    let profitTotal: string | null = null;
    if (this.p.profit) {
      const r = this.fact(this.t("profitTotal"), ctx.profitTotal, FMT.money, this.t("profitTotalNote", { n: ctx.profitCustomers }));
      profitTotal = abs(r, 2);
    }
    const thrRow = this.fact(this.t("threshold"), 0.1, FMT.pct0, this.t("thresholdNote"), "input");
    w.name("DependencyThreshold", range(thrRow, 2));

    w.skip();
    w.line([text(loc, "sheet.plan.assumptions.churn")], "subtitle");
    w.header([text(loc, "sheet.plan.assumptions.level"), text(loc, "sheet.plan.assumptions.satisfaction"), text(loc, "sheet.plan.assumptions.probability")]);
    const first = w.row;
    const rows = churnTableRows(loc);
    w.put(first, 0, rows.map((r) => [r[0]]), "body");
    w.put(first, 1, rows.map((r) => [r[1], r[2]]), "input", [FMT.int, FMT.pct]);
    w.row = first + rows.length;
    w.line([churnSourceNote(loc)], "note");
    w.name("ChurnTable", range(first, 1, rows.length, 2));

    w.skip();
    w.line([this.t("rules.title")], "subtitle");
    w.header(["risk", "scale", "direction", "cut2", "cut3", "cut4", "cut5"].map((k) => this.t(`rules.${k}`)));
    const scaleRow = new Map<string, number>();
    const rulesFirst = w.row;
    for (const rule of RISK_RULES) {
      const scales: [string, ScaleRule][] = [];
      if (rule.likelihood !== "credit table") scales.push(["likelihood", rule.likelihood]);
      scales.push(["impact", rule.impact]);
      for (const [axis, s] of scales) {
        const r = w.line([this.t(`kind.${rule.kind}`), this.t(`rules.${rule.kind}.${axis}`), this.t(`rules.${s.direction}`)], "body", undefined, 0, true);
        w.put(r, 3, [[...s.cuts]], "input", s.cuts.map(() => FMT.pct));
        scaleRow.set(`${rule.kind}.${axis}`, r);
      }
    }
    w.name("RiskRules", range(rulesFirst, 3, w.row - rulesFirst, 4));
    w.line([this.t("rules.note")], "note");
    w.line([this.t("rules.special")], "note");

    let credit: Refs["credit"] = null;
    const scale = ctx.creditScale;
    if (scale) {
      w.skip();
      w.line([this.t("credit.title", { scale: this.t(`credit.scale.${scale}`) })], "subtitle");
      w.header([this.t("credit.rating"), this.t("credit.likelihood")]);
      const cf = w.row;
      const table = creditTable(scale, ctx.creditMoodys);
      w.put(cf, 0, table.map((e) => [e.rating]), "body");
      w.put(cf, 1, table.map((e) => [e.likelihood]), "input", [FMT.int]);
      w.row = cf + table.length;
      w.line([this.t(ctx.creditMoodys ? "credit.noteMoodys" : "credit.note")], "note");
      w.name("CreditTable", range(cf, 0, table.length, 2));
      credit = { ratings: a1Range(range(cf, 0, table.length, 1), true), likelihoods: a1Range(range(cf, 1, table.length, 1), true), scale, moodys: ctx.creditMoodys };
    }

    w.skip();
    w.line([this.t("levels.title")], "subtitle");
    w.header([this.t("levels.level"), this.t("levels.from"), this.t("levels.below"), this.t("levels.grid")]);
    for (const b of RISK_BANDS) {
      const r = w.line([text(loc, b.key)], "body");
      w.put(r, 1, [[b.from, b.below === Infinity ? "—" : b.below, b.gridScores.join(", ")]], "body", undefined, false, ["center", "center", null]);
    }
    return {
      total: abs(totalRow, 2),
      profitTotal,
      threshold: abs(thrRow, 2),
      levels: range(first, 1, rows.length, 1),
      probs: range(first, 2, rows.length, 1),
      scaleRow,
      credit,
    };
  }

  // One account -------------------------------------------------------------------------------

  private account(id: number, n: number, refs: Refs, countCells: { ref: string; v: number }[], scoreRows: number[]): void {
    const { w, p, ctx, loc } = this;
    const name = p.analysis.customers.names[id] || `#${id + 1}`;
    this.section(this.t("account", { n, name }));
    const pos = ctx.rankPosition[id];
    const info = [
      this.t("info.tier", { tier: tierLabel(ctx, id, loc) }),
      pos >= 0 ? this.t("info.rank", { rank: p.analysis.ranking.ranks[pos], n: ctx.ranked }) : null,
      p.manager?.[id] ? this.t("info.manager", { manager: p.manager[id]! }) : null,
    ].filter((x): x is string => x !== null);
    w.line([info.join(" · ")], "note");

    const f = this.facts(id, refs);
    const notes: string[] = [];
    const head = w.header(["risk", "basis", "value", "exposure", "likelihood", "impact", "score", "level", "countermeasure", "owner", "due"].map((k) => this.t(`col.${k}`)));
    const first = head + 1;
    const cut = (key: string, k: number) => abs(refs.scaleRow.get(key)!, 3 + k);
    const scale = (x: string, key: string, rule: ScaleRule) =>
      `1+${rule.cuts.map((_, k) => `(${x}${rule.direction === "higher" ? ">=" : "<"}${cut(key, k)})`).join("+")}`;
    const noRevenue = this.t("omit.noRevenue");
    type Row = { kind: RiskKind; value: Cell; format: string | null; exposure: Cell; l: FormulaCell; lV: number; i: FormulaCell; iV: number; basis: string };
    const rows: Row[] = [];
    const shareImpact = (key: string): { f: string; v: number } => ({ f: scale(f.share!, key, SHARE_IMPACT), v: scaleScore(f.shareV, SHARE_IMPACT) });

    // Churn
    const churnRule = RULE_OF.churn.likelihood as ScaleRule;
    if (!p.satisfaction) notes.push(this.t("omit.churn.noColumn"));
    else if (!f.churn) notes.push(this.t("omit.churn.noValue"));
    else if (!f.share) notes.push(`${this.t("kind.churn")}: ${noRevenue}`);
    else {
      const lV = scaleScore(f.churnV, churnRule);
      const imp = shareImpact("churn.impact");
      rows.push({
        kind: "churn",
        basis: this.t("basis.churn"),
        value: fx(f.churn, f.churnV),
        format: FMT.pct,
        exposure: fx(`${f.churn}*${f.rev}`, f.churnV * f.revV),
        l: fx(scale(f.churn, "churn.likelihood", churnRule), lV),
        lV,
        i: fx(imp.f, imp.v),
        iV: imp.v,
      });
    }
    // Dependency
    if (!f.share) notes.push(`${this.t("kind.dependency")}: ${noRevenue}`);
    else {
      const rule = RULE_OF.dependency;
      const lRule = rule.likelihood as ScaleRule;
      const lV = scaleScore(f.shareV, lRule);
      const byProfit = f.profitShare !== null;
      const x = byProfit ? f.profitShare! : f.share;
      const xV = byProfit ? f.profitShareV : f.shareV;
      const iV = byProfit && xV === xV ? scaleScore(xV, rule.impact) : scaleScore(f.shareV, rule.impact);
      rows.push({
        kind: "dependency",
        basis: byProfit ? this.t("basis.dependencyProfit") : this.t("basis.dependency"),
        value: fx(f.share, f.shareV),
        format: FMT.pct,
        exposure: fx(f.rev!, f.revV),
        l: fx(scale(f.share, "dependency.likelihood", lRule), lV),
        lV,
        i: fx(byProfit ? `IF(${x}="",${scale(f.share, "dependency.impact", rule.impact)},${scale(x, "dependency.impact", rule.impact)})` : scale(x, "dependency.impact", rule.impact), iV),
        iV,
      });
    }
    // Loss-making business
    if (!p.profit) notes.push(this.t("omit.loss.noColumn"));
    else if (!f.profit) notes.push(this.t("omit.loss.noValue"));
    else {
      const rule = RULE_OF.loss;
      const lRule = rule.likelihood as ScaleRule;
      const fallback = `IF(${f.profit}<0,5,1)`;
      const fallbackV = f.profitV < 0 ? 5 : 1;
      let l: FormulaCell;
      let lV: number;
      if (f.margin) {
        lV = f.marginV === f.marginV ? scaleScore(f.marginV, lRule) : fallbackV;
        l = fx(`IF(${f.margin}="",${fallback},${scale(f.margin, "loss.likelihood", lRule)})`, lV);
      } else {
        lV = fallbackV;
        l = fx(fallback, lV);
      }
      // Impact: −(share of our profit); without a positive profit total, a loss is 5.
      let i: FormulaCell;
      let iV: number;
      if (f.profitShare) {
        const lossShare = f.profitShareV === f.profitShareV ? -f.profitShareV : NaN;
        iV = lossShare === lossShare ? scaleScore(lossShare, rule.impact) : fallbackV;
        i = fx(`IF(${f.profitShare}="",${fallback},${scale(`-${f.profitShare}`, "loss.impact", rule.impact)})`, iV);
      } else {
        iV = fallbackV;
        i = fx(fallback, iV);
      }
      rows.push({
        kind: "loss",
        basis: this.t("basis.loss"),
        value: f.margin ? fx(f.margin, f.marginV === f.marginV ? f.marginV : "") : fx(f.profit, f.profitV),
        format: f.margin ? FMT.pct : FMT.money,
        exposure: fx(`MAX(0,-${f.profit})`, Math.max(0, -f.profitV)),
        l,
        lV,
        i,
        iV,
      });
    }
    // Shrinking business
    if (!p.monthly) notes.push(this.t("omit.decline.noColumn"));
    else if (!f.trend) notes.push(this.t("omit.decline.oneMonth", { n: p.monthly.labels.length }));
    else if (!f.share) notes.push(`${this.t("kind.decline")}: ${noRevenue}`);
    else {
      const lRule = RULE_OF.decline.likelihood as ScaleRule;
      const chg = f.trend.change;
      const lV = chg === chg ? scaleScore(chg, lRule) : 1;
      const imp = shareImpact("decline.impact");
      rows.push({
        kind: "decline",
        basis: ctx.period === 12 ? this.t("basis.decline12") : this.t("basis.declineK", { k: ctx.period }),
        value: fx(f.change!, chg),
        format: FMT.pct,
        exposure: fx(`MAX(0,${f.prev}-${f.last})`, Math.max(0, f.trend.previous - f.trend.last)),
        l: fx(`IF(${f.change}="",1,${scale(f.change!, "decline.likelihood", lRule)})`, lV),
        lV,
        i: fx(imp.f, imp.v),
        iV: imp.v,
      });
    }
    // Credit rating
    if (!p.credit) notes.push(this.t("omit.credit.noColumn"));
    else if (!f.rating || f.ratingV === null) notes.push(this.t("omit.credit.noValue"));
    else if (!refs.credit) notes.push(this.t("omit.credit.noScale"));
    else if (!(creditLikelihood(refs.credit.scale, f.ratingV) > 0)) notes.push(this.t("omit.credit.notOnScale", { rating: f.ratingV }));
    else if (!f.share) notes.push(`${this.t("kind.credit")}: ${noRevenue}`);
    else {
      const lV = creditLikelihood(refs.credit.scale, f.ratingV);
      const imp = shareImpact("credit.impact");
      rows.push({
        kind: "credit",
        basis: this.t("basis.credit"),
        value: fx(f.rating, f.ratingV),
        format: null,
        exposure: null,
        l: fx(`IFERROR(INDEX(${refs.credit.likelihoods},MATCH(${ratingLetters(f.rating, refs.credit.moodys)},${refs.credit.ratings},0)),"")`, lV),
        lV,
        i: fx(imp.f, imp.v),
        iV: imp.v,
      });
    }

    const todo = todoText(loc);
    rows.forEach((row, k) => {
      const r = first + k;
      const L = a1(r, 4);
      const I = a1(r, 5);
      const score = riskScore(row.lV, row.iV);
      const level = text(loc, RISK_BANDS[riskLevelOf(score)].key);
      w.put(r, 0, [[this.t(`kind.${row.kind}`), row.basis]], "body", undefined, true);
      w.cell(r, 2, row.value, "body", row.format);
      w.cell(r, 3, row.exposure, "body", FMT.money);
      w.put(r, 4, [[row.l, row.i]], "body", [FMT.int, FMT.int], false, ["center", "center"]);
      const G = a1(r, 6);
      const scoreCell = fx(this.live ? liveRiskFormula(L, I, loc, 1) : riskScoreFormula(L, I), score);
      w.put(r, 6, [[scoreCell, fx(this.live ? liveRiskFormula(L, I, loc, 2) : riskLevelFormula(G, loc), level)]], "body", [FMT.int, null], false, ["center", "center"]);
      w.cell(r, 8, todo, "todo");
      w.put(r, 9, [[null, null]], "input", [null, FMT.date]);
      scoreRows.push(r);
    });
    w.row = first + rows.length;
    if (rows.length === 0) w.line([this.t("noRisks")], "note");
    for (const note of notes) w.line([note], "note");
    if (rows.length) {
      const mit = a1Range(range(first, 8, rows.length, 1));
      const r = this.fact(this.t("open"), fx(`COUNTBLANK(${mit})+COUNTIF(${mit},${q(todo)})`, rows.length), FMT.int, this.t("openNote"));
      countCells.push({ ref: a1(r, 2), v: rows.length });
    }
  }

  /** The account's figures as value cells (and the formulas computed from them). */
  private facts(id: number, refs: Refs): Facts {
    const { p, ctx, loc } = this;
    const f: Facts = {
      rev: null, revV: NaN, share: null, shareV: NaN, profit: null, profitV: NaN, margin: null, marginV: NaN,
      profitShare: null, profitShareV: NaN, churn: null, churnV: NaN, last: null, prev: null, change: null,
      trend: null, rating: null, ratingV: null,
    };
    const revLabel = ctx.measureAsRevenue ?? text(loc, "sheet.plan.overview.revenue");
    const rev = ctx.revenue[id];
    if (rev === rev) {
      const r = this.fact(revLabel, rev, FMT.money);
      f.rev = a1(r, 2);
      f.revV = rev;
      const shareV = ctx.revenueTotal > 0 ? rev / ctx.revenueTotal : NaN;
      const sr = this.w.row;
      const flagV = shareV > 0.1 ? this.t("flag") : "";
      this.fact(
        text(loc, "sheet.plan.overview.share"),
        fx(`IF(${refs.total}>0,${f.rev}/${refs.total},"")`, shareV),
        FMT.pct,
        fx(`IF(${a1(sr, 2)}="","",IF(${a1(sr, 2)}>${refs.threshold},${q(this.t("flag"))},""))`, shareV === shareV ? flagV : ""),
      );
      if (shareV === shareV) {
        f.share = a1(sr, 2);
        f.shareV = shareV;
      }
    } else {
      this.fact(revLabel, "—", null, text(loc, "sheet.plan.overview.noRevenue"));
    }
    if (p.profit) {
      const pr = p.profit[id];
      if (pr === pr) {
        const r = this.fact(text(loc, "sheet.plan.overview.profit"), pr, FMT.money, pr < 0 ? text(loc, "sheet.plan.overview.lossMaking") : undefined);
        f.profit = a1(r, 2);
        f.profitV = pr;
        if (f.rev) {
          const mV = rev > 0 ? pr / rev : NaN;
          const mr = this.fact(text(loc, "sheet.plan.overview.margin"), fx(`IF(${f.rev}>0,${f.profit}/${f.rev},"")`, mV), FMT.pct);
          f.margin = a1(mr, 2);
          f.marginV = mV;
        }
        const psV = ctx.profitTotal > 0 ? pr / ctx.profitTotal : NaN;
        const psr = this.fact(this.t("profitShare"), fx(`IF(${refs.profitTotal}>0,${f.profit}/${refs.profitTotal},"")`, psV), FMT.pct);
        f.profitShare = a1(psr, 2);
        f.profitShareV = psV;
      } else {
        this.fact(text(loc, "sheet.plan.overview.profit"), "—", null, text(loc, "sheet.plan.overview.noProfit"));
      }
    }
    if (p.satisfaction) {
      const s = p.satisfaction[id];
      if (s === s) {
        const sr = this.fact(text(loc, "sheet.plan.overview.satisfaction"), s, FMT.sat, text(loc, "sheet.plan.overview.satisfactionNote"));
        const cV = churnOf(ctx, id);
        const cr = this.fact(text(loc, "sheet.plan.overview.churn"), churnCell(a1(sr, 2), refs.levels, refs.probs, this.live, cV), FMT.pct, this.t("churnNote"));
        f.churn = a1(cr, 2);
        f.churnV = cV;
      } else {
        this.fact(text(loc, "sheet.plan.overview.satisfaction"), "—", null, text(loc, "sheet.plan.overview.noSatisfaction"));
      }
    }
    const tr = trendOf(ctx, id);
    if (tr) {
      const k = ctx.period;
      const lr = this.fact(k === 12 ? text(loc, "sheet.plan.overview.last12") : text(loc, "sheet.plan.overview.lastK", { k }), tr.last, FMT.money, this.t("periodNote"));
      const pr = this.fact(k === 12 ? text(loc, "sheet.plan.overview.prev12") : text(loc, "sheet.plan.overview.prevK", { k }), tr.previous, FMT.money);
      f.last = a1(lr, 2);
      f.prev = a1(pr, 2);
      const cr = this.fact(text(loc, "sheet.plan.overview.change"), fx(`IF(${f.prev}>0,${f.last}/${f.prev}-1,"")`, tr.change), FMT.pct, tr.previous > 0 ? undefined : text(loc, "sheet.plan.overview.noBase"));
      f.change = a1(cr, 2);
      f.trend = tr;
    }
    if (p.credit) {
      const rating = p.credit[id];
      if (rating) {
        const r = this.fact(text(loc, "sheet.plan.overview.credit"), rating, null);
        f.rating = a1(r, 2);
        f.ratingV = rating;
      } else {
        this.fact(text(loc, "sheet.plan.overview.credit"), "—", null, text(loc, "sheet.plan.overview.noCredit"));
      }
    }
    return f;
  }

  // Planning defects ---------------------------------------------------------------------------

  private defects(countCells: { ref: string; v: number }[]): void {
    const { w, loc } = this;
    this.section(this.t("section.defects"));
    w.header(["defect", "check", "status", "note"].map((k) => this.t(`defects.${k}`)));
    const first = w.row;
    for (const k of ["data", "strategy"]) {
      const r = w.line([this.t(`defects.${k}`), this.t(`defects.${k}.check`)], "body", undefined, 0, true);
      w.cell(r, 2, null, "input");
      w.cell(r, 3, null, "input");
    }
    w.validate(range(first, 2, 2, 1), this.statuses);
    const r = w.line([this.t("defects.risk"), this.t("defects.risk.check")], "body", undefined, 0, true);
    const total = countCells.reduce((s, c) => s + c.v, 0);
    const done = this.statuses[2];
    const [before, after] = this.t("defects.open").split("{n}");
    const v = total === 0 ? done : `${before}${total}${after ?? ""}`;
    const nExpr = countCells.length ? countCells.map((c) => c.ref).join("+") : "0";
    if (nExpr.length < 7000) {
      w.cell(r, 2, fx(`IF(${nExpr}=0,${q(done)},${q(before)}&(${nExpr})&${q(after ?? "")})`, v), "body");
      w.cell(r, 3, this.t("defects.risk.note"), "note");
    } else {
      // Beyond Excel's formula length: the per-account counts above still say it.
      w.cell(r, 2, null, "input");
      w.cell(r, 3, this.t("defects.risk.manual"), "note");
      w.validate(range(r, 2), this.statuses);
    }
    w.line([this.t("defects.footer")], "note");
  }
}
