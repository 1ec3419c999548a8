/**
 * What a build makes: the sheets chosen, the accounts given a plan, the order of the sheet
 * models and the date on them. One orchestration for the add-in (src/addin/build.ts) and
 * `ka-planner build` (src/cli/commands/build.ts); reading the table and writing the sheets stay
 * theirs. Pure, except that today() reads the clock (the sheet builders never do).
 */
import { Portfolio } from "../engine/portfolio";
import { buildAccountPlanSheet, MAX_PLAN_SHEETS, PlanSelection, selectPlanAccounts } from "../sheets/account-plan";
import { SheetOptions } from "../sheets/sheet-options";
import { buildContributionSheet } from "../sheets/contribution";
import { SheetModel } from "../sheets/model";
import { buildMatrixSheet, MatrixOptions } from "../sheets/portfolio-matrix";
import { buildRiskRegisterSheet } from "../sheets/risk-register";

/** Today as YYYY-MM-DD in local time: the generation date of a build. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The sheets a run makes: one kind, or all of them (contribution, matrix, plans, risk register). */
export type SheetChoice = "contribution" | "matrix" | "plans" | "risk" | "all";

export interface PlanAccounts {
  /** Every account of the selection (customer ids), in plan order. */
  readonly selected: readonly number[];
  /** The accounts that get a plan: the first MAX_PLAN_SHEETS of the selection. */
  readonly planned: readonly number[];
  /** Names of the selection that matched no customer. */
  readonly unknown: readonly string[];
}

/** The accounts of a plan selection, and the plan cap applied to them. */
export function choosePlanAccounts(portfolio: Portfolio, selection: PlanSelection): PlanAccounts {
  const { ids, unknown } = selectPlanAccounts(portfolio, selection);
  return { selected: ids, planned: ids.slice(0, MAX_PLAN_SHEETS), unknown };
}

export interface SheetsRequest {
  readonly choice: SheetChoice;
  /** One options object for every builder (locale, date, column names, live sources). */
  readonly options: SheetOptions;
  /** Customer ids with a plan sheet (choice "plans"/"all") or a line in the risk register. */
  readonly accounts: readonly number[];
  /** Criteria weights of the matrix; weights that do not fit the criteria are left out. */
  readonly weights?: MatrixOptions["weights"];
  /** After each plan sheet (and once before the first): progress. */
  readonly onPlan?: (done: number, total: number) => void;
}

interface BuiltSheet {
  readonly model: SheetModel;
  /** The account of a plan sheet. */
  readonly account?: number;
}

export interface BuiltSheets {
  /** In workbook order: contribution, matrix, plans, risk register. */
  readonly sheets: readonly BuiltSheet[];
  /** The matrix was built with equal weights: the weights given did not fit its criteria. */
  readonly weightsIgnored: boolean;
}

const wants = (choice: SheetChoice, kind: Exclude<SheetChoice, "all">): boolean => choice === kind || choice === "all";

/** The sheet models of a request, in workbook order. */
export function buildSheetModels(portfolio: Portfolio, request: SheetsRequest): BuiltSheets {
  const { choice, options, accounts } = request;
  const sheets: BuiltSheet[] = [];
  let weightsIgnored = false;
  if (wants(choice, "contribution")) sheets.push({ model: buildContributionSheet(portfolio, options) });
  if (wants(choice, "matrix")) {
    const matrix = matrixSheet(portfolio, options, request.weights);
    weightsIgnored = matrix.weightsIgnored;
    sheets.push({ model: matrix.model });
  }
  if (wants(choice, "plans")) {
    request.onPlan?.(0, accounts.length);
    accounts.forEach((account, i) => {
      sheets.push({ model: buildAccountPlanSheet(portfolio, account, options), account });
      request.onPlan?.(i + 1, accounts.length);
    });
  }
  if (wants(choice, "risk") && accounts.length > 0) sheets.push({ model: buildRiskRegisterSheet(portfolio, accounts, options) });
  return { sheets, weightsIgnored };
}

function matrixSheet(
  portfolio: Portfolio,
  options: SheetOptions,
  weights: MatrixOptions["weights"],
): { model: SheetModel; weightsIgnored: boolean } {
  if (!weights) return { model: buildMatrixSheet(portfolio, options), weightsIgnored: false };
  try {
    return { model: buildMatrixSheet(portfolio, { ...options, weights }), weightsIgnored: false };
  } catch (e) {
    // Saved weights of other criteria (the mapping changed since): equal weights, with a note.
    if (!(e instanceof Error ? e.message : "").includes("weights")) throw e;
    return { model: buildMatrixSheet(portfolio, options), weightsIgnored: true };
  }
}
