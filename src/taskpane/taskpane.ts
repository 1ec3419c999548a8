/*
 * KA Planner task pane entry: renders the React pane (components/App.tsx) into #root.
 * Runs in the shared runtime page (taskpane.html) next to the custom functions and commands.
 *
 * Must never leave a blank or broken page: when office.js did not load (no network, plain
 * browser) `Office` is undefined, and outside Office `Office.onReady` reports no host; both show
 * the "open this pane in Excel" message (host.ts). Everything that touches the workbook goes
 * through the actions API (src/addin), handed to the components as `api`.
 */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { plannerApi } from "./api";
import { App } from "./components/App";
import { detectHost, onTaskpaneShown } from "./host";
import { localeOf, storedLocale } from "./i18n";

export { localeOf };

/** Entry point: renders at once in the stored or browser language, then follows Office.onReady. */
export function startTaskpane(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const stored = storedLocale();
  const locale = stored ?? localeOf(typeof navigator !== "undefined" ? navigator.language : undefined);
  createRoot(root).render(
    createElement(App, { api: plannerApi, host: () => detectHost(), onShown: onTaskpaneShown, locale, localeChosen: stored !== undefined }),
  );
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startTaskpane);
  } else {
    startTaskpane();
  }
}
