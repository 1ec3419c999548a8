/**
 * One KA Planner run at a time: the lock shared by the task pane and the ribbon commands.
 *
 * Both run in the shared runtime (one JavaScript context per workbook: manifest <Runtime
 * lifetime="long">), so an in-memory lock taken synchronously, before the first await, is
 * exact: a second run is refused at once with ActionError("busy"), and the lock is released in
 * `finally` whatever the run ends with (done, failed, cancelled).
 *
 * No workbook-level lock: Office.js has no atomic primitive shared by two sessions of one
 * workbook (co-authors, a second window on the web). Document settings are a per-session copy
 * until saved and reopened, and a marker cell or name would be merged seconds late and be left
 * behind by a crash, blocking every run until someone removed it. What keeps such runs apart
 * instead: each run's temporary sheets carry its run id (temp-sheets.ts), each run's cleanup
 * deletes only its own objects, and leftovers are removed only once old enough.
 *
 * A refusal the ribbon meets has no UI of its own: it is announced to the pane (announceRefusal),
 * which shows it while it stays open.
 */
import { newRunId, removeLeftoverSheets } from "../render/office/temp-sheets";
import { ActionError } from "./errors";
import { excelRun, supportsExcel } from "./host";

export interface RunTicket {
  readonly id: string;
}

let current: RunTicket | null = null;
const listeners = new Set<(error: ActionError) => void>();

/** The run in progress in this runtime, or null. */
export function runInProgress(): RunTicket | null {
  return current;
}

/** The refusal: another run is in progress. */
export const busyError = (): ActionError => new ActionError("busy", "taskpane.error.runInProgress");

/**
 * Runs `work` as the only run of this runtime; refused (ActionError "busy", nothing started) while
 * another is in progress. The check and the taking are synchronous, so two calls can never both pass.
 */
export async function exclusiveRun<T>(work: (run: RunTicket) => Promise<T>): Promise<T> {
  // An async function runs synchronously up to its first await: the check and the taking below.
  if (current) throw busyError();
  const ticket: RunTicket = { id: newRunId() };
  current = ticket;
  try {
    return await work(ticket);
  } finally {
    if (current === ticket) current = null;
  }
}

/** Tells whoever listens (the pane) that a run was refused; false when nobody listens. */
export function announceRefusal(error: ActionError): boolean {
  let heard = false;
  for (const listener of listeners) {
    try {
      listener(error);
      heard = true;
    } catch (e) {
      console.error("KA Planner: a refusal listener failed", e);
    }
  }
  return heard;
}

/** Subscribes to refusals announced by the ribbon commands; returns the unsubscribe function. */
export function onRunRefused(listener: (error: ActionError) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

let leftoversRemoved: Promise<string[]> | null = null;

/**
 * Once per runtime (pane start-up, first ribbon command): removes the temporary sheets and names
 * crashed runs left behind (never the run in progress). Never rejects: start-up must go on.
 */
export function removeLeftovers(): Promise<string[]> {
  leftoversRemoved ??= excelRun((context) => removeLeftoverSheets(context, { activeRunId: current?.id, supports: supportsExcel })).catch(
    (e: unknown) => {
      console.warn("KA Planner: temporary sheets of an earlier run could not be removed", e);
      return [];
    },
  );
  return leftoversRemoved;
}

/** Tests only: forget that the leftovers were removed (each test is a new workbook). */
export function resetLeftoverCheck(): void {
  leftoversRemoved = null;
}
