/**
 * Errors as the pane shows them: a title per kind (taskpane.errorTitle.<kind>) and the actions
 * API's own message (its messageKey: what exactly, what to do), or else the kind's general next
 * step (taskpane.errorNext.<kind>). Whatever was thrown, the user
 * sees plain language, never a stack trace.
 */
import { text, type Locale } from "../strings";
import { ACTION_ERROR_KINDS, type ActionErrorKind } from "./contract";
import type { PaneError } from "./state";

/** Reads an ActionError (by shape: kind + messageKey), else "unknown". */
export function toPaneError(error: unknown): PaneError {
  if (error && typeof error === "object") {
    const e = error as { kind?: unknown; messageKey?: unknown; args?: unknown };
    if (typeof e.kind === "string" && (ACTION_ERROR_KINDS as readonly string[]).includes(e.kind)) {
      const out: PaneError = { kind: e.kind as ActionErrorKind };
      if (typeof e.messageKey === "string" && e.messageKey !== "") out.messageKey = e.messageKey;
      const args = plainArgs(e.args);
      if (args) out.args = args;
      return out;
    }
  }
  return { kind: "unknown" };
}

function plainArgs(args: unknown): Record<string, string | number> | undefined {
  if (!args || typeof args !== "object") return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) {
    if (typeof v === "number" || typeof v === "string") out[k] = v;
    else if (typeof v === "boolean") out[k] = String(v);
    else if (Array.isArray(v)) out[k] = v.map(String).join(", ");
  }
  return out;
}

/** A resource text, or undefined when the key does not exist (or is left with placeholders unfilled). */
export function optionalText(locale: Locale, key: string, args?: Record<string, string | number>): string | undefined {
  try {
    const s = text(locale, key, args);
    return /\{\w+\}/.test(s) ? undefined : s;
  } catch {
    return undefined;
  }
}

export interface ErrorView {
  title: string;
  /** The actions API's message (what exactly, and what to do about it), when it has one. */
  detail?: string;
  /** The pane's general next step for the kind, shown when there is no detail. */
  next?: string;
}

/** Title and detail (or the general next step) of an error in `locale`. */
export function errorView(locale: Locale, error: PaneError): ErrorView {
  const kind = error.kind;
  const title = text(locale, `taskpane.errorTitle.${kind}`);
  const detail = error.messageKey ? optionalText(locale, error.messageKey, error.args) : undefined;
  return detail && detail !== title ? { title, detail } : { title, next: text(locale, `taskpane.errorNext.${kind}`) };
}
