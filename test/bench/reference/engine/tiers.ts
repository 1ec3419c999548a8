// Reference copy of src/engine/tiers.ts as of d8297f3 (before the benchmark's hot-path work),
// for the equivalence test only. Do not edit.
/**
 * Tier schemes and the tier rule.
 *
 * The rule: rank customers by value, descending; a customer's exclusive cumulative share is
 * the share of the positive total held by customers ranked strictly above it (strictly
 * greater value); it takes the first tier whose threshold that share is below. So the top
 * customer is always in the first tier, the customer that crosses a threshold stays in the
 * upper tier, ties share a tier and row order never matters. Negative totals are "Loss" and
 * stay out of the denominator; zero totals take the last tier.
 */
import { list, Locale } from "../../../../src/strings";
import { computedAbcThresholds } from "../../../../src/engine/auto-abc";
import { fail } from "../../../../src/engine/errors";
import { compareDecimal, decimalOf, exactSum, mulDecimal } from "../../../../src/engine/exact-decimal";
import { describeCell, excelErrorOf, isBlank } from "../../../../src/engine/input/cells";
import { NumberStatus, readNumber } from "../../../../src/engine/input/numbers";
import { asRange } from "./input/range";
import { scalarOf } from "../../../../src/engine/input/scalars";
import { neumaierSum } from "../../../../src/engine/sum";

export type SchemeName = "ABC" | "KIG" | "IBM" | "AUTO";

export interface SchemeDefinition {
  readonly name: SchemeName;
  /** Cumulative-share thresholds; null when computed from the data. */
  readonly thresholds: readonly number[] | null;
  readonly labelsKey: string;
  /** Where the default comes from: a labelled rule of thumb, never a fact. */
  readonly source: string;
}

export const SCHEMES: Readonly<Record<SchemeName, SchemeDefinition>> = {
  ABC: { name: "ABC", thresholds: [0.8, 0.95], labelsKey: "scheme.ABC.labels", source: "ABC analysis: A reaches 80%, B 95%" },
  KIG: {
    name: "KIG",
    thresholds: [0.64, 0.8],
    labelsKey: "scheme.KIG.labels",
    source: "seed 001: 4%/16%/80% of customers bring 64%/16%/20% of profit",
  },
  IBM: {
    name: "IBM",
    thresholds: [0.5, 0.75, 0.95],
    labelsKey: "scheme.IBM.labels",
    source: "seed 002: diamond 50%, gold 25%, silver 20%, other 5% of revenue",
  },
  AUTO: {
    name: "AUTO",
    thresholds: null,
    labelsKey: "scheme.AUTO.labels",
    source: "computed ABC analysis, Ultsch & Lötsch 2015, PLoS ONE 10(6): e0129767",
  },
};

/** Tier codes beside 0..k (index into labels). */
export const TIER_LOSS = 254;
export const TIER_NONE = 255;

export interface TierSpec {
  readonly scheme: SchemeName;
  /** Fixed thresholds, or null for AUTO (computed from the sorted values). */
  readonly thresholds: readonly number[] | null;
  readonly labels: readonly string[];
}

const MAX_THRESHOLDS = 9;

/** Resolves scheme, thresholds and labels arguments into a tier spec. */
export function tierSpecOf(schemeArg: unknown, thresholdsArg: unknown, labelsArg: unknown, locale: Locale): TierSpec {
  const schemeCell = scalarOf(schemeArg, "scheme");
  let scheme: SchemeName = "ABC";
  if (!isBlank(schemeCell)) {
    const s = String(schemeCell).trim().toUpperCase();
    if (!(s in SCHEMES) || excelErrorOf(schemeCell)) throw fail("#VALUE!", "error.scheme", { cell: describeCell(schemeCell) });
    scheme = s as SchemeName;
  }
  const def = SCHEMES[scheme];
  const custom = thresholdsOf(thresholdsArg);
  const thresholds = custom ?? def.thresholds;
  const tierCount = (thresholds ? thresholds.length : 2) + 1;
  const givenLabels = labelsOf(labelsArg);
  let labels: readonly string[];
  if (givenLabels) {
    if (givenLabels.length !== tierCount) {
      throw fail("#VALUE!", "error.labelsCount", { expected: tierCount, actual: givenLabels.length });
    }
    labels = givenLabels;
  } else {
    const schemeLabels = list(locale, def.labelsKey);
    labels = schemeLabels.length === tierCount ? schemeLabels : genericLabels(tierCount);
  }
  return { scheme, thresholds, labels };
}

function genericLabels(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
}

/** Thresholds as a range of numbers, or as text such as "80%, 95%". */
function thresholdsOf(arg: unknown): number[] | null {
  const cells = flattenNonBlank(arg);
  if (cells.length === 1 && typeof cells[0] === "string" && /[,;，；、]/.test(cells[0])) {
    cells.splice(0, 1, ...cells[0].split(/[,;，；、]/).filter((s) => s.trim() !== ""));
  }
  if (cells.length === 0) return null;
  if (cells.length > MAX_THRESHOLDS) throw fail("#VALUE!", "error.thresholdCount", { count: cells.length });
  const box = new Float64Array(1);
  const out: number[] = [];
  cells.forEach((cell, i) => {
    if (readNumber(cell, box) !== NumberStatus.Ok) throw fail("#VALUE!", "error.thresholdValue", { n: i + 1, cell: describeCell(cell) });
    let t = box[0];
    if (t > 1 && t <= 100) t = t / 100; // 80 means 80%
    if (!(t > 0 && t <= 1)) throw fail("#VALUE!", "error.thresholdValue", { n: i + 1, cell: describeCell(cell) });
    if (out.length > 0 && t <= out[out.length - 1]) {
      throw fail("#VALUE!", "error.thresholdOrder", { prev: out[out.length - 1], next: t });
    }
    out.push(t);
  });
  return out;
}

function labelsOf(arg: unknown): string[] | null {
  if (arg === null || arg === undefined) return null;
  const r = asRange(arg);
  const cells: unknown[] = [];
  for (const row of r) for (const c of row) cells.push(c);
  // A trailing blank in a selected range is a selection artefact, not a missing label.
  while (cells.length > 0 && isBlank(cells[cells.length - 1])) cells.pop();
  if (cells.length === 0) return null;
  return cells.map((c, i) => {
    if (isBlank(c) || excelErrorOf(c)) throw fail("#VALUE!", "error.labelBlank", { n: i + 1 });
    return String(c).trim();
  });
}

function flattenNonBlank(arg: unknown): unknown[] {
  if (arg === null || arg === undefined) return [];
  const out: unknown[] = [];
  for (const row of asRange(arg)) for (const c of row) if (!isBlank(c)) out.push(c);
  return out;
}

export interface TierResult {
  /** Tier code per customer: 0..k-1 index into labels, TIER_LOSS or TIER_NONE. */
  readonly tiers: Uint8Array;
  /** The thresholds applied (computed ones for AUTO). */
  readonly thresholds: readonly number[];
  /** Sum of the positive customer totals: the shares' denominator. */
  readonly positiveTotal: number;
}

/**
 * Applies the tier rule to per-customer totals. Sorting the positive values is the only
 * O(n log n) step; tiers are then found as value cut-offs, so no index permutation is needed.
 */
export function assignTiers(totals: Float64Array, hasValue: Uint8Array, spec: TierSpec): TierResult {
  const n = totals.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (hasValue[i] && totals[i] > 0) m++;
  const pos = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) if (hasValue[i] && totals[i] > 0) pos[j++] = totals[i];
  pos.sort();
  const thresholds = spec.thresholds ?? computedAbcThresholds(pos);
  const k = thresholds.length; // tiers 0..k
  const lowest = tierCutoffs(pos, thresholds);
  const positiveTotal = neumaierSum(pos);
  const tiers = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = totals[i];
    if (!hasValue[i]) tiers[i] = TIER_NONE;
    else if (v < 0) tiers[i] = TIER_LOSS;
    else if (v === 0) tiers[i] = k;
    else {
      let t = 0;
      while (t < k && !(v >= lowest[t])) t++;
      tiers[i] = t;
    }
  }
  return { tiers, thresholds, positiveTotal };
}

/**
 * lowest[t] = the smallest value placed in tier t or above (+Infinity while tier t is
 * empty). Walks the ascending-sorted positives from the top, one group of equal values at a
 * time, carrying the compensated sum of everything strictly above the group.
 */
export function tierCutoffs(posAsc: Float64Array, thresholds: readonly number[]): Float64Array {
  const m = posAsc.length;
  const k = thresholds.length;
  const lowest = new Float64Array(k + 1).fill(Infinity);
  if (m === 0) return lowest;
  const total = neumaierSum(posAsc);
  let above = 0; // compensated sum of values strictly above the current group
  let aboveC = 0;
  let tier = 0;
  let hi = m - 1;
  while (hi >= 0) {
    const v = posAsc[hi];
    let lo = hi;
    while (lo > 0 && posAsc[lo - 1] === v) lo--;
    const share = above + aboveC;
    while (tier < k && !shareBelow(share, thresholds[tier], total, posAsc, hi + 1)) tier++;
    if (tier < k) lowest[tier] = v;
    else lowest[k] = v;
    for (let i = hi; i >= lo; i--) {
      const t = above + v;
      aboveC += Math.abs(above) >= Math.abs(v) ? above - t + v : v - t + above;
      above = t;
    }
    hi = lo - 1;
  }
  return lowest;
}

/**
 * above/total < threshold, decided exactly when floating point is too close to call.
 * `from` is where the values strictly above start in the ascending array.
 */
function shareBelow(above: number, threshold: number, total: number, posAsc: Float64Array, from: number): boolean {
  const d = above - threshold * total;
  if (Math.abs(d) > 1e-12 * total) return d < 0;
  const exactAbove = exactSum(posAsc, from, posAsc.length);
  const exactTotal = exactSum(posAsc, 0, posAsc.length);
  return compareDecimal(exactAbove, mulDecimal(decimalOf(threshold), exactTotal)) < 0;
}
