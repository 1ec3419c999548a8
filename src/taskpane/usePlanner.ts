/**
 * The pane's state and its effects: the reducer (state.ts) plus the calls to the actions API.
 * Components call the functions returned here; nothing else talks to the API.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import type { Locale } from "../strings";
import type { PlannerApi } from "./contract";
import { toPaneError } from "./errors";
import type { HostInfo } from "./host";
import { localeOf, storeLocale } from "./i18n";
import { clampMapping, mappingProblems, sameHeaders } from "./mapping";
import { draftFromSettings, settingsFromDraft } from "./settings";
import { initialState, reducer, type ActionName, type PaneState, type Theme } from "./state";

export interface PlannerOptions {
  api: PlannerApi;
  host: () => Promise<HostInfo>;
  /** Subscribes to "the pane was shown again" (to show a ribbon command's failure). */
  onShown?: (callback: () => void) => void;
  /** Initial language (browser's, or the user's stored choice). */
  locale: Locale;
  localeChosen: boolean;
  theme?: Theme;
}

export interface Planner {
  state: PaneState;
  /** For the synchronous reads components show (the preview); everything else goes through the functions below. */
  api: PlannerApi;
  findTable: (quiet?: boolean) => Promise<void>;
  setColumnRole: (column: number, role: string) => void;
  proposeAgain: () => void;
  setDraft: (patch: Partial<PaneState["draft"]>) => void;
  setWeight: (column: number, weight: string) => void;
  setLocale: (locale: Locale) => void;
  run: (action: ActionName) => Promise<void>;
  cancel: () => void;
  dismissError: () => void;
  dismissOutcome: () => void;
  dismissLimits: () => void;
}

export function usePlanner(options: PlannerOptions): Planner {
  const { api, host } = options;
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(options.locale, options.localeChosen, options.theme));
  // The callbacks below read the latest state through the ref, so they are not re-created on
  // every change; it is updated after each render is committed, before any effect or event.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);
  const controller = useRef<AbortController | null>(null);

  const findTable = useCallback(
    async (quiet = false) => {
      dispatch({ type: "findStart" });
      try {
        const table = await api.findSalesTable();
        const proposed = clampMapping(api.proposeMapping(table), table.columnCount);
        let saved: { mapping: typeof proposed; draft: PaneState["draft"] } | undefined;
        try {
          const s = api.loadSavedState();
          if (s && Array.isArray(s.headers) && sameHeaders(s.headers, table.headers) && s.mapping) {
            const mapping = clampMapping(s.mapping, table.columnCount);
            saved = { mapping, draft: draftFromSettings(s.settings, mapping, stateRef.current.draft) };
          }
        } catch (e) {
          console.warn("KA Planner: the saved mapping could not be read", e);
        }
        dispatch({ type: "findDone", table, proposed, saved });
      } catch (e) {
        const error = toPaneError(e);
        if (error.kind === "unknown") console.error("KA Planner: finding the sales table failed", e);
        // At start-up, a selection outside any table is normal: no error then, the button is there.
        dispatch({ type: "findFailed", error: quiet && error.kind === "noTable" ? null : error });
      }
    },
    [api],
  );

  /** A ribbon command's failure left in the workbook: shown once, then cleared. */
  const showCommandError = useCallback(() => {
    try {
      const record = api.loadLastCommandError?.();
      if (!record) return;
      dispatch({ type: "showError", error: toPaneError(record) });
      void api.clearLastCommandError?.().catch(() => undefined);
    } catch (e) {
      console.warn("KA Planner: the ribbon command's error could not be read", e);
    }
  }, [api]);

  // Start-up: host, requirement sets, the table when a mapping was saved with the workbook, then
  // a failure the ribbon's 80/20 button left for the pane.
  useEffect(() => {
    let live = true;
    void (async () => {
      const info = await host();
      if (!live) return;
      if (!info.inExcel) {
        dispatch({ type: "hostReady", inExcel: false });
        return;
      }
      let requirements: ReturnType<PlannerApi["checkRequirements"]> = { ok: true, missing: [] };
      try {
        requirements = api.checkRequirements();
      } catch (e) {
        console.error("KA Planner: requirement check failed", e);
      }
      dispatch({
        type: "hostReady",
        inExcel: true,
        ok: requirements.ok,
        missing: requirements.missing,
        locale: info.displayLanguage ? localeOf(info.displayLanguage) : undefined,
        theme: info.theme,
      });
      if (!requirements.ok) return;
      void api.removeLeftovers?.();
      let hasSaved: boolean;
      try {
        hasSaved = api.loadSavedState() !== null;
      } catch {
        hasSaved = false;
      }
      if (hasSaved && live) await findTable(true);
      if (!live) return;
      showCommandError();
      options.onShown?.(showCommandError);
    })();
    return () => {
      live = false;
    };
    // options.onShown is read once at start-up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, host, findTable, showCommandError]);

  // The ribbon's 80/20 button refused while a run is in progress: said here, where the user looks.
  useEffect(() => api.onRunRefused?.((e) => dispatch({ type: "showError", error: toPaneError(e) })), [api]);

  const run = useCallback(
    async (action: ActionName) => {
      const s = stateRef.current;
      if (s.busy || !s.table) return;
      const { settings } = settingsFromDraft(s.draft, s.mapping);
      if (!settings || mappingProblems(s.mapping).length > 0) return;
      const table = s.table;
      const mapping = s.mapping;
      const abort = new AbortController();
      controller.current = abort;
      dispatch({ type: "runStart", action });
      try {
        try {
          await api.saveState({ tableAddress: table.address, headers: table.headers, mapping, settings });
        } catch (e) {
          // Not saving the mapping must not stop the work (a protected workbook says so below).
          console.warn("KA Planner: the mapping could not be saved with the workbook", e);
        }
        if (action === "tier") {
          const { address } = await api.insertTierColumn(table, mapping, settings, { asValues: s.draft.tierAsValues });
          dispatch({ type: "runDone", outcome: { action, created: [], warnings: [], cancelled: false, address } });
        } else {
          const result = await api.buildSheets(action, table, mapping, settings, {
            signal: abort.signal,
            onProgress: (done, total, label) => dispatch({ type: "progress", done, total, label: label ?? "" }),
          });
          dispatch({
            type: "runDone",
            outcome: { action, created: result.created, warnings: result.warnings, cancelled: result.cancelled },
          });
        }
      } catch (e) {
        const error = toPaneError(e);
        if (error.kind === "cancelled") {
          dispatch({ type: "runDone", outcome: { action, created: [], warnings: [], cancelled: true } });
        } else {
          if (error.kind === "unknown") console.error("KA Planner: the action failed", e);
          dispatch({ type: "runFailed", error });
        }
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    dispatch({ type: "cancelRequested" });
  }, []);

  const setLocale = useCallback((locale: Locale) => {
    storeLocale(locale);
    dispatch({ type: "setLocale", locale });
  }, []);

  return useMemo(
    () => ({
      state,
      api,
      findTable,
      run,
      cancel,
      setLocale,
      setColumnRole: (column: number, role: string) => dispatch({ type: "setColumnRole", column, role }),
      proposeAgain: () => dispatch({ type: "proposeAgain" }),
      setDraft: (patch: Partial<PaneState["draft"]>) => dispatch({ type: "setDraft", patch }),
      setWeight: (column: number, weight: string) => dispatch({ type: "setWeight", column, weight }),
      dismissError: () => dispatch({ type: "dismissError" }),
      dismissOutcome: () => dispatch({ type: "dismissOutcome" }),
      dismissLimits: () => dispatch({ type: "dismissLimits" }),
    }),
    [state, api, findTable, run, cancel, setLocale],
  );
}
