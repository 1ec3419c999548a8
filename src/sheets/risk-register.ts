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
import { creditTable } from "../engine/credit-rating";
import { assessRisks, RISK_RULES, RiskKind, RiskOmission, ScaleRule } from "../engine/risk-rules";
import { AccountFacts, accountFacts, PortfolioFacts, preparePortfolioFacts } from "../engine/account-facts";
import { Portfolio } from "../engine/portfolio";
import { RISK_BANDS, riskLevelOf } from "../engine/risk";
import { Locale, text } from "../strings";
import { abs, FORMAT, fx, orBlank, range, SheetBuilder } from "./sheet-builder";
import { liveSourceText, requiredDate, SheetOptions } from "./sheet-options";
import { FactCells, RiskRefs, RiskRow, riskRow } from "./risk-rows";
import { quoted } from "./formula-text";
import { a1, a1Range, Cell, extentOf, SheetModel } from "./model";
import {
  churnCell,
  churnSourceNote,
  churnTableRows,
  liveRiskFormula,
  riskLevelFormula,
  riskScoreFormula,
  statusValues,
  tierLabel,
  todoText,
} from "./account-formulas";

export const RISK_REGISTER_KEY = "risk-register";

const HEAT = { min: "#63BE7B", mid: "#FFEB84", max: "#F8696B" } as const;
const LEVEL_FILL = ["#C6EFCE", "#FFEB9C", "#FFC7CE", "#FF0000"] as const;
const COLS = 11;
const WIDTHS = [30, 36, 14, 16, 11, 11, 9, 11, 40, 16, 12];

export function buildRiskRegisterSheet(portfolio: Portfolio, customerIds: readonly number[], options: SheetOptions): SheetModel {
  const ctx = preparePortfolioFacts(portfolio);
  const count = portfolio.analysis.customers.count;
  for (const id of customerIds) {
    if (!(Number.isInteger(id) && id >= 0 && id < count))
      throw new RangeError(`customer id ${id} is not in the portfolio (0–${count - 1})`);
  }
  return new RegisterBuilder(ctx, options).build(customerIds);
}

class RegisterBuilder {
  private readonly w = new SheetBuilder();
  private readonly loc: Locale;
  private readonly p: Portfolio;
  private readonly live: boolean;
  private readonly statuses: string[];
  /** The generation date (options.generated). */
  private readonly date: string;

  constructor(
    private readonly ctx: PortfolioFacts,
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
    w.line([this.t("title")], { style: "title" });
    w.line([this.t("subtitle", { date: this.date, n: ids.length, measure: this.p.measureName })], { style: "subtitle" });
    const source = liveSourceText(this.options.live);
    w.line(
      [
        this.live
          ? text(this.loc, "sheet.plan.liveNote", { source: source ?? this.p.measureName })
          : text(this.loc, "sheet.plan.portableNote"),
      ],
      { style: "note" },
    );
    const refs = this.assumptions();
    const countCells: { ref: string; v: number }[] = [];
    const scoreRows: number[] = [];
    ids.forEach((id, i) => this.account(id, i + 1, refs, countCells, scoreRows));
    if (ids.length === 0) {
      w.skip();
      w.line([this.t("noAccounts")], { style: "note" });
    }
    const scoreExtent = extentOf(scoreRows); // undefined when no account has a score row
    if (scoreExtent) {
      const { min: lo, max: hi } = scoreExtent;
      w.conditionalFormats.push({ kind: "colorScale", range: range(lo, 6, hi - lo + 1, 1), ...HEAT });
      RISK_BANDS.forEach((b, k) => {
        w.conditionalFormats.push({
          kind: "textEquals",
          range: range(lo, 7, hi - lo + 1, 1),
          text: text(this.loc, b.key),
          fill: LEVEL_FILL[k],
          ...(k === 3 ? { font: "#FFFFFF" } : {}),
        });
      });
    }
    this.defects(countCells);
    WIDTHS.forEach((width, col) => w.width(col, width));
    return w.build({
      key: RISK_REGISTER_KEY,
      name: this.t("sheetName"),
      freeze: { rows: 1, cols: 0 },
      // Eleven columns: landscape pages, one page wide.
      print: { landscape: true, fitToWidth: 1, fitToHeight: 0 },
    });
  }

  private section(label: string): number {
    this.w.skip();
    const r = this.w.line([label], { style: "section" });
    this.w.merges.push(range(r, 0, 1, COLS));
    return r;
  }

  /** A label | · | value | note row. */
  private fact(label: string, value: Cell, format: string | null, note?: Cell, style: "body" | "input" = "body"): number {
    const r = this.w.line([label], { style: "body" });
    this.w.cell(r, 2, value, { style, numberFormats: [format] });
    if (note !== undefined && note !== null) this.w.cell(r, 3, note, { style: "note" });
    return r;
  }

  // Assumptions and rules ---------------------------------------------------------------------

  private assumptions(): RiskRefs {
    const { w, ctx, loc } = this;
    this.section(this.t("section.assumptions"));
    const revLabel = ctx.measureAsRevenue ?? text(loc, "sheet.plan.overview.revenue");
    const totalRow = this.fact(
      this.t("total", { column: revLabel }),
      ctx.revenueTotal,
      FORMAT.wholeMoney,
      text(loc, "sheet.plan.overview.totalNote", { n: ctx.revenueCustomers, column: revLabel }),
    );
    let profitTotal: string | null = null;
    if (this.p.profit) {
      const r = this.fact(this.t("profitTotal"), ctx.profitTotal, FORMAT.wholeMoney, this.t("profitTotalNote", { n: ctx.profitCustomers }));
      profitTotal = abs(r, 2);
    }
    const thrRow = this.fact(this.t("threshold"), 0.1, FORMAT.wholePercent, this.t("thresholdNote"), "input");
    w.name("DependencyThreshold", range(thrRow, 2));

    w.skip();
    w.line([text(loc, "sheet.plan.assumptions.churn")], { style: "subtitle" });
    w.header([
      text(loc, "sheet.plan.assumptions.level"),
      text(loc, "sheet.plan.assumptions.satisfaction"),
      text(loc, "sheet.plan.assumptions.probability"),
    ]);
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
    w.name("ChurnTable", range(first, 1, rows.length, 2));

    w.skip();
    w.line([this.t("rules.title")], { style: "subtitle" });
    w.header(["risk", "scale", "direction", "cut2", "cut3", "cut4", "cut5"].map((k) => this.t(`rules.${k}`)));
    const scaleRow = new Map<string, number>();
    const rulesFirst = w.row;
    for (const rule of RISK_RULES) {
      const scales: [string, ScaleRule][] = [];
      if (rule.likelihood !== "credit table") scales.push(["likelihood", rule.likelihood]);
      scales.push(["impact", rule.impact]);
      for (const [axis, s] of scales) {
        const r = w.line([this.t(`kind.${rule.kind}`), this.t(`rules.${rule.kind}.${axis}`), this.t(`rules.${s.direction}`)], {
          style: "body",
          wrap: true,
        });
        w.block(r, 3, [[...s.cuts]], { style: "input", numberFormats: s.cuts.map(() => FORMAT.percent) });
        scaleRow.set(`${rule.kind}.${axis}`, r);
      }
    }
    w.name("RiskRules", range(rulesFirst, 3, w.row - rulesFirst, 4));
    w.line([this.t("rules.note")], { style: "note" });
    w.line([this.t("rules.special")], { style: "note" });

    let credit: RiskRefs["credit"] = null;
    const scale = ctx.creditScale;
    if (scale) {
      w.skip();
      w.line([this.t("credit.title", { scale: this.t(`credit.scale.${scale}`) })], { style: "subtitle" });
      w.header([this.t("credit.rating"), this.t("credit.likelihood")]);
      const cf = w.row;
      const table = creditTable(scale, ctx.creditMoodys);
      w.block(
        cf,
        0,
        table.map((e) => [e.rating]),
        { style: "body" },
      );
      w.block(
        cf,
        1,
        table.map((e) => [e.likelihood]),
        { style: "input", numberFormats: [FORMAT.integer] },
      );
      w.row = cf + table.length;
      w.line([this.t(ctx.creditMoodys ? "credit.noteMoodys" : "credit.note")], { style: "note" });
      w.name("CreditTable", range(cf, 0, table.length, 2));
      credit = {
        ratings: a1Range(range(cf, 0, table.length, 1), true),
        likelihoods: a1Range(range(cf, 1, table.length, 1), true),
        scale,
        moodys: ctx.creditMoodys,
      };
    }

    w.skip();
    w.line([this.t("levels.title")], { style: "subtitle" });
    w.header([this.t("levels.level"), this.t("levels.from"), this.t("levels.below"), this.t("levels.grid")]);
    for (const b of RISK_BANDS) {
      const r = w.line([text(loc, b.key)], { style: "body" });
      w.block(r, 1, [[b.from, b.below === Infinity ? "—" : b.below, b.gridScores.join(", ")]], {
        style: "body",
        align: ["center", "center", null],
      });
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

  private account(id: number, n: number, refs: RiskRefs, countCells: { ref: string; v: number }[], scoreRows: number[]): void {
    const { w, p, ctx, loc } = this;
    const name = p.analysis.customers.names[id] || `#${id + 1}`;
    this.section(this.t("account", { n, name }));
    const pos = ctx.rankPosition[id];
    const info = [
      this.t("info.tier", { tier: tierLabel(ctx, id, loc) }),
      pos >= 0 ? this.t("info.rank", { rank: p.analysis.ranking.ranks[pos], n: ctx.ranked }) : null,
      p.manager?.[id] ? this.t("info.manager", { manager: p.manager[id] ?? "" }) : null,
    ].filter((x): x is string => x !== null);
    w.line([info.join(" · ")], { style: "note" });

    const facts = accountFacts(ctx, id);
    const cells = this.facts(facts, refs);
    const head = w.header(
      ["risk", "basis", "value", "exposure", "likelihood", "impact", "score", "level", "countermeasure", "owner", "due"].map((k) =>
        this.t(`col.${k}`),
      ),
    );
    const first = head + 1;
    const rows: RiskRow[] = [];
    const notes: string[] = [];
    for (const risk of assessRisks(ctx, facts)) {
      if ("omitted" in risk) notes.push(this.omission(risk.kind, risk.omitted, facts));
      else rows.push(riskRow(risk, facts, cells, refs, { t: (key, args) => this.t(key, args), period: ctx.period }));
    }
    rows.forEach((row, k) => this.writeRiskRow(first + k, row));
    scoreRows.push(...rows.map((_, k) => first + k));
    w.row = first + rows.length;
    if (rows.length === 0) w.line([this.t("noRisks")], { style: "note" });
    for (const note of notes) w.line([note], { style: "note" });
    if (rows.length) {
      const countermeasures = a1Range(range(first, 8, rows.length, 1));
      const r = this.fact(
        this.t("open"),
        fx(`COUNTBLANK(${countermeasures})+COUNTIF(${countermeasures},${quoted(todoText(loc))})`, rows.length),
        FORMAT.integer,
        this.t("openNote"),
      );
      countCells.push({ ref: a1(r, 2), v: rows.length });
    }
  }

  /** The note saying why a risk is not assessed. */
  private omission(kind: RiskKind, why: RiskOmission, facts: AccountFacts): string {
    if (why === "noRevenue") return `${this.t(`kind.${kind}`)}: ${this.t("omit.noRevenue")}`;
    if (why === "oneMonth") return this.t("omit.decline.oneMonth", { n: this.p.monthly?.labels.length ?? 0 });
    if (why === "notOnScale") return this.t("omit.credit.notOnScale", { rating: facts.rating ?? "" });
    return this.t(`omit.${kind}.${why}`);
  }

  /** One risk row: kind, basis, value, exposure, likelihood, impact, score, level, and the cells to fill. */
  private writeRiskRow(r: number, row: RiskRow): void {
    const { w, loc } = this;
    const likelihood = a1(r, 4);
    const impact = a1(r, 5);
    const level = text(loc, RISK_BANDS[riskLevelOf(row.score)].key);
    w.block(r, 0, [[this.t(`kind.${row.kind}`), row.basis]], { style: "body", wrap: true });
    w.cell(r, 2, row.value, { style: "body", numberFormats: [row.format] });
    w.cell(r, 3, row.exposure, { style: "body", numberFormats: [FORMAT.wholeMoney] });
    w.block(r, 4, [[row.likelihood, row.impact]], {
      style: "body",
      numberFormats: [FORMAT.integer, FORMAT.integer],
      align: ["center", "center"],
    });
    const scoreCell = fx(this.live ? liveRiskFormula(likelihood, impact, loc, 1) : riskScoreFormula(likelihood, impact), row.score);
    const levelCell = fx(this.live ? liveRiskFormula(likelihood, impact, loc, 2) : riskLevelFormula(a1(r, 6), loc), level);
    w.block(r, 6, [[scoreCell, levelCell]], { style: "body", numberFormats: [FORMAT.integer, null], align: ["center", "center"] });
    w.cell(r, 8, todoText(loc), { style: "todo" });
    w.block(r, 9, [[null, null]], { style: "input", numberFormats: [null, FORMAT.date] });
  }

  /** The account's figures as value cells (and the formulas computed from them); returns where they are. */
  private facts(facts: AccountFacts, refs: RiskRefs): FactCells {
    const { p, ctx, loc } = this;
    const cells: FactCells = {
      revenue: null,
      share: null,
      profit: null,
      margin: null,
      profitShare: null,
      churn: null,
      last: null,
      previous: null,
      change: null,
      rating: null,
    };
    const plan = (key: string, args?: Record<string, string | number>) => text(loc, `sheet.plan.overview.${key}`, args);
    const revenueLabel = ctx.measureAsRevenue ?? plan("revenue");
    if (facts.revenue === facts.revenue) {
      cells.revenue = a1(this.fact(revenueLabel, facts.revenue, FORMAT.wholeMoney), 2);
      const shareCell = a1(this.w.row, 2);
      const flag = quoted(this.t("flag"));
      const shareRow = this.fact(
        plan("share"),
        fx(`IF(${refs.total}>0,${cells.revenue}/${refs.total},"")`, orBlank(facts.share)),
        FORMAT.percent,
        fx(`IF(${shareCell}="","",IF(${shareCell}>${refs.threshold},${flag},""))`, facts.share > 0.1 ? this.t("flag") : ""),
      );
      if (facts.share === facts.share) cells.share = a1(shareRow, 2);
    } else {
      this.fact(revenueLabel, "—", null, plan("noRevenue"));
    }
    if (p.profit) {
      if (facts.profit === facts.profit) {
        cells.profit = a1(this.fact(plan("profit"), facts.profit, FORMAT.wholeMoney, facts.profit < 0 ? plan("lossMaking") : undefined), 2);
        if (cells.revenue) {
          cells.margin = a1(
            this.fact(
              plan("margin"),
              fx(`IF(${cells.revenue}>0,${cells.profit}/${cells.revenue},"")`, orBlank(facts.margin)),
              FORMAT.percent,
            ),
            2,
          );
        }
        cells.profitShare = a1(
          this.fact(
            this.t("profitShare"),
            fx(`IF(${refs.profitTotal}>0,${cells.profit}/${refs.profitTotal},"")`, orBlank(facts.profitShare)),
            FORMAT.percent,
          ),
          2,
        );
      } else {
        this.fact(plan("profit"), "—", null, plan("noProfit"));
      }
    }
    if (p.satisfaction) {
      if (facts.satisfaction === facts.satisfaction) {
        const satisfaction = a1(this.fact(plan("satisfaction"), facts.satisfaction, FORMAT.satisfaction, plan("satisfactionNote")), 2);
        cells.churn = a1(
          this.fact(
            plan("churn"),
            churnCell(satisfaction, refs.levels, refs.probs, this.live, facts.churn),
            FORMAT.percent,
            this.t("churnNote"),
          ),
          2,
        );
      } else {
        this.fact(plan("satisfaction"), "—", null, plan("noSatisfaction"));
      }
    }
    const trend = facts.trend;
    if (trend) {
      const k = ctx.period;
      cells.last = a1(this.fact(k === 12 ? plan("last12") : plan("lastK", { k }), trend.last, FORMAT.wholeMoney, this.t("periodNote")), 2);
      cells.previous = a1(this.fact(k === 12 ? plan("prev12") : plan("prevK", { k }), trend.previous, FORMAT.wholeMoney), 2);
      const change = fx(`IF(${cells.previous}>0,${cells.last}/${cells.previous}-1,"")`, orBlank(trend.change));
      cells.change = a1(this.fact(plan("change"), change, FORMAT.percent, trend.previous > 0 ? undefined : plan("noBase")), 2);
    }
    if (p.credit) {
      if (facts.rating !== null) cells.rating = a1(this.fact(plan("credit"), facts.rating, null), 2);
      else this.fact(plan("credit"), "—", null, plan("noCredit"));
    }
    return cells;
  }

  // Planning defects ---------------------------------------------------------------------------

  private defects(countCells: { ref: string; v: number }[]): void {
    const { w } = this;
    this.section(this.t("section.defects"));
    w.header(["defect", "check", "status", "note"].map((k) => this.t(`defects.${k}`)));
    const first = w.row;
    for (const k of ["data", "strategy"]) {
      const r = w.line([this.t(`defects.${k}`), this.t(`defects.${k}.check`)], { style: "body", wrap: true });
      w.cell(r, 2, null, { style: "input" });
      w.cell(r, 3, null, { style: "input" });
    }
    w.validate(range(first, 2, 2, 1), this.statuses);
    const r = w.line([this.t("defects.risk"), this.t("defects.risk.check")], { style: "body", wrap: true });
    const total = countCells.reduce((s, c) => s + c.v, 0);
    const done = this.statuses[2];
    const [before, after] = this.t("defects.open").split("{n}");
    const v = total === 0 ? done : `${before}${total}${after ?? ""}`;
    const nExpr = countCells.length ? countCells.map((c) => c.ref).join("+") : "0";
    if (nExpr.length < 7000) {
      w.cell(r, 2, fx(`IF(${nExpr}=0,${quoted(done)},${quoted(before)}&(${nExpr})&${quoted(after ?? "")})`, v), { style: "body" });
      w.cell(r, 3, this.t("defects.risk.note"), { style: "note" });
    } else {
      // Beyond Excel's formula length: the per-account counts above still say it.
      w.cell(r, 2, null, { style: "input" });
      w.cell(r, 3, this.t("defects.risk.manual"), { style: "note" });
      w.validate(range(r, 2), this.statuses);
    }
    w.line([this.t("defects.footer")], { style: "note" });
  }
}
