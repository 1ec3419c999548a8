/**
 * The options every sheet builder takes (contribution, matrix, plan, risk register) and the
 * helpers reading them. Builders are pure: the same input and options give the same sheet
 * model; dates come in as options, never from the clock.
 */
import { Locale } from "../strings";

/** Source ranges of a live sheet, as A1 references (with the sheet name), e.g. 'Sales'!$A$2:$A$500. */
export interface LiveSource {
  readonly customer: string;
  readonly value: string;
  readonly profit?: string;
  readonly effort?: string;
}

/**
 * Live mode: KA.* formulas instead of the portable native ones. The contribution sheet and
 * the matrix read `source` (the ranges of the sales table, required there); the plan and risk
 * sheets only name it in their note (its value range, or a text such as a sheet name).
 */
export interface LiveOptions {
  readonly source?: LiveSource | string;
}

export interface SheetOptions {
  readonly locale: Locale;
  /**
   * Generation date shown on the sheets, as given (YYYY-MM-DD from the CLI and the task pane):
   * builders never read the clock. The plan and risk sheets need it.
   */
  readonly generated?: string;
  /** Live mode (see LiveOptions). */
  readonly live?: LiveOptions;
  /** Header names of the source columns, for subtitles and headers. */
  readonly columnNames?: { readonly customer?: string; readonly revenue?: string; readonly profit?: string; readonly effort?: string };
}

/** A builder's string lookup under its own key prefix. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/** The generation date, required (plan and risk sheets show it and plan from it). */
export function requiredDate(options: SheetOptions, sheet: string): string {
  const date = options.generated;
  if (date === undefined || date.trim() === "")
    throw new Error(`${sheet}: options.generated (the generation date, YYYY-MM-DD) is required`);
  return date;
}

/** The source ranges of a live sheet; throws when live mode was asked for without them. */
export function liveRanges(live: LiveOptions | undefined, sheet: string): LiveSource {
  const source = live?.source;
  if (source === undefined || typeof source === "string" || typeof source.customer !== "string" || typeof source.value !== "string") {
    throw new Error(`${sheet}: live mode needs live.source with the customer and value ranges of the sales table`);
  }
  return source;
}

/** The text naming a live sheet's source (a text, or the value range of LiveSource), or null. */
export function liveSourceText(live: LiveOptions | undefined): string | null {
  const source = live?.source;
  if (typeof source === "string" && source.trim() !== "") return source;
  if (source !== null && typeof source === "object" && typeof source.value === "string") return source.value;
  return null;
}
