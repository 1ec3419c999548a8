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
