/**
 * Opportunity prioritisation (seed 001): size of the opportunity × likelihood of success.
 *
 *                   likely (≥ cut)     unlikely (< cut)
 *   large (≥ cut)   Act now 马上行动    Wait for the moment 伺机而动
 *   small (< cut)   Go after 出击       Shelve 搁置计划
 *
 * A value equal to its cut counts as large / likely. Default cuts: the median size over the
 * rows that hold both values, and likelihood 0.5. The buckets are a practitioners' scheme
 * from seed 001, a default rather than a finding (domain.md §6).
 *
 * Percent rule (README), shared with the churn table's probabilities: text with a percent
 * sign ("60%") is always a percent (0.6). Plain numbers, typed or stored as text, are read
 * per column: if any of them is above 1 the whole column is in percent (each ÷ 100, valid
 * 0–100); otherwise the column is in fractions (valid 0–1). A single cut follows the same
 * rule on its own: above 1 means percent.
 */
import { medianWhereBoth } from "./stats";

export const enum Priority {
  ActNow = 0,
  GoAfter = 1,
  Wait = 2,
  Shelve = 3,
}

export const NO_PRIORITY = 255;

/** String keys of the bucket labels, indexed by Priority code. */
export const PRIORITY_LABEL_KEYS: readonly string[] = ["priority.actNow", "priority.goAfter", "priority.wait", "priority.shelve"];

export const DEFAULT_LIKELIHOOD_CUT = 0.5;

export function priorityOf(size: number, likelihood: number, sizeCut: number, likelihoodCut: number): Priority {
  const large = size >= sizeCut;
  const likely = likelihood >= likelihoodCut;
  if (likely) return large ? Priority.ActNow : Priority.GoAfter;
  return large ? Priority.Wait : Priority.Shelve;
}

/** True for text written as a percent ("60%", full-width "６０％"). */
export function isPercentText(cell: unknown): boolean {
  return typeof cell === "string" && /[%\uFF05]/.test(cell);
}

/**
 * Applies the percent rule in place: when any plain number (percentText[i] = 0, not NaN) is
 * above 1, every plain number is divided by 100. Percent texts are already fractions.
 * Returns true when the column was read as percent.
 */
export function applyPercentRule(values: Float64Array, percentText: Uint8Array): boolean {
  let percent = false;
  for (let i = 0; i < values.length; i++) if (!percentText[i] && values[i] > 1) percent = true;
  if (percent) for (let i = 0; i < values.length; i++) if (!percentText[i]) values[i] /= 100;
  return percent;
}

/** A single cut: above 1 means percent. */
export function likelihoodCutOf(cut: number): number {
  return cut > 1 ? cut / 100 : cut;
}

export interface PriorityResult {
  /** Priority code per row, NO_PRIORITY where the row is blank (NaN). */
  readonly buckets: Uint8Array;
  readonly sizeCut: number;
  readonly likelihoodCut: number;
}

/** Buckets every row; likelihoods as fractions 0–1 (after the percent rule), NaN = blank. */
export function prioritise(
  size: Float64Array,
  likelihood: Float64Array,
  sizeCut?: number,
  likelihoodCut: number = DEFAULT_LIKELIHOOD_CUT,
): PriorityResult {
  const n = size.length;
  const sCut = sizeCut ?? medianWhereBoth(size, likelihood);
  const buckets = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = size[i];
    const l = likelihood[i];
    buckets[i] = s !== s || l !== l ? NO_PRIORITY : priorityOf(s, l, sCut, likelihoodCut);
  }
  return { buckets, sizeCut: sCut, likelihoodCut };
}
