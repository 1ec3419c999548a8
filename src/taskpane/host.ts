/**
 * The Office host, as the pane needs it at start-up: are we in Excel, in which display language,
 * with which theme. The only place in the pane that reads the Office global; everything that
 * touches the workbook goes through the actions API. Never throws: when office.js did not load
 * (no network, plain browser) or Office.onReady reports no host, the pane is "outside Excel".
 */
import type { Theme } from "./state";

export interface HostInfo {
  inExcel: boolean;
  displayLanguage?: string;
  theme?: Theme;
}

/** Dark when the colour's relative luminance is below one half ("#1f1f1f" → dark). */
export function isDarkColor(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Office's theme (officeTheme, ExcelApi-independent), light when unknown. */
function officeThemeOf(): Theme | undefined {
  try {
    const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
    if (!theme?.bodyBackgroundColor) return undefined;
    return isDarkColor(theme.bodyBackgroundColor) ? "dark" : "light";
  } catch {
    return undefined;
  }
}

function displayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `callback` each time the task pane is shown again (shared runtime: the page stays loaded while hidden). */
export function onTaskpaneShown(callback: () => void): void {
  try {
    const addin = typeof Office !== "undefined" ? Office.addin : undefined;
    if (!addin || typeof addin.onVisibilityModeChanged !== "function") return;
    void addin
      .onVisibilityModeChanged((args) => {
        const mode: string | undefined = args?.visibilityMode;
        if (mode === "Taskpane") callback();
      })
      .catch(() => undefined);
  } catch {
    // Older hosts: the pane is reloaded when shown, and start-up does the same check.
  }
}

/** Waits for Office.onReady (at most `timeoutMs`) and says where the pane runs. */
export function detectHost(timeoutMs = 20000): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ inExcel: false });
  return new Promise<HostInfo>((resolve) => {
    const timer = setTimeout(() => resolve({ inExcel: false }), timeoutMs);
    const done = (info: HostInfo) => {
      clearTimeout(timer);
      resolve(info);
    };
    try {
      Office.onReady()
        .then((info) => {
          const inExcel = info?.host === Office.HostType.Excel;
          done(inExcel ? { inExcel, displayLanguage: displayLanguage(), theme: officeThemeOf() } : { inExcel: false });
        })
        .catch(() => done({ inExcel: false }));
    } catch {
      done({ inExcel: false });
    }
  });
}
