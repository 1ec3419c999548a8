/**
 * The task pane: header with the language switch, then the three steps (data, settings, create)
 * once Excel is ready; the "open in Excel" or "update Excel" message otherwise.
 */
import { FluentProvider, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import type { Locale } from "../../strings";
import type { PlannerApi } from "../contract";
import type { HostInfo } from "../host";
import { LocaleContext, translator } from "../i18n";
import type { Theme } from "../state";
import { DARK_THEME, LIGHT_THEME } from "../theme";
import { usePlanner } from "../usePlanner";
import { ActionsStep } from "./ActionsStep";
import { DataStep } from "./DataStep";
import { ErrorBar } from "./ErrorBar";
import { FunctionsList } from "./FunctionsList";
import { Header } from "./Header";
import { HostMessage, LimitsBar } from "./HostMessage";
import { SettingsStep } from "./SettingsStep";

export interface AppProps {
  api: PlannerApi;
  host: () => Promise<HostInfo>;
  onShown?: (callback: () => void) => void;
  locale: Locale;
  localeChosen: boolean;
  theme?: Theme;
}

const useStyles = makeStyles({
  provider: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    maxWidth: "640px",
    marginLeft: "auto",
    marginRight: "auto",
    boxSizing: "border-box",
  },
  starting: { paddingTop: "32px" },
});

export function App(props: AppProps) {
  const planner = usePlanner(props);
  const { state } = planner;
  const t = useMemo(() => translator(state.locale), [state.locale]);
  const styles = useStyles();

  useEffect(() => {
    document.documentElement.lang = state.locale === "zh" ? "zh-CN" : "en";
    document.title = t("taskpane.title");
  }, [state.locale, t]);

  return (
    <LocaleContext.Provider value={state.locale}>
      <FluentProvider
        theme={state.theme === "dark" ? DARK_THEME : LIGHT_THEME}
        className={styles.provider}
        lang={state.locale === "zh" ? "zh-CN" : "en"}
      >
        <Header locale={state.locale} onLocale={planner.setLocale} />
        <main className={styles.main} aria-busy={state.host === "starting" || undefined}>
          {state.host === "starting" && <Spinner className={styles.starting} size="small" label={t("taskpane.status.loading")} />}
          {(state.host === "outside" || state.host === "unsupported") && <HostMessage status={state.host} missing={state.missing} />}
          {state.host === "ready" && (
            <>
              {state.missing.length > 0 && !state.limitsDismissed && (
                <LimitsBar missing={state.missing} onDismiss={planner.dismissLimits} />
              )}
              {state.error?.source === "command" && <ErrorBar error={state.error} onDismiss={planner.dismissError} />}
              <DataStep planner={planner} />
              {state.table && <SettingsStep planner={planner} />}
              {state.table && <ActionsStep planner={planner} />}
            </>
          )}
          {state.host !== "starting" && <FunctionsList />}
        </main>
      </FluentProvider>
    </LocaleContext.Provider>
  );
}
