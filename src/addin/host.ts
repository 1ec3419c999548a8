/**
 * The Office host as the actions see it: the `Office` and `Excel` globals (absent outside
 * Excel: "noHost"), requirement sets, and the requirements the pane needs. Tests install fakes
 * of both globals (test/support/fake-excel.ts FakeOffice).
 */
import { text } from "../strings";
import { ActionError } from "./errors";
import type { RequirementGap } from "./types";

interface OfficeLike {
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    document?: { settings?: Office.Settings };
    displayLanguage?: string;
  };
  addin?: { showAsTaskpane(): Promise<void> };
}

interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The Office global, or null outside Office (office.js not loaded). */
export function officeHost(): OfficeLike | null {
  const o = (globalThis as { Office?: unknown }).Office;
  return o && typeof o === "object" ? o : null;
}

function excelHost(): ExcelLike | null {
  const e = (globalThis as { Excel?: unknown }).Excel;
  return e && typeof (e as ExcelLike).run === "function" ? (e as ExcelLike) : null;
}

/** Whether the host supports a requirement set (false outside Office). */
function supportsSet(name: string, version: string): boolean {
  try {
    return officeHost()?.context?.requirements?.isSetSupported(name, version) ?? false;
  } catch {
    return false;
  }
}

export const supportsExcel = (version: string): boolean => supportsSet("ExcelApi", version);

/** Excel.run, or ActionError("noHost") outside Excel; the pane's minimum (ExcelApi 1.4) is checked first. */
export function excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = excelHost();
  if (!excel) return Promise.reject(new ActionError("noHost", "taskpane.error.noExcel"));
  if (!supportsExcel("1.4"))
    return Promise.reject(new ActionError("requirements", "taskpane.error.needsExcelApi", { set: "ExcelApi", version: "1.4" }));
  return excel.run(batch);
}

/** The requirement sets the pane uses, what each enables, and whether it is required. */
const REQUIREMENTS: readonly { set: string; version: string; featureKey: string; required: boolean }[] = [
  { set: "ExcelApi", version: "1.4", featureKey: "taskpane.requirement.pane", required: true },
  { set: "ExcelApi", version: "1.6", featureKey: "taskpane.requirement.calculation", required: false },
  { set: "ExcelApi", version: "1.7", featureKey: "taskpane.requirement.region", required: false },
  { set: "ExcelApi", version: "1.9", featureKey: "taskpane.requirement.tableAtSelection", required: false },
  { set: "SharedRuntime", version: "1.1", featureKey: "taskpane.requirement.ribbon", required: false },
];

/**
 * What the host lacks: ok when the pane can work at all (ExcelApi 1.4); above that, features
 * degrade (and are listed): calculation is not paused while writing (1.6), the data around the
 * selection is the sheet's used range instead of the current region (1.7), finding a table at
 * the selection takes one more round trip (1.9), the ribbon command cannot open the pane.
 */
export function checkRequirements(): { ok: boolean; missing: RequirementGap[] } {
  const missing: RequirementGap[] = [];
  let ok = true;
  for (const r of REQUIREMENTS) {
    if (supportsSet(r.set, r.version)) continue;
    if (r.required) ok = false;
    missing.push({ set: r.set, version: r.version, feature: text("en", r.featureKey), featureKey: r.featureKey });
  }
  return { ok, missing };
}
