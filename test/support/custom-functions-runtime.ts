/**
 * The part of Excel's custom-functions runtime that our wrappers touch: `CustomFunctions.Error`
 * and `CustomFunctions.ErrorCode`, with the same fields and codes as the runtime
 * (@types/custom-functions-runtime). Installed as a global before every test file.
 */
class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.code = code;
    // The runtime leaves message undefined when none is given; keep that observable.
    if (message === undefined) (this as { message?: string }).message = undefined;
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };
