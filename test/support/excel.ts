import { KaError } from "../../src/engine/errors";
/** Helpers to build arguments shaped the way Excel passes ranges to custom functions. */
export const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
export const row = (...cells: unknown[]): unknown[][] => [cells];
export const flat = (out: unknown[][]): unknown[] => out.map((r) => r[0]);

/** Calls fn and returns the error it throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an error");
}

/** The same shapes from an array (for generated data). */
export const columnOf = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
export const rowOf = (xs: readonly unknown[]): unknown[][] => [[...xs]];

/** An #N/A error cell as Excel passes it to a custom function. */
export const NA = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);

/** Calls fn and returns the engine error it throws; any other outcome fails the test. */
export function kaError(fn: () => unknown): KaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KaError) return e;
    throw e;
  }
  throw new Error("expected a KaError, got a result");
}
