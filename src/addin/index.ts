/**
 * The add-in's application (src/addin): everything the task pane (and the ribbon commands) do to
 * the workbook, through Office.js and the Office renderer (render/office); the rules they share
 * with the command line are in src/app.
 * The pane holds no Excel calls and no key-account rules; it calls these.
 *
 * - checkRequirements(): what the host lacks (ExcelApi 1.4 is needed; features degrade above).
 * - findSalesTable(): the Excel table at the active cell, else the current region around it.
 * - proposeMapping(table) / readPreview(table, mapping): pure, for the mapping step.
 * - loadSavedState() / saveState(state): the pane's state, saved with the workbook.
 * - insertTierColumn(...): a KA.TIER column (or its labels) in the first empty column on the right.
 * - buildSheets(kind, ...): the 80/20 contribution, matrix, plan and risk sheets, in new sheets.
 * - one run at a time (run-lock.ts): insertTierColumn and buildSheets are refused ("busy") while
 *   another runs; removeLeftovers() deletes the temporary sheets of crashed runs.
 * Every failure is an ActionError (kind + taskpane.error.* message key + args).
 */
export type {
  DetectedTable,
  ColumnMapping,
  PlannerSettings,
  SavedState,
  BuildKind,
  BuildOptions,
  BuildResult,
  RequirementGap,
  PreviewColumn,
} from "./types";
export { ActionError, actionErrorText, toActionError } from "./errors";
export type { ActionErrorKind } from "./errors";
export { checkRequirements } from "./host";
export { findSalesTable, SAMPLE_ROWS } from "./detect";
export { proposeMapping, readPreview } from "./mapping";
export {
  loadSavedState,
  saveState,
  loadLastCommandError,
  saveLastCommandError,
  clearLastCommandError,
  STATE_KEY,
  LAST_ERROR_KEY,
} from "./state";
export type { CommandErrorRecord } from "./state";
export { insertTierColumn, MAX_SCAN_COLUMNS } from "./tier-column";
export { buildSheets, MAX_NEW_SHEETS } from "./build";
export { announceRefusal, busyError, onRunRefused, removeLeftovers, runInProgress } from "./run-lock";
