/**
 * ActionError: what the task pane's actions throw. A kind (what the pane reacts to), a message
 * key under taskpane.error.* (plain language and what to do next, in both languages) and its
 * arguments. Office errors are translated here: protection, payload limits, sheet limits; any
 * other failure is "unknown" with the original message kept in args.detail.
 */
import { Locale, text } from "../strings";
import { SheetRenderError } from "../render/office/render";

export type ActionErrorKind =
  | "noHost"
  | "noTable"
  | "textInNumberColumn"
  | "missingColumn"
  | "protected"
  | "tooLarge"
  | "sheetLimit"
  | "tableChanged"
  | "requirements"
  | "cancelled"
  | "busy"
  | "unknown";

export class ActionError extends Error {
  override readonly name = "ActionError";
  constructor(
    readonly kind: ActionErrorKind,
    readonly messageKey: string,
    readonly args: Record<string, string | number> = {},
    override readonly cause?: unknown,
  ) {
    super(text("en", messageKey, args));
  }
}

/** The error's message in a language. */
export function actionErrorText(e: ActionError, locale: Locale): string {
  return text(locale, e.messageKey, e.args);
}

/** The Office error code of an error (RichApi.Error: code, or debugInfo.code). */
export function officeErrorCode(e: unknown): string | undefined {
  if (!e || typeof e !== "object") return undefined;
  const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof o.code === "string" && o.code !== "") return o.code;
  if (typeof o.debugInfo?.code === "string") return o.debugInfo.code;
  return undefined;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const SHEET_LIMIT = /(maximum|too many|limit)[^.]*\b(work)?sheets?\b|\b(work)?sheets?\b[^.]*(maximum|limit)/i;

export interface OfficeErrorContext {
  /** What was being done, for the message: "reading" the table, "writing" sheets or the tier column. */
  readonly during?: "reading" | "writing";
  /** The sheet written to, when known. */
  readonly sheet?: string;
  /** Protection was seen on the sheet or workbook: an InvalidOperation means it. */
  readonly protectedSeen?: boolean;
}

/**
 * Any error as an ActionError: ActionErrors pass through; a SheetRenderError is judged by its
 * cause and names the sheet (which renderSheets already deleted or marked incomplete).
 */
export function toActionError(e: unknown, context: OfficeErrorContext = {}): ActionError {
  if (e instanceof ActionError) return e;
  let cause = e;
  const args: Record<string, string | number> = {};
  if (e instanceof SheetRenderError) {
    cause = e.cause;
    args.sheet = e.sheetName;
    args.cleanup = e.cleanup;
    if (e.incompleteName) args.incomplete = e.incompleteName;
  } else if (context.sheet) args.sheet = context.sheet;
  const code = officeErrorCode(cause);
  const message = messageOf(cause);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "PayloadTooLarge") {
    return new ActionError(
      "tooLarge",
      context.during === "reading" ? "taskpane.error.readTooLarge" : "taskpane.error.writeTooLarge",
      { ...args, code },
      e,
    );
  }
  if (code === "AccessDenied" || (code === "InvalidOperation" && (context.protectedSeen || /protect/i.test(message)))) {
    // A sheet that could not even be added: the workbook's structure is protected.
    const structure = e instanceof SheetRenderError && e.cleanup === "not-created";
    return new ActionError(
      "protected",
      structure ? "taskpane.error.workbookProtected" : "taskpane.error.sheetProtected",
      { sheet: args.sheet ?? "", ...args },
      e,
    );
  }
  if (SHEET_LIMIT.test(message)) return new ActionError("sheetLimit", "taskpane.error.sheetLimitReached", { ...args, detail: message }, e);
  if (typeof cause === "object" && cause !== null && (cause as { name?: unknown }).name === "AbortError") {
    return new ActionError("cancelled", "taskpane.error.cancelled", args, e);
  }
  return new ActionError(
    "unknown",
    "taskpane.error.unexpected",
    { ...args, detail: code && !message.includes(code) ? `${message} (${code})` : message },
    e,
  );
}
