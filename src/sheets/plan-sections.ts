/**
 * Sections 3–9 of the key account plan (account-plan.ts): the parts the KA manager fills in —
 * needs and value proposition, objectives for the growth levers, opportunities, action plan,
 * KA team, customer involvement, the eight planning stages.
 */
import { DEFAULT_LIKELIHOOD_CUT, PRIORITY_LABEL_KEYS } from "../engine/priority";
import { text } from "../strings";
import { abs, FORMAT, fx, range } from "./sheet-builder";
import { quoted } from "./formula-text";
import { columnNumber } from "../excel/column-letters";
import { a1, Cell, Literal } from "./model";
import { statusValues, todoText } from "./account-formulas";

import type { PlanBuilder } from "./account-plan";

/** Columns A–G of the plan. */
export const PLAN_COLUMNS = 7;
/** Rows in the opportunity and action tables. */
export const OPPORTUNITY_ROWS = 8;
const ACTION_ROWS = 8;
const KA_TEAM_ROLES = ["manager", "sales", "marketing", "technical", "finance", "training"] as const;
const GROWTH_LEVERS = ["usage", "crossSell", "priceMix", "dropUnprofitable", "newBusiness"] as const;
const VALUE_ASPECTS = ["price", "quality", "delivery", "terms", "service", "payment"] as const;
const PLANNING_STAGES = 8;

// 3 Needs

export function needs(plan: PlanBuilder): void {
  const w = plan.w;
  plan.section("section.needs");
  const head = w.line([plan.t("needs.aspect"), plan.t("needs.customer"), null, null, plan.t("needs.proposition"), null, null], {
    style: "header",
  });
  w.merges.push(range(head, 1, 1, 3), range(head, 4, 1, 3));
  const todo = todoText(plan.loc);
  for (const aspect of VALUE_ASPECTS) {
    const r = w.line([plan.t(`needs.${aspect}`)], { style: "body" });
    w.block(r, 1, [[todo, null, null, todo, null, null]], { style: "todo" });
    w.merges.push(range(r, 1, 1, 3), range(r, 4, 1, 3));
  }
}

// 4 Objectives

export function objectives(plan: PlanBuilder): void {
  const { w } = plan;
  plan.section("section.objectives");
  // Not an Excel table: the baselines differ per row, which a table would flag as inconsistent.
  w.header(["lever", "measure", "baseline", "target", "change", "owner", "due"].map((k) => plan.t(`objectives.${k}`)));
  interface Baseline {
    ref: string | null;
    measure: string;
    format: string;
  }
  const usage: Baseline = plan.lastRef
    ? {
        ref: plan.lastRef,
        measure: plan.ctx.period === 12 ? plan.t("objectives.m.usage12") : plan.t("objectives.m.usageK", { k: plan.ctx.period }),
        format: FORMAT.wholeMoney,
      }
    : { ref: plan.revenueRef, measure: plan.t("objectives.m.usageAll"), format: FORMAT.wholeMoney };
  const baselines: Record<(typeof GROWTH_LEVERS)[number], Baseline> = {
    usage,
    crossSell: { ref: null, measure: plan.t("objectives.m.crossSell"), format: FORMAT.wholeMoney },
    priceMix: { ref: plan.marginRef, measure: plan.t("objectives.m.margin"), format: FORMAT.percent },
    dropUnprofitable: { ref: plan.profitRef, measure: plan.t("objectives.m.profit"), format: FORMAT.wholeMoney },
    newBusiness: { ref: null, measure: plan.t("objectives.m.newBusiness"), format: FORMAT.wholeMoney },
  };
  for (const lever of GROWTH_LEVERS) {
    const b = baselines[lever];
    const r = w.line([plan.t(`objectives.${lever}`), b.measure], { style: "body", wrap: true });
    const base = b.ref ? fx(b.ref, valueAt(plan, b.ref)) : null;
    w.cell(r, 2, base, { style: b.ref ? "body" : "input", numberFormats: [b.format] });
    w.block(r, 3, [[null]], { style: "input", numberFormats: [b.format] });
    const B = a1(r, 2);
    const T = a1(r, 3);
    w.cell(r, 4, fx(`IF(AND(ISNUMBER(${B}),ISNUMBER(${T})),${T}-${B},"")`, ""), { style: "body", numberFormats: [b.format] });
    w.block(r, 5, [[null, null]], { style: "input", numberFormats: [null, FORMAT.date] });
  }
  w.line([plan.t("objectives.note")], { style: "note" });
}

/** Engine value of a cell this builder wrote (an A1 reference such as B12), for references to it. */
function valueAt(plan: PlanBuilder, ref: string): Literal {
  const parts = /^([A-Z]+)(\d+)$/.exec(ref);
  const value = parts ? plan.w.valueAt(Number(parts[2]) - 1, columnNumber(parts[1]) - 1) : undefined;
  if (value === undefined) throw new Error(`no cell ${ref}`);
  return value;
}

// 5 Opportunities

export function opportunities(plan: PlanBuilder): void {
  const { w, loc } = plan;
  plan.section("section.opportunities");
  const sizeCutRow = w.row++;
  const likCutRow = w.row++;
  const head = w.header(["description", "size", "likelihood", "priority", "next"].map((k) => plan.t(`opportunities.${k}`)));
  const first = head + 1;
  const last = first + OPPORTUNITY_ROWS - 1;
  const sizes = `${a1(first, 1)}:${a1(last, 1)}`;
  field2(
    plan,
    sizeCutRow,
    plan.t("opportunities.sizeCut"),
    fx(`IF(COUNT(${sizes})=0,"",MEDIAN(${sizes}))`, ""),
    FORMAT.wholeMoney,
    plan.t("opportunities.sizeCutNote"),
  );
  field2(
    plan,
    likCutRow,
    plan.t("opportunities.likelihoodCut"),
    DEFAULT_LIKELIHOOD_CUT,
    FORMAT.wholePercent,
    plan.t("opportunities.likelihoodCutNote"),
  );
  const S = abs(sizeCutRow, 1);
  const Lc = abs(likCutRow, 1);
  const labels = PRIORITY_LABEL_KEYS.map((k) => quoted(text(loc, k)));
  const todo = todoText(loc);
  for (let r = first; r <= last; r++) {
    const s = a1(r, 1);
    const l = a1(r, 2);
    const f = plan.live
      ? `KA.PRIORITY(${s},${l},${S},${Lc},${quoted(loc)})`
      : `IF(OR(${s}="",${l}=""),"",IF(IF(${l}>1,${l}/100,${l})>=IF(${Lc}>1,${Lc}/100,${Lc}),IF(${s}>=${S},${labels[0]},${labels[1]}),IF(${s}>=${S},${labels[2]},${labels[3]})))`;
    w.cell(r, 0, todo, { style: "todo" });
    w.block(r, 1, [[null, null]], { style: "input", numberFormats: [FORMAT.wholeMoney, FORMAT.wholePercent] });
    w.cell(r, 3, fx(f, ""), { style: "body" });
    w.cell(r, 4, null, { style: "input" });
  }
  w.row = last + 1;
  w.tables.push({ name: "PlanOpportunities", range: range(head, 0, OPPORTUNITY_ROWS + 1, 5) });
  w.name("SizeCut", range(sizeCutRow, 1));
  w.name("LikelihoodCut", range(likCutRow, 1));
  w.line([plan.t("opportunities.rule")], { style: "note" });
}

function field2(plan: PlanBuilder, row: number, label: string, value: Cell, format: string, note: string): void {
  plan.w.cell(row, 0, label, { style: "body" });
  plan.w.cell(row, 1, value, { style: "input", numberFormats: [format] });
  plan.w.cell(row, 2, note, { style: "note" });
}

// 6 Action plan

export function actionPlanRoles(plan: PlanBuilder): string[] {
  return KA_TEAM_ROLES.map((r) => plan.t(`team.${r}`));
}

export function actionPlan(plan: PlanBuilder, roles: string[]): void {
  const { w, loc } = plan;
  plan.section("section.actions");
  const head = w.header(["action", "owner", "due", "budget", "status", "kpi"].map((k) => plan.t(`actions.${k}`)));
  const first = head + 1;
  const todo = todoText(loc);
  for (let i = 0; i < ACTION_ROWS; i++) {
    const r = w.line([todo], { style: "todo" });
    w.block(r, 1, [[null, null, null, null, null]], { style: "input", numberFormats: [null, FORMAT.date, FORMAT.wholeMoney, null, null] });
  }
  w.tables.push({ name: "PlanActions", range: range(head, 0, ACTION_ROWS + 1, 6) });
  w.validate(range(first, 1, ACTION_ROWS, 1), roles);
  w.validate(range(first, 4, ACTION_ROWS, 1), statusValues(loc));
  w.line([plan.t("actions.note")], { style: "note" });
}

// 7 KA team

export function team(plan: PlanBuilder, roles: string[]): void {
  const { w } = plan;
  plan.section("section.team");
  const head = w.header(["role", "responsibility", "name", "notes"].map((k) => plan.t(`team.${k}`)));
  KA_TEAM_ROLES.forEach((role, i) => {
    const r = w.line([roles[i], plan.t(`team.${role}.duty`)], { style: "body", wrap: true });
    // The KA manager named in section 1 (one cell to edit); the other names are to fill in.
    const m = plan.managerRef;
    w.block(r, 2, [[i === 0 && m ? fx(`IF(${m.ref}="","",${m.ref})`, m.v) : null, null]], { style: "input" });
  });
  w.tables.push({ name: "PlanTeam", range: range(head, 0, KA_TEAM_ROLES.length + 1, 4) });
  w.line([plan.t("team.note")], { style: "note" });
}

// 8 Involvement

export function involvement(plan: PlanBuilder): void {
  const { w, loc } = plan;
  plan.section("section.involvement");
  const todo = todoText(loc);
  for (const k of ["how", "depth"]) {
    const r = w.line([plan.t(`involvement.${k}`)], { style: "body", wrap: true });
    w.block(r, 1, [[todo, null, null, null, null, null]], { style: "todo" });
    w.merges.push(range(r, 1, 1, PLAN_COLUMNS - 1));
  }
  const stages = ["contact", "partnership", "embedded"].map((k) => plan.t(`involvement.stage.${k}`));
  const sr = plan.field(plan.t("involvement.stage"), null, "input", null, plan.t("involvement.stageNote"));
  w.validate(range(sr, 1), stages);
  const cadences = ["monthly", "quarterly", "halfYearly"].map((k) => plan.t(`involvement.cadence.${k}`));
  const cr = plan.field(plan.t("involvement.cadence"), cadences[1], "input", null, plan.t("involvement.cadenceNote"));
  w.validate(range(cr, 1), cadences);
  plan.field(plan.t("involvement.nextReview"), null, "input", FORMAT.date);
}

// 9 Stages

export function stages(plan: PlanBuilder): void {
  const { w, loc } = plan;
  plan.section("section.stages");
  const head = w.header(["stage", "status", "owner", "due", "notes"].map((k) => plan.t(`stages.${k}`)));
  for (let i = 1; i <= PLANNING_STAGES; i++) {
    const r = w.line([plan.t(`stages.${i}`)], { style: "body", wrap: true });
    w.block(r, 1, [[null, null, null, null]], { style: "input", numberFormats: [null, null, FORMAT.date, null] });
  }
  w.validate(range(head + 1, 1, PLANNING_STAGES, 1), statusValues(loc));
  w.tables.push({ name: "PlanStages", range: range(head, 0, PLANNING_STAGES + 1, 5) });
}
