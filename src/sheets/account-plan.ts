/**
 * The key account plan (关键客户计划) of one account, after seed 000 (Cranfield: the plan's
 * contents, the eight planning stages, customer involvement), seed 001 (quantified growth
 * objectives, value proposition, opportunity buckets) and seed 004 (the KA team).
 *
 * What the data can fill is filled (figures, tier, quadrant, trend, churn probability, SWOT
 * hints); everything else is an "input" cell (a value to enter) or a "todo" cell holding the
 * placeholder "✎ To be written by the KA manager": nothing is invented. Computed figures are
 * native formulas over value cells of the same sheet, with the engine's value beside them;
 * live mode writes KA.CHURN / KA.PRIORITY instead of their native equivalents.
 *
 * Layout (columns A–G; A labels, B values, C notes), sections in order:
 *   1 Account (name, KA manager, planning period, tier, portfolio quadrant, region)
 *   2 Overview from the data (revenue, profit, margin, our total, share, rank, satisfaction,
 *     churn probability, credit rating, sales effort, last vs previous period, monthly table)
 *   3 Customer needs and value proposition (price, quality, delivery, terms, service, payment)
 *   4 Objectives for the growth levers (baseline, target, change, owner, due date)
 *   5 Opportunities (size × likelihood → bucket; cuts in input cells)
 *   6 Action plan (owner role and status from lists)
 *   7 KA team (six roles of seed 004)
 *   8 Customer involvement and review cadence
 *   9 The eight planning stages (status from a list)
 *  10 SWOT with data-driven hints
 *  11 Assumptions: the churn-by-satisfaction table (editable default)
 */
import { accountFacts, churnOf, PortfolioFacts, preparePortfolioFacts, quadrantName, trendOf } from "../engine/account-facts";
import { Portfolio } from "../engine/portfolio";
import { swotHints, SwotHint } from "../engine/swot";
import { Locale, text } from "../strings";
import { FORMAT, fx, orBlank, range, SheetBuilder } from "./sheet-builder";
import { liveSourceText, requiredDate, SheetOptions } from "./sheet-options";
import { decimalText, moneyText, percentHintText, signedPercentText } from "./number-text";
import { textWidth } from "./text-metrics";
import { a1, Cell, SheetModel } from "./model";
import { addMonths, churnCell, churnSourceNote, churnTableRows, planKey, quadrantLabel, tierLabel, todoText } from "./account-formulas";

import { actionPlan, actionPlanRoles, involvement, needs, objectives, opportunities, PLAN_COLUMNS, stages, team } from "./plan-sections";

export { OPPORTUNITY_ROWS } from "./plan-sections";

export type PlanSelection = "first-tier" | { readonly top: number } | { readonly names: readonly string[] };

/** Rows per SWOT box (more when the data gives more hints: one row is always left to write). */
const SWOT_ROWS = 5;

/**
 * At most this many account plan sheets come out of one run, in Excel (the pane refuses a run
 * that would insert more sheets) and in `ka-planner build` (it writes the first this many
 * plans of the selection and says how many it left out). Each plan is a full sheet with charts:
 * a workbook with thousands of them takes minutes to open and nobody reads it.
 */
export const MAX_PLAN_SHEETS = 200;

/**
 * The accounts to plan: the first tier, the top N by the tiering measure, or named customers
 * (trimmed, case-insensitive, as customers are grouped). Ids in ranking order for the first two,
 * in the given order (without repeats) for names; names that match no customer are returned.
 */
export function selectPlanAccounts(portfolio: Portfolio, selection: PlanSelection): { ids: number[]; unknown: string[] } {
  const a = portfolio.analysis;
  if (selection === "first-tier") {
    return { ids: Array.from(a.ranking.order).filter((id) => a.tiers.tiers[id] === 0), unknown: [] };
  }
  if ("top" in selection) {
    const n = Math.max(0, Math.floor(selection.top));
    return { ids: Array.from(a.ranking.order.subarray(0, Math.min(n, a.ranking.order.length))), unknown: [] };
  }
  const ctx = preparePortfolioFacts(portfolio);
  const ids: number[] = [];
  const unknown: string[] = [];
  const seen = new Set<number>();
  for (const name of selection.names) {
    const id = ctx.byKey.get(name.trim().toLowerCase());
    if (id === undefined) unknown.push(name);
    else if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return { ids, unknown };
}

/** Builds the plan sheet of one customer (id into portfolio.analysis.customers). */
export function buildAccountPlanSheet(portfolio: Portfolio, customerId: number, options: SheetOptions): SheetModel {
  const ctx = preparePortfolioFacts(portfolio);
  const count = portfolio.analysis.customers.count;
  if (!(Number.isInteger(customerId) && customerId >= 0 && customerId < count)) {
    throw new RangeError(`customer id ${customerId} is not in the portfolio (0–${count - 1})`);
  }
  return new PlanBuilder(ctx, customerId, options).build();
}

const WIDTHS = [36, 20, 16, 16, 16, 16, 18];

export class PlanBuilder {
  readonly w = new SheetBuilder();
  readonly loc: Locale;
  readonly p: Portfolio;
  readonly live: boolean;
  private readonly name: string;
  /** The generation date (options.generated). */
  private readonly date: string;
  // Cells other sections refer to (A1, relative) and their engine values.
  revenueRef: string | null = null;
  profitRef: string | null = null;
  marginRef: string | null = null;
  lastRef: string | null = null;
  managerRef: { ref: string; v: string } | null = null;

  constructor(
    readonly ctx: PortfolioFacts,
    private readonly id: number,
    private readonly options: SheetOptions,
  ) {
    this.loc = options.locale;
    this.date = requiredDate(options, "account plan");
    this.p = ctx.portfolio;
    this.live = options.live !== undefined;
    this.name = this.p.analysis.customers.names[id] || `#${id + 1}`;
  }

  t(key: string, args?: Record<string, string | number>): string {
    return text(this.loc, `sheet.plan.${key}`, args);
  }

  build(): SheetModel {
    const w = this.w;
    w.line([this.t("title", { name: this.name })], { style: "title" });
    const source = liveSourceText(this.options.live);
    w.line([this.t("subtitle", { date: this.date, measure: this.p.measureName })], { style: "subtitle" });
    w.line([this.live ? this.t("liveNote", { source: source ?? this.p.measureName }) : this.t("portableNote")], { style: "note" });
    this.account();
    this.overview();
    needs(this);
    objectives(this);
    opportunities(this);
    const roles = actionPlanRoles(this);
    actionPlan(this, roles);
    team(this, roles);
    involvement(this);
    stages(this);
    this.swot();
    this.assumptions();
    // Column B holds the account's name (section 1): wide enough for it, up to 40 characters.
    WIDTHS.forEach((width, col) => w.width(col, width));
    w.width(1, Math.min(40, textWidth(this.name) + 2));
    return w.build({
      key: planKey(this.name, this.id),
      name: this.t("sheetName", { name: this.name }),
      freeze: { rows: 1, cols: 0 },
      // Seven columns of about 150 characters: landscape pages, one page wide (near full size).
      print: { landscape: true, fitToWidth: 1, fitToHeight: 0 },
    });
  }

  section(key: string): void {
    this.w.skip();
    const r = this.w.line([this.t(key)], { style: "section" });
    this.w.merges.push(range(r, 0, 1, PLAN_COLUMNS));
  }

  /** label | value | note; returns the row. An undefined value is written later. */
  field(label: string, value: Cell | undefined, style: "body" | "input" | "todo" = "body", format?: string | null, note?: string): number {
    const r = this.w.line([label], { style: "body" });
    if (value !== undefined) this.w.cell(r, 1, value, { style, numberFormats: [format ?? null] });
    if (note) this.w.cell(r, 2, note, { style: "note" });
    return r;
  }

  // 1 Account --------------------------------------------------------------------------------

  private account(): void {
    const { p, id, ctx } = this;
    this.section("section.account");
    this.field(this.t("account.name"), this.name);
    const manager = p.manager?.[id] ?? null;
    const mr = manager
      ? this.field(this.t("account.manager"), manager, "input", null, this.t("account.managerFromData"))
      : this.field(this.t("account.manager"), null, "input", null, this.t("account.managerMissing"));
    this.managerRef = { ref: a1(mr, 1), v: manager ?? "" };
    const lastMonth = p.monthly ? p.monthly.labels[p.monthly.labels.length - 1] : null;
    const base = lastMonth ?? this.date.slice(0, 7);
    const period = this.t("period.value", { from: addMonths(base, 1), to: addMonths(base, 12) });
    this.field(
      this.t("account.period"),
      period,
      "input",
      null,
      lastMonth ? this.t("period.fromData", { month: lastMonth }) : this.t("period.noDates", { date: this.date }),
    );
    this.field(
      this.t("account.tier"),
      tierLabel(ctx, id, this.loc),
      "body",
      null,
      this.t("account.tierNote", { scheme: this.t(`scheme.${p.analysis.spec.scheme}`), measure: p.measureName }),
    );
    const qn = quadrantName(ctx, id);
    if (qn) {
      this.field(this.t("account.quadrant"), quadrantLabel(this.loc, qn), "body", null, this.t(`strategy.${qn}`));
    } else {
      this.field(
        this.t("account.quadrant"),
        "—",
        "body",
        null,
        ctx.quadrant ? this.t("account.quadrantUnplaced") : this.t("account.quadrantNoData"),
      );
    }
    if (p.region) this.field(this.t("account.region"), p.region[id] ?? "—");
  }

  // 2 Overview -------------------------------------------------------------------------------

  private overview(): void {
    const { p, id, ctx } = this;
    this.section("section.overview");
    const revLabel = ctx.measureAsRevenue ?? this.t("overview.revenue");
    const rev = ctx.revenue[id];
    const revRow = this.field(
      revLabel,
      rev === rev ? rev : "—",
      "body",
      FORMAT.wholeMoney,
      rev === rev ? this.t("overview.revenueNote") : this.t("overview.noRevenue"),
    );
    if (rev === rev) this.revenueRef = a1(revRow, 1);
    if (p.profit) {
      const pr = p.profit[id];
      const prRow = this.field(
        this.t("overview.profit"),
        pr === pr ? pr : "—",
        "body",
        FORMAT.wholeMoney,
        pr === pr ? (pr < 0 ? this.t("overview.lossMaking") : undefined) : this.t("overview.noProfit"),
      );
      if (pr === pr) {
        this.profitRef = a1(prRow, 1);
        if (this.revenueRef) {
          const r = this.field(
            this.t("overview.margin"),
            fx(`IF(${this.revenueRef}>0,${this.profitRef}/${this.revenueRef},"")`, rev > 0 ? pr / rev : ""),
            "body",
            FORMAT.percent,
          );
          this.marginRef = a1(r, 1);
        }
      }
    }
    const totalRow = this.field(
      this.t("overview.total"),
      ctx.revenueTotal,
      "body",
      FORMAT.wholeMoney,
      this.t("overview.totalNote", { n: ctx.revenueCustomers, column: revLabel }),
    );
    if (this.revenueRef) {
      const total = a1(totalRow, 1);
      this.field(
        this.t("overview.share"),
        fx(`IF(${total}>0,${this.revenueRef}/${total},"")`, ctx.revenueTotal > 0 ? rev / ctx.revenueTotal : ""),
        "body",
        FORMAT.percent,
      );
    }
    const pos = ctx.rankPosition[id];
    this.field(
      this.t("overview.rank"),
      pos >= 0 ? p.analysis.ranking.ranks[pos] : "—",
      "body",
      FORMAT.integer,
      pos >= 0 ? this.t("overview.rankNote", { n: ctx.ranked, measure: p.measureName }) : this.t("overview.notRanked"),
    );
    if (p.satisfaction) {
      const s = p.satisfaction[id];
      if (s === s) {
        const sRow = this.field(this.t("overview.satisfaction"), s, "body", FORMAT.satisfaction, this.t("overview.satisfactionNote"));
        const cRow = this.field(this.t("overview.churn"), undefined, "body", FORMAT.percent, this.t("overview.churnNote"));
        this.deferredChurn = { sat: a1(sRow, 1), row: cRow, v: churnOf(ctx, id) };
      } else {
        this.field(this.t("overview.satisfaction"), "—", "body", null, this.t("overview.noSatisfaction"));
      }
    }
    if (p.credit)
      this.field(this.t("overview.credit"), p.credit[id] ?? "—", "body", null, p.credit[id] ? undefined : this.t("overview.noCredit"));
    if (p.effort) {
      const e = p.effort[id];
      this.field(this.t("overview.effort"), e === e ? e : "—", "body", FORMAT.hours);
    }
    this.trend(revLabel);
  }

  private deferredChurn: { sat: string; row: number; v: number } | null = null;

  private trend(revLabel: string): void {
    const { p, id, ctx, w } = this;
    w.skip();
    w.line([this.t("overview.byPeriod", { column: revLabel })], { style: "subtitle" });
    if (!p.monthly) {
      this.field(this.t("overview.trend"), "—", "body", null, this.t("overview.noDates"));
      return;
    }
    const labels = p.monthly.labels;
    const months = labels.length;
    const k = ctx.period;
    const shown = ctx.monthsShown;
    const tr = trendOf(ctx, id);
    let lastRow = -1;
    let prevRow = -1;
    if (tr) {
      lastRow = this.field(k === 12 ? this.t("overview.last12") : this.t("overview.lastK", { k }), undefined);
      prevRow = this.field(k === 12 ? this.t("overview.prev12") : this.t("overview.prevK", { k }), undefined);
      const L = a1(lastRow, 1);
      const P = a1(prevRow, 1);
      this.field(
        this.t("overview.change"),
        fx(`IF(${P}>0,${L}/${P}-1,"")`, orBlank(tr.change)),
        "body",
        FORMAT.percent,
        tr.previous > 0 ? undefined : this.t("overview.noBase"),
      );
      this.lastRef = L;
    } else {
      this.field(this.t("overview.trend"), "—", "body", null, this.t("overview.oneMonth", { n: months }));
    }
    w.skip();
    const head = w.line([this.t("overview.month"), revLabel], { style: "header" });
    const first = head + 1;
    const rows: Cell[][] = [];
    const start = months - shown;
    for (let m = start; m < months; m++) rows.push([labels[m], p.monthly.values[id * months + m]]);
    w.block(
      first,
      0,
      rows.map((r) => [r[0]]),
      { style: "body" },
    );
    w.block(
      first,
      1,
      rows.map((r) => [r[1]]),
      { style: "body", numberFormats: [FORMAT.wholeMoney] },
    );
    w.row = first + rows.length;
    if (shown < months) w.line([this.t("overview.monthsShown", { n: shown, total: months })], { style: "note" });
    if (tr) {
      // Table rows: months start..months-1 at rows first..; the last k and the k before.
      const rowOf = (m: number) => first + (m - start);
      const sum = (from: number, to: number) => `SUM(${a1(rowOf(from), 1)}:${a1(rowOf(to - 1), 1)})`;
      w.cell(lastRow, 1, fx(sum(months - k, months), tr.last), { style: "body", numberFormats: [FORMAT.wholeMoney] });
      w.cell(prevRow, 1, fx(sum(months - 2 * k, months - k), tr.previous), { style: "body", numberFormats: [FORMAT.wholeMoney] });
    }
  }

  // 10 SWOT ----------------------------------------------------------------------------------

  private swot(): void {
    const { w, loc } = this;
    this.section("section.swot");
    const hints = swotHints(this.ctx, this.id, accountFacts(this.ctx, this.id));
    const words = (box: readonly SwotHint[]) => box.map((hint) => this.hintText(hint));
    const h = { s: words(hints.strengths), w: words(hints.weaknesses), o: words(hints.opportunities), t: words(hints.threats) };
    const todo = todoText(loc);
    // At least SWOT_ROWS rows per box, and always one row left for the KA manager.
    const rows = Math.max(SWOT_ROWS, 1 + Math.max(h.s.length, h.w.length, h.o.length, h.t.length));
    const pair = (left: string, right: string, l: string[], r: string[]) => {
      const head = w.line([left, null, null, right, null, null, null], { style: "header" });
      w.merges.push(range(head, 0, 1, 3), range(head, 3, 1, 4));
      for (let i = 0; i < rows; i++) {
        const row = w.row++;
        w.cell(row, 0, i < l.length ? l[i] : todo, { style: i < l.length ? "body" : "todo" });
        w.cell(row, 3, i < r.length ? r[i] : todo, { style: i < r.length ? "body" : "todo" });
        w.merges.push(range(row, 0, 1, 3), range(row, 3, 1, 4));
      }
    };
    pair(this.t("swot.strengths"), this.t("swot.weaknesses"), h.s, h.w);
    pair(this.t("swot.opportunities"), this.t("swot.threats"), h.o, h.t);
    w.line([this.t("swot.note")], { style: "note" });
  }

  /** A SWOT hint in the user's words (figures formatted alike in both languages). */
  private hintText(hint: SwotHint): string {
    const { ctx, id, loc } = this;
    switch (hint.key) {
      case "topTier":
        return this.t("hint.topTier", { tier: tierLabel(ctx, id, loc), rank: hint.rank, n: ctx.ranked });
      case "satisfaction":
        return this.t("hint.satisfaction", { sat: decimalText(hint.satisfaction, 1), churn: percentHintText(hint.churn) });
      case "loss":
        return this.t("hint.loss", { profit: moneyText(hint.profit), margin: percentHintText(hint.margin) });
      case "lossNoMargin":
        return this.t("hint.lossNoMargin", { profit: moneyText(hint.profit) });
      case "marginHigh":
      case "marginLow":
        return this.t(`hint.${hint.key}`, { margin: percentHintText(hint.margin), median: percentHintText(hint.median) });
      case "strengthHigh":
      case "strengthLow":
        return this.t(`hint.${hint.key}`, { quadrant: quadrantLabel(loc, hint.quadrant) });
      case "quadrant":
        return this.t("hint.quadrant", { quadrant: quadrantLabel(loc, hint.quadrant), strategy: this.t(`strategy.${hint.quadrant}`) });
      case "trend":
        return this.t(hint.months === 12 ? "hint.trend12" : "hint.trendK", { change: signedPercentText(hint.change), k: hint.months });
      case "dormant":
        return this.t("hint.dormant", { month: hint.month });
      case "churnExposure":
        return this.t("hint.churnExposure", { amount: moneyText(hint.amount), churn: percentHintText(hint.churn) });
      case "dependency":
        return this.t("hint.dependency", { share: percentHintText(hint.share), threshold: percentHintText(hint.threshold) });
      case "creditGood":
      case "creditPoor":
        return this.t(`hint.${hint.key}`, { rating: hint.rating });
    }
  }

  // 11 Assumptions ---------------------------------------------------------------------------

  private assumptions(): void {
    const { w, loc } = this;
    this.section("section.assumptions");
    w.line([this.t("assumptions.churn")], { style: "subtitle" });
    w.header([this.t("assumptions.level"), this.t("assumptions.satisfaction"), this.t("assumptions.probability")]);
    const first = w.row;
    const rows = churnTableRows(loc);
    w.block(
      first,
      0,
      rows.map((r) => [r[0]]),
      { style: "body" },
    );
    w.block(
      first,
      1,
      rows.map((r) => [r[1], r[2]]),
      { style: "input", numberFormats: [FORMAT.integer, FORMAT.percent] },
    );
    w.row = first + rows.length;
    w.line([churnSourceNote(loc)], { style: "note" });
    const levels = range(first, 1, rows.length, 1);
    const probs = range(first, 2, rows.length, 1);
    w.name("ChurnTable", range(first, 1, rows.length, 2), this.t("assumptions.churn"));
    const c = this.deferredChurn;
    if (c) w.cell(c.row, 1, churnCell(c.sat, levels, probs, this.live, c.v), { style: "body", numberFormats: [FORMAT.percent] });
  }
}
