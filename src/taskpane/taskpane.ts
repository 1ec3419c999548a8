/*
 * KA Planner task pane (minimal: title, what the add-in does, the KA functions, a status line).
 * Runs in the shared runtime page (taskpane.html) next to the custom functions and commands.
 *
 * Must never leave a blank or broken page: when office.js did not load (no network, plain
 * browser) `Office` is undefined, and outside Office `Office.onReady` reports no host; both show
 * the "open this pane in Excel" message.
 */
import { text, type Locale } from "../strings";

/** The KA custom functions, in the order the pane lists them. */
export const KA_FUNCTIONS = ["TIER", "PARETO", "CONCENTRATION", "MATRIX", "SCORE", "CHURN", "PRIORITY", "RISK"] as const;

type Status = "loading" | "ready" | "outside";

const STATUS_KEYS: Record<Status, string> = {
  loading: "taskpane.status.loading",
  ready: "taskpane.status.ready",
  outside: "taskpane.status.outsideExcel",
};

/** UI language: Chinese when the language tag starts with "zh" (zh-CN, zh-TW, ...), else English. */
export function localeOf(language: string | null | undefined): Locale {
  return typeof language === "string" && language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Office's display language, or undefined where there is no Office context. */
function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}

function browserLanguage(): string | undefined {
  return typeof navigator !== "undefined" ? navigator.language : undefined;
}

function setText(id: string, value: string): void {
  const el = document.getElementById(id);
  if (el) el.textContent = value;
}

/** Fills the pane's static text in the given language. */
export function renderPane(locale: Locale): void {
  document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
  document.title = text(locale, "taskpane.title");
  setText("ka-title", text(locale, "taskpane.title"));
  setText("ka-intro", text(locale, "taskpane.intro"));
  setText("ka-functions-heading", text(locale, "taskpane.functions"));
  setText("ka-example", text(locale, "taskpane.example"));

  const list = document.getElementById("ka-functions");
  if (list) {
    list.replaceChildren(
      ...KA_FUNCTIONS.map((name) => {
        const item = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = `KA.${name}`;
        const summary = document.createElement("span");
        summary.className = "ka-summary";
        summary.textContent = text(locale, `taskpane.fn.${name}`);
        item.append(code, summary);
        return item;
      }),
    );
  }
}

/** Shows a status in the status line. */
export function setStatus(locale: Locale, status: Status): void {
  const el = document.getElementById("ka-status");
  if (!el) return;
  el.dataset.state = status;
  el.textContent = text(locale, STATUS_KEYS[status]);
}

/** Entry point: renders at once in the browser's language, then follows Office.onReady. */
export function startTaskpane(): void {
  const initial = localeOf(browserLanguage());
  renderPane(initial);

  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    setStatus(initial, "outside");
    return;
  }
  setStatus(initial, "loading");

  Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    const locale = info.host ? localeOf(officeDisplayLanguage()) : initial;
    if (locale !== initial) renderPane(locale);
    setStatus(locale, inExcel ? "ready" : "outside");
  }).catch(() => setStatus(initial, "outside"));
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startTaskpane);
  } else {
    startTaskpane();
  }
}
