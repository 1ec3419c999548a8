/**
 * The one error type the engine throws. It carries the Excel error it maps to, so that the
 * custom-function layer and the command line can each present it their own way, and a
 * message key plus arguments so the message can be shown in either language.
 */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!";

export class KaError extends Error {
  readonly code: ExcelErrorCode;
  readonly key: string;
  readonly args: Readonly<Record<string, string | number>>;

  constructor(code: ExcelErrorCode, key: string, message: string, args: Record<string, string | number> = {}) {
    super(message);
    this.name = "KaError";
    this.code = code;
    this.key = key;
    this.args = args;
  }
}

export function isKaError(e: unknown): e is KaError {
  return e instanceof KaError;
}

import { Locale, text } from "../strings";

/** Builds the error with its English message; `messageIn` re-renders it for a locale. */
export function fail(code: ExcelErrorCode, key: string, args: Record<string, string | number> = {}): KaError {
  return new KaError(code, key, text("en", key, args), args);
}

export function messageIn(e: KaError, locale: Locale): string {
  const args: Record<string, string | number> = { ...e.args };
  // Positions were rendered in English when the error was built; render them again.
  if (typeof args.posKey === "string" && typeof args.posN === "number") {
    args.pos = text(locale, args.posKey, { n: args.posN });
  }
  return text(locale, e.key, args);
}
