/**
 * The task pane's actions API: the types the pane codes against (src/taskpane/contract.ts mirrors
 * them). Everything the pane does to the workbook goes through src/addin.
 */
import type { SheetChoice } from "../app/build";
import type { ColumnMapping } from "../app/mapping";

export type { ColumnMapping } from "../app/mapping";

/** A sales table found around the selection. */
export interface DetectedTable {
  /** The worksheet the table is on. */
  sheetName: string;
  /** Sheet-qualified address with the header row, as Excel writes it: "Sales!A1:H3001". */
  address: string;
  /** An Excel table (ListObject) containing the active cell, or the current region around it. */
  source: "table" | "region";
  tableName?: string;
  /** Data rows (header and totals row excluded) and columns. */
  rowCount: number;
  columnCount: number;
  /** Header texts, blank headers as "Column C" (the worksheet column). */
  headers: string[];
  /** The first 5 data rows (values as Excel gives them: numbers, text, booleans, "" for blank). */
  preview: unknown[][];
  /** The first data rows (up to 200) for content sniffing; an addition to the pane's contract. */
  sample?: unknown[][];
}

export interface PlannerSettings {
  scheme: "ABC" | "KIG" | "IBM" | "AUTO";
  /** Cumulative-share thresholds, ascending fractions; the scheme's when absent. */
  thresholds?: number[];
  measure: "revenue" | "profit";
  /** Language of the generated content (labels, sheet names). */
  locale: "en" | "zh";
  /** portable: native formulas over values copied into the sheets; live: KA.* formulas over the table. */
  mode: "portable" | "live";
  plans: "first-tier" | { top: number } | { names: string[] };
  weights?: { attractiveness: number[]; strength: number[] };
  /** Order of a date column whose dates are all ambiguous (03/04/2025); absent: such a column is left out. */
  dateOrder?: "ymd" | "mdy" | "dmy";
}

export interface SavedState {
  tableAddress: string;
  headers: string[];
  mapping: ColumnMapping;
  settings: PlannerSettings;
}

/** The sheets a run inserts (app/build.ts). */
export type BuildKind = SheetChoice;

export interface BuildOptions {
  /** After each step: reading a chunk of rows, building, each sheet written (label: what comes next). */
  onProgress?(done: number, total: number, label: string): void;
  /** Checked between chunks and between sheets (never inside one). */
  signal?: AbortSignal | { cancelled: boolean };
  /** Generation date shown on the sheets (YYYY-MM-DD); default today. */
  generated?: string;
}

export interface BuildResult {
  created: { key: string; name: string }[];
  /** Localised (settings.locale) notes: features left out, plan names not found, the table edited during the run. */
  warnings: string[];
  cancelled: boolean;
}

export interface RequirementGap {
  set: string;
  version: string;
  /** What needs it, in English (resource featureKey). */
  feature: string;
  /** Resource key of `feature` (taskpane.requirement.*), for the pane's language. */
  featureKey: string;
}

export interface PreviewColumn {
  role: string;
  header: string;
  values: unknown[];
  /**
   * Customer column only, when the sample shows any: rows the actions leave out as total rows
   * (index: 0-based row of the preview; row: worksheet row; name: customer text).
   */
  totalRows?: { index: number; row: number; name: string }[];
}
