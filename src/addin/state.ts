/**
 * The pane's state saved with the workbook (Office.context.document.settings, Settings 1.1): the
 * table address and headers it was made for, the mapping and the settings. Also the last error
 * of a ribbon command, left for the pane to show (a ribbon command has no UI of its own).
 *
 * Settings travel with the workbook file once the workbook is saved; saveAsync persists them in
 * the document's settings store now. A value that does not have the expected shape (a workbook
 * from another version, hand-edited) reads as null rather than failing.
 */
import { ActionError } from "./errors";
import { officeHost } from "./host";
import type { ColumnMapping, PlannerSettings, SavedState } from "./types";

export const STATE_KEY = "kaPlanner.state";
export const LAST_ERROR_KEY = "kaPlanner.lastCommandError";
const STATE_VERSION = 1;

function settingsStore(): Office.Settings | null {
  return officeHost()?.context?.document?.settings ?? null;
}

function requireStore(): Office.Settings {
  const s = settingsStore();
  if (!s) throw new ActionError("noHost", "taskpane.error.noExcel");
  return s;
}

function persist(store: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      store.saveAsync((result) => {
        const failed =
          String(result?.status).toLowerCase() === "failed" || (result?.error && String(result.status).toLowerCase() !== "succeeded");
        if (failed)
          reject(new ActionError("unknown", "taskpane.error.settingsNotSaved", { detail: result.error?.message ?? "" }, result.error));
        else resolve();
      });
    } catch (e) {
      reject(new ActionError("unknown", "taskpane.error.settingsNotSaved", { detail: e instanceof Error ? e.message : String(e) }, e));
    }
  });
}

/* ---------------------------------------------------------------- shape checks */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x));

function mappingOf(v: unknown): ColumnMapping | null {
  if (!isObject(v)) return null;
  const out: ColumnMapping = {};
  for (const [role, x] of Object.entries(v)) {
    if (x === undefined || x === null) continue;
    if (isIndex(x)) out[role] = x;
    else if (Array.isArray(x) && x.every(isIndex)) out[role] = [...x];
    else return null;
  }
  return out;
}

function settingsOf(v: unknown): PlannerSettings | null {
  if (!isObject(v)) return null;
  const { scheme, thresholds, measure, locale, mode, plans, weights, dateOrder } = v;
  if (!["ABC", "KIG", "IBM", "AUTO"].includes(scheme as string)) return null;
  if (measure !== "revenue" && measure !== "profit") return null;
  if (locale !== "en" && locale !== "zh") return null;
  if (mode !== "portable" && mode !== "live") return null;
  let p: PlannerSettings["plans"];
  if (plans === "first-tier") p = "first-tier";
  else if (isObject(plans) && isIndex(plans.top) && plans.top >= 1) p = { top: plans.top };
  else if (isObject(plans) && Array.isArray(plans.names) && plans.names.every((n) => typeof n === "string"))
    p = { names: [...plans.names] };
  else return null;
  const out: PlannerSettings = { scheme: scheme as PlannerSettings["scheme"], measure, locale, mode, plans: p };
  if (thresholds !== undefined && thresholds !== null) {
    if (!isNumbers(thresholds)) return null;
    out.thresholds = [...thresholds];
  }
  if (dateOrder !== undefined && dateOrder !== null) {
    if (dateOrder !== "ymd" && dateOrder !== "mdy" && dateOrder !== "dmy") return null;
    out.dateOrder = dateOrder;
  }
  if (weights !== undefined && weights !== null) {
    if (!isObject(weights) || !isNumbers(weights.attractiveness) || !isNumbers(weights.strength)) return null;
    out.weights = { attractiveness: [...weights.attractiveness], strength: [...weights.strength] };
  }
  return out;
}

/** A SavedState of the right shape, or null. */
function savedStateOf(v: unknown): SavedState | null {
  if (!isObject(v)) return null;
  if (typeof v.tableAddress !== "string" || !Array.isArray(v.headers) || !v.headers.every((h) => typeof h === "string")) return null;
  const mapping = mappingOf(v.mapping);
  const settings = settingsOf(v.settings);
  if (!mapping || !settings) return null;
  return { tableAddress: v.tableAddress, headers: [...v.headers], mapping, settings };
}

/* ---------------------------------------------------------------- the API */

/** The state saved with the workbook, or null (none, another shape, outside Office). */
export function loadSavedState(): SavedState | null {
  const store = settingsStore();
  if (!store) return null;
  try {
    return savedStateOf(store.get(STATE_KEY));
  } catch {
    return null;
  }
}

/** Saves the state with the workbook (settings.set + saveAsync). */
export async function saveState(state: SavedState): Promise<void> {
  const store = requireStore();
  const checked = savedStateOf(state);
  if (!checked)
    throw new ActionError("unknown", "taskpane.error.settingsNotSaved", { detail: "the state does not have the expected shape" });
  store.set(STATE_KEY, { version: STATE_VERSION, ...checked });
  await persist(store);
}

/** The last failure of a ribbon command, left for the pane. */
export interface CommandErrorRecord {
  readonly command: string;
  readonly kind: ActionError["kind"];
  readonly messageKey: string;
  readonly args: Record<string, string | number>;
  /** ISO time of the failure. */
  readonly at: string;
}

export function loadLastCommandError(): CommandErrorRecord | null {
  const store = settingsStore();
  if (!store) return null;
  try {
    const v = store.get(LAST_ERROR_KEY) as unknown;
    if (!isObject(v) || typeof v.kind !== "string" || typeof v.messageKey !== "string" || typeof v.command !== "string") return null;
    return {
      command: v.command,
      kind: v.kind as ActionError["kind"],
      messageKey: v.messageKey,
      args: isObject(v.args) ? (v.args as Record<string, string | number>) : {},
      at: typeof v.at === "string" ? v.at : "",
    };
  } catch {
    return null;
  }
}

export async function saveLastCommandError(command: string, e: ActionError, at: Date = new Date()): Promise<void> {
  const store = requireStore();
  const record: CommandErrorRecord = { command, kind: e.kind, messageKey: e.messageKey, args: e.args, at: at.toISOString() };
  store.set(LAST_ERROR_KEY, record);
  await persist(store);
}

export async function clearLastCommandError(): Promise<void> {
  const store = settingsStore();
  if (!store) return;
  const last: unknown = store.get(LAST_ERROR_KEY);
  if (last === null || last === undefined) return;
  store.remove(LAST_ERROR_KEY);
  await persist(store);
}
