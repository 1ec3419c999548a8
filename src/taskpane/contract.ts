/**
 * The task pane's view of the actions API (src/addin): the only way the pane
 * reaches the workbook. Components receive a `PlannerApi` (the real module in the add-in, a stub
 * in unit tests) and never call Office.js for the workbook themselves; they hold no key-account
 * rules either: finding the table, proposing the mapping, reading the preview and building
 * sheets all happen behind this interface.
 */
import type {
  ActionErrorKind,
  BuildKind,
  BuildOptions,
  BuildResult,
  ColumnMapping,
  CommandErrorRecord,
  DetectedTable,
  PlannerSettings,
  PreviewColumn,
  RequirementGap,
  SavedState,
} from "../addin";

export type { ActionErrorKind, ColumnMapping, DetectedTable, PlannerSettings, PreviewColumn, RequirementGap };
export type SheetKind = BuildKind;
export type SchemeChoice = PlannerSettings["scheme"];
export type PlanChoice = PlannerSettings["plans"];

/** Every ActionError kind (to recognise an ActionError by its shape). */
export const ACTION_ERROR_KINDS: readonly ActionErrorKind[] = [
  "noHost",
  "noTable",
  "textInNumberColumn",
  "missingColumn",
  "protected",
  "tooLarge",
  "sheetLimit",
  "tableChanged",
  "requirements",
  "cancelled",
  "busy",
  "unknown",
];

/** The functions of src/addin the pane calls. */
export interface PlannerApi {
  checkRequirements(): { ok: boolean; missing: RequirementGap[] };
  findSalesTable(): Promise<DetectedTable>;
  proposeMapping(table: DetectedTable): ColumnMapping;
  loadSavedState(): SavedState | null;
  saveState(state: SavedState): Promise<void>;
  readPreview(table: DetectedTable, mapping: ColumnMapping, rows?: number): PreviewColumn[];
  insertTierColumn(
    table: DetectedTable,
    mapping: ColumnMapping,
    settings: PlannerSettings,
    options: { asValues?: boolean },
  ): Promise<{ address: string }>;
  buildSheets(
    kind: SheetKind,
    table: DetectedTable,
    mapping: ColumnMapping,
    settings: PlannerSettings,
    options: BuildOptions,
  ): Promise<BuildResult>;
  /** The last failure of a ribbon command (it has no UI of its own), for the pane to show. */
  loadLastCommandError?(): CommandErrorRecord | null;
  clearLastCommandError?(): Promise<void>;
  /** Once at start-up: removes the temporary sheets crashed runs left behind. */
  removeLeftovers?(): Promise<unknown>;
  /** Subscribes to runs of the ribbon refused while another is in progress; returns the unsubscribe. */
  onRunRefused?(listener: (error: unknown) => void): () => void;
}
