/**
 * The pane's state and every change to it, as one pure reducer (tested without a browser).
 * Effects (calls to the actions API) live in usePlanner.ts and only dispatch these events.
 */
import type { Locale } from "../strings";
import type { ActionErrorKind, ColumnMapping, DetectedTable, RequirementGap, SheetKind } from "./contract";
import { assignColumn } from "./mapping";
import { defaultDraft, defaultThresholdsText, type SettingsDraft } from "./settings";

type HostStatus = "starting" | "outside" | "unsupported" | "ready";
export type ActionName = SheetKind | "tier";
export type Theme = "light" | "dark";

export interface PaneError {
  kind: ActionErrorKind;
  /** Where it happened, so that it shows where the user looks: finding the table, an action, a ribbon command. */
  source?: "find" | "run" | "command";
  /** Resource key of the specific message (from the actions API), if any. */
  messageKey?: string;
  args?: Record<string, string | number>;
}

export interface Busy {
  action: ActionName;
  done: number;
  total: number;
  /** What is being written now (a sheet name), "" before the first report. */
  label: string;
  cancelling: boolean;
}

export interface Outcome {
  action: ActionName;
  created: { key: string; name: string }[];
  warnings: string[];
  cancelled: boolean;
  /** The tier column's address (action "tier"). */
  address?: string;
}

export interface PaneState {
  host: HostStatus;
  /** Requirement sets the host lacks: all of them when "unsupported", else features that degrade. */
  missing: RequirementGap[];
  limitsDismissed: boolean;
  locale: Locale;
  /** True once the user switched the language by hand (Office's language is then ignored). */
  localeChosen: boolean;
  theme: Theme;
  table: DetectedTable | null;
  finding: boolean;
  mapping: ColumnMapping;
  /** Where the mapping comes from: proposed from the headers, saved with the workbook, or edited. */
  mappingSource: "proposed" | "saved" | "edited";
  /** The proposal for the current table (for "propose again"). */
  proposed: ColumnMapping;
  draft: SettingsDraft;
  busy: Busy | null;
  outcome: Outcome | null;
  error: PaneError | null;
}

export type PaneEvent =
  | { type: "hostReady"; inExcel: boolean; ok?: boolean; locale?: Locale; theme?: Theme; missing?: RequirementGap[] }
  | { type: "showError"; error: PaneError }
  | { type: "dismissLimits" }
  | { type: "setLocale"; locale: Locale }
  | { type: "findStart" }
  | { type: "findDone"; table: DetectedTable; proposed: ColumnMapping; saved?: { mapping: ColumnMapping; draft: SettingsDraft } }
  | { type: "findFailed"; error: PaneError | null }
  | { type: "setColumnRole"; column: number; role: string }
  | { type: "proposeAgain" }
  | { type: "setDraft"; patch: Partial<SettingsDraft> }
  | { type: "setWeight"; column: number; weight: string }
  | { type: "runStart"; action: ActionName }
  | { type: "progress"; done: number; total: number; label: string }
  | { type: "cancelRequested" }
  | { type: "runDone"; outcome: Outcome }
  | { type: "runFailed"; error: PaneError }
  | { type: "dismissError" }
  | { type: "dismissOutcome" };

export function initialState(locale: Locale, localeChosen = false, theme: Theme = "light"): PaneState {
  return {
    host: "starting",
    missing: [],
    limitsDismissed: false,
    locale,
    localeChosen,
    theme,
    table: null,
    finding: false,
    mapping: {},
    mappingSource: "proposed",
    proposed: {},
    draft: defaultDraft(locale),
    busy: null,
    outcome: null,
    error: null,
  };
}

function withLocale(state: PaneState, locale: Locale): PaneState {
  // The generated content follows the pane's language until the user picks it.
  const draft = state.draft.contentLocaleChosen ? state.draft : { ...state.draft, contentLocale: locale };
  return { ...state, locale, draft };
}

export function reducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "hostReady": {
      const host: HostStatus = !event.inExcel ? "outside" : event.ok === false ? "unsupported" : "ready";
      let next: PaneState = { ...state, host, missing: event.missing ?? [] };
      if (event.theme) next.theme = event.theme;
      if (event.locale && !state.localeChosen) next = withLocale(next, event.locale);
      return next;
    }
    case "setLocale":
      return { ...withLocale(state, event.locale), localeChosen: true };
    case "findStart":
      return { ...state, finding: true, error: null, outcome: null };
    case "findDone": {
      const saved = event.saved;
      // Settings typed for the previous table stay (except weights, which are per column).
      const draft = saved ? saved.draft : { ...state.draft, weights: {} };
      return {
        ...state,
        finding: false,
        table: event.table,
        proposed: event.proposed,
        mapping: saved ? saved.mapping : event.proposed,
        mappingSource: saved ? "saved" : "proposed",
        draft,
        error: null,
        outcome: null,
      };
    }
    case "findFailed":
      return { ...state, finding: false, error: event.error && { ...event.error, source: "find" } };
    case "setColumnRole":
      if (state.busy) return state;
      return { ...state, mapping: assignColumn(state.mapping, event.column, event.role), mappingSource: "edited", outcome: null };
    case "proposeAgain":
      if (state.busy) return state;
      return { ...state, mapping: state.proposed, mappingSource: "proposed", outcome: null };
    case "setDraft": {
      if (state.busy) return state;
      const patch = { ...event.patch };
      // A new scheme brings its own thresholds.
      if (patch.scheme && patch.scheme !== state.draft.scheme && patch.thresholds === undefined)
        patch.thresholds = defaultThresholdsText(patch.scheme);
      if (patch.contentLocale) patch.contentLocaleChosen = true;
      return { ...state, draft: { ...state.draft, ...patch } };
    }
    case "setWeight":
      if (state.busy) return state;
      return { ...state, draft: { ...state.draft, weights: { ...state.draft.weights, [event.column]: event.weight } } };
    case "runStart":
      if (state.busy) return state;
      return { ...state, busy: { action: event.action, done: 0, total: 0, label: "", cancelling: false }, error: null, outcome: null };
    case "progress":
      return state.busy ? { ...state, busy: { ...state.busy, done: event.done, total: event.total, label: event.label } } : state;
    case "cancelRequested":
      return state.busy ? { ...state, busy: { ...state.busy, cancelling: true } } : state;
    case "runDone":
      return { ...state, busy: null, outcome: event.outcome };
    case "runFailed":
      return { ...state, busy: null, error: { ...event.error, source: "run" } };
    case "showError":
      return { ...state, error: { ...event.error, source: "command" } };
    case "dismissLimits":
      return { ...state, limitsDismissed: true };
    case "dismissError":
      return { ...state, error: null };
    case "dismissOutcome":
      return { ...state, outcome: null };
  }
}

/** Fraction done for a progress bar (undefined: not known yet, show an indeterminate bar). */
export function progressValue(busy: Busy | null): number | undefined {
  if (!busy || busy.total <= 0) return undefined;
  return Math.max(0, Math.min(1, busy.done / busy.total));
}
