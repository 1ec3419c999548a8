/*
 * Ribbon command wiring for the shared runtime. The manifest's <FunctionFile> points to
 * taskpane.html (Taskpane.Url), so this bundle is loaded into the same page as the task pane
 * and the custom functions.
 *
 * Ribbon buttons of type ExecuteFunction need a handler associated with their action id via
 * Office.actions.associate; the table below is where they go. "Open KA Planner" is a
 * ShowTaskpane action, which Office handles without code; "80/20 sheet" (buildContributionSheet)
 * builds the contribution sheet of the table around the selection directly.
 */
import {
  ActionError,
  announceRefusal,
  buildSheets,
  busyError,
  clearLastCommandError,
  findSalesTable,
  loadSavedState,
  proposeMapping,
  removeLeftovers,
  runInProgress,
  saveLastCommandError,
  toActionError,
  type PlannerSettings,
} from "../addin";

/** A ribbon action handler. It must not call event.completed(): `completing` does that. */
export type CommandHandler = (event: Office.AddinCommands.Event) => void | Promise<void>;

/** The manifest's <FunctionName> of the 80/20 button. */
export const CONTRIBUTION_COMMAND = "buildContributionSheet";

/** Generated content in Chinese when Office's display language is Chinese. */
export function displayLocale(): "en" | "zh" {
  try {
    const language = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return typeof language === "string" && language.toLowerCase().startsWith("zh") ? "zh" : "en";
  } catch {
    return "en";
  }
}

/** The settings used when the pane never saved any: ABC on revenue, portable sheets. */
export function defaultSettings(locale: "en" | "zh"): PlannerSettings {
  return { scheme: "ABC", measure: "revenue", locale, mode: "portable", plans: "first-tier" };
}

const sameHeaders = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((h, i) => h === b[i]);

/**
 * The 80/20 button: finds the table around the selection, takes the mapping and settings the
 * pane saved with the workbook (the mapping only when the table has the same headers; otherwise
 * the proposed one) and inserts the contribution sheet. A failure is left in the workbook's
 * settings for the pane (loadLastCommandError) and the pane is opened to show it: a ribbon
 * command has no UI of its own, and a dialog would be heavier than the pane the user needs to
 * fix the problem anyway.
 *
 * One run at a time: while the pane (or an earlier click) is running, the button starts nothing
 * and says so in the pane (refused). The first command of a runtime removes what crashed runs
 * left behind (removeLeftovers), as the pane does when it starts.
 */
export async function buildContributionCommand(): Promise<void> {
  try {
    if (runInProgress()) throw busyError();
    await removeLeftovers();
    const table = await findSalesTable();
    const saved = loadSavedState();
    const mapping = saved && sameHeaders(saved.headers, table.headers) ? saved.mapping : proposeMapping(table);
    const settings = saved?.settings ?? defaultSettings(displayLocale());
    await buildSheets("contribution", table, mapping, settings);
    await clearLastCommandError().catch(() => undefined);
  } catch (error) {
    const e: ActionError = toActionError(error);
    if (e.kind === "busy") return refused(e);
    await saveLastCommandError(CONTRIBUTION_COMMAND, e).catch((saveError: unknown) =>
      console.error("KA Planner: the error could not be saved for the pane", saveError),
    );
    await showPane();
  }
}

/**
 * A refusal is news only while the other run goes on: told to the pane at once (it shows the
 * running run's progress), saved with the workbook only when no pane listens. Never throws.
 */
async function refused(e: ActionError): Promise<void> {
  if (!announceRefusal(e))
    await saveLastCommandError(CONTRIBUTION_COMMAND, e).catch((saveError: unknown) =>
      console.error("KA Planner: the error could not be saved for the pane", saveError),
    );
  await showPane();
}

/** Opens the task pane (SharedRuntime 1.1); never throws. */
export async function showPane(): Promise<void> {
  try {
    if (typeof Office !== "undefined" && Office.addin && typeof Office.addin.showAsTaskpane === "function")
      await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error("KA Planner: the pane could not be opened", error);
  }
}

/** ExecuteFunction action ids (the manifest's <FunctionName>) and their handlers. */
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  [CONTRIBUTION_COMMAND]: buildContributionCommand,
};

/** Wraps a handler so the event is always completed, even when the handler fails. */
export function completing(handler: CommandHandler): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      await handler(event);
    } catch (error) {
      console.error("KA Planner command failed", error);
    } finally {
      event.completed();
    }
  };
}

/** Associates every command with its action id once Office is ready; a no-op outside Office. */
export function registerCommands(commands: Readonly<Record<string, CommandHandler>> = COMMANDS): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  Office.onReady(() => {
    if (!Office.actions) return;
    for (const [id, handler] of Object.entries(commands)) {
      // completing() never rejects (it logs every failure and completes the event); its promise
      // is returned so that a caller can wait for the event to be completed.
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the promise never rejects, see above
      Office.actions.associate(id, completing(handler));
    }
  }).catch((error: unknown) => console.error("KA Planner: Office.onReady failed", error));
}

registerCommands();
