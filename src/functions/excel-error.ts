/**
 * Turns whatever the engine threw into the error Excel shows. Engine errors keep their code
 * and their message (in the language of the call's locale argument); anything unexpected
 * becomes #VALUE! with a short message instead of an unhandled exception.
 */
import { isKaError, messageIn } from "../engine/errors";
import { localeOf } from "../engine/input/scalars";
import { Locale } from "../strings";

function localeOrDefault(arg: unknown): Locale {
  try {
    return localeOf(arg);
  } catch {
    return "en";
  }
}

function toExcelError(e: unknown, localeArg?: unknown): CustomFunctions.Error {
  if (isKaError(e)) {
    const code =
      e.code === "#N/A"
        ? CustomFunctions.ErrorCode.notAvailable
        : e.code === "#NUM!"
          ? CustomFunctions.ErrorCode.invalidNumber
          : CustomFunctions.ErrorCode.invalidValue;
    // Excel shows custom messages only on #VALUE! and #N/A.
    const message = code === CustomFunctions.ErrorCode.invalidNumber ? undefined : messageIn(e, localeOrDefault(localeArg));
    return new CustomFunctions.Error(code, message);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `KA Planner internal error: ${detail}`.slice(0, 255));
}

/** Runs a formula; engine failures become Excel errors. */
export function evaluate<T>(localeArg: unknown, formula: () => T): T {
  try {
    return formula();
  } catch (e) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel shows a thrown CustomFunctions.Error (not an Error subclass) as #VALUE!, #N/A or #NUM!
    throw toExcelError(e, localeArg);
  }
}
