/** The actions API the pane uses in Excel (src/addin), checked against the pane's contract. */
import * as actions from "../addin";
import type { PlannerApi } from "./contract";

export const plannerApi: PlannerApi = {
  checkRequirements: actions.checkRequirements,
  findSalesTable: actions.findSalesTable,
  proposeMapping: actions.proposeMapping,
  loadSavedState: actions.loadSavedState,
  saveState: actions.saveState,
  readPreview: actions.readPreview,
  insertTierColumn: actions.insertTierColumn,
  buildSheets: actions.buildSheets,
  loadLastCommandError: actions.loadLastCommandError,
  clearLastCommandError: actions.clearLastCommandError,
  removeLeftovers: actions.removeLeftovers,
  onRunRefused: actions.onRunRefused,
};
