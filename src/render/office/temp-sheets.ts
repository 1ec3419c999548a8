/**
 * Temporary sheets and the run they belong to.
 *
 * Every run (one call of renderSheets) has a run id; each sheet is written under a temporary
 * name "~KA <run id> <n>" and carries a marker: a sheet-scoped defined name TEMP_MARKER whose
 * value is "KAPlanner:<run id>:<creation time in ms>". The marker is removed in the request that
 * gives the sheet its final name, right after the rename. Both together say "a half-written sheet of run X": a user's
 * sheet named like ours has no marker (or one of another run) and is never touched.
 *
 * A workbook defined name created by a run is recognised as the run's by what it refers to: its
 * own temporary sheet (by that sheet's current name, loaded by id or temporary name). A name
 * that only says #REF! cannot be told from a user's and is left alone.
 *
 * removeLeftoverSheets: the sheets and workbook names of crashed runs (a marked temporary sheet,
 * not of the run in progress in this runtime, created more than LEFTOVER_GRACE_MS ago). The age
 * rule is for runs of other runtimes on the same workbook (co-authors, a second window on the
 * web): their in-memory lock is not ours to see, and their temporary sheet lives only while one
 * sheet is written — minutes at most.
 */
/** The sheet-scoped name that marks a temporary sheet of a run. */
export const TEMP_MARKER = "_KAPlanner_Temporary";
/** Prefix of every temporary sheet name. */
const TEMP_PREFIX = "~KA ";
/** A marked temporary sheet younger than this may belong to a live run in another runtime. */
export const LEFTOVER_GRACE_MS = 10 * 60 * 1000;

const TEMP_NAME = /^~KA ([0-9a-z]{6,11}\.[0-9a-z]{4}) [0-9a-z]{1,8}$/;
const MARKER_VALUE = /KAPlanner:([0-9a-z]{6,11}\.[0-9a-z]{4}):(\d{1,16})/;

/** A new run id: the start time and 4 random characters in base 36 ("miab12cd.x9k2"). */
export function newRunId(now: number = Date.now()): string {
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, "0");
  return `${now.toString(36)}.${random}`;
}

/** The temporary name of the `n`-th sheet of a run (≤ 31 characters). */
export const tempSheetName = (runId: string, n: number): string => `${TEMP_PREFIX}${runId} ${n.toString(36)}`;

/** The run id in a temporary sheet's name, or undefined for any other name. */
export function runIdOfSheetName(name: string): string | undefined {
  return TEMP_NAME.exec(name)?.[1];
}

/** The marker's content: a string formula, readable with ExcelApi 1.4 (NamedItem.value). */
export const markerFormula = (runId: string, createdAt: number): string => `="KAPlanner:${runId}:${createdAt}"`;

/** The run id and creation time in a marker's value or formula (a string), or undefined. */
export function markerOf(value: unknown): { runId: string; createdAt: number } | undefined {
  const m = typeof value === "string" ? MARKER_VALUE.exec(value) : null;
  return m ? { runId: m[1], createdAt: Number(m[2]) } : undefined;
}

/** Whether a name's target ("='Sheet'!$A$1" or its value "'Sheet'!$A$1", a string) is on the sheet named `sheetName`. */
export function refersToSheet(target: unknown, sheetName: string): boolean {
  if (typeof target !== "string") return false;
  const t = target.replace(/^=/, "");
  return t.startsWith(`'${sheetName.replace(/'/g, "''")}'!`) || t.startsWith(`${sheetName}!`);
}

/** What a name refers to: `formula` needs ExcelApi 1.7; `value` (1.1) gives a range name's address. */
export const refersToProperty = (supports: (version: string) => boolean): "formula" | "value" => (supports("1.7") ? "formula" : "value");

export interface LeftoverOptions {
  /** The run in progress in this runtime (its sheets are never leftovers). */
  readonly activeRunId?: string;
  readonly now?: number;
  readonly graceMs?: number;
  readonly supports?: (version: string) => boolean;
}

/**
 * Deletes the marked temporary sheets of crashed runs and the workbook names that refer to them.
 * Syncs: 1 when no sheet is named like a temporary one; else 2, plus 1 when something is deleted.
 * Returns the names of the sheets deleted.
 */
export async function removeLeftoverSheets(context: Excel.RequestContext, options: LeftoverOptions = {}): Promise<string[]> {
  const now = options.now ?? Date.now();
  const grace = options.graceMs ?? LEFTOVER_GRACE_MS;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();
  const candidates = worksheets.items.filter((s) => {
    const run = runIdOfSheetName(s.name);
    return run !== undefined && run !== options.activeRunId;
  });
  if (candidates.length === 0) return [];

  const refersTo = refersToProperty(options.supports ?? (() => true));
  const markers = candidates.map((s) => s.names.getItemOrNullObject(TEMP_MARKER).load("value"));
  const names = context.workbook.names.load(`items/name,items/${refersTo}`);
  await context.sync();
  const leftovers = candidates.filter((s, i) => {
    if (markers[i].isNullObject) return false;
    const marker = markerOf(markers[i].value);
    return marker !== undefined && marker.runId === runIdOfSheetName(s.name) && now - marker.createdAt > grace;
  });
  if (leftovers.length === 0) return [];

  for (const item of names.items) {
    const target: unknown = refersTo === "formula" ? item.formula : item.value;
    if (leftovers.some((s) => refersToSheet(target, s.name))) context.workbook.names.getItem(item.name).delete();
  }
  for (const s of leftovers) worksheets.getItem(s.id).delete();
  await context.sync();
  return leftovers.map((s) => s.name);
}
