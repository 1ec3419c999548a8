/**
 * Churn probability by customer satisfaction (KA.CHURN).
 *
 * DEFAULT, NOT A FACT: the table below is the practitioners' rule of thumb quoted in seed 001
 * (very dissatisfied 80% churn, dissatisfied 40%, neutral 20%, fairly satisfied 10%, highly
 * satisfied 1–2%, shipped as 1.5%). It could not be traced to a primary study (domain.md §6):
 * it is a labelled, editable default, and the formula's `table` argument replaces it.
 *
 * A churn table has numeric levels (interpolated linearly between neighbours, exact at the
 * levels, nothing outside the lowest–highest level) and/or named levels (looked up after
 * levelKey folding: NFKC, lower case, whitespace removed).
 */
import { interpolate } from "./stats";

export interface ChurnTable {
  /** Numeric levels, strictly ascending. */
  readonly levels: Float64Array;
  /** Probability (0–1) at each numeric level. */
  readonly probabilities: Float64Array;
  /** Named levels: levelKey(name) → probability (0–1). */
  readonly names: ReadonlyMap<string, number>;
  /** Where the figures come from. */
  readonly source: string;
}

export interface ChurnLevelDefinition {
  readonly level: number;
  readonly probability: number;
  /** Display names: first en / zh entry is the label, the rest are accepted synonyms. */
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

export const CHURN_SOURCE =
  "seed 001 (practitioners' rule of thumb, no primary study): very dissatisfied 80%, dissatisfied 40%, neutral 20%, fairly satisfied 10%, highly satisfied 1-2% (1.5%)";

/** The default 5-level table (editable default; see the module comment). */
export const DEFAULT_CHURN_LEVELS: readonly ChurnLevelDefinition[] = [
  { level: 1, probability: 0.8, en: ["very dissatisfied"], zh: ["极不满意"] },
  { level: 2, probability: 0.4, en: ["dissatisfied"], zh: ["不满意"] },
  { level: 3, probability: 0.2, en: ["neutral"], zh: ["一般", "中立"] },
  { level: 4, probability: 0.1, en: ["satisfied", "fairly satisfied"], zh: ["比较满意", "满意"] },
  { level: 5, probability: 0.015, en: ["highly satisfied", "very satisfied"], zh: ["高度满意", "非常满意"] },
];

/** Folding for level names: full-width → half-width (NFKC), lower case, no whitespace. */
export function levelKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** Builds a table from numeric points (any order; levels must be distinct) and names. */
export function churnTableOf(
  points: readonly { readonly level: number; readonly probability: number }[],
  names: ReadonlyMap<string, number>,
  source: string,
): ChurnTable {
  const sorted = [...points].sort((a, b) => a.level - b.level);
  return {
    levels: Float64Array.from(sorted, (p) => p.level),
    probabilities: Float64Array.from(sorted, (p) => p.probability),
    names,
    source,
  };
}

export const DEFAULT_CHURN_TABLE: ChurnTable = (() => {
  const names = new Map<string, number>();
  for (const d of DEFAULT_CHURN_LEVELS) for (const n of [...d.en, ...d.zh]) names.set(levelKey(n), d.probability);
  return churnTableOf(DEFAULT_CHURN_LEVELS, names, CHURN_SOURCE);
})();

/**
 * Churn probability (0–1) for a satisfaction level: a number (interpolated between the
 * table's numeric levels) or a level name. NaN when the level is outside the table's numeric
 * range or not one of its names: callers decide how to report that.
 */
export function churnProbability(level: number | string, table: ChurnTable = DEFAULT_CHURN_TABLE): number {
  if (typeof level === "number") return interpolate(table.levels, table.probabilities, level);
  const p = table.names.get(levelKey(level));
  return p ?? NaN;
}

/** The numeric range [lowest, highest] of a table; [NaN, NaN] when it has no numeric level. */
export function numericRangeOf(table: ChurnTable): [number, number] {
  const n = table.levels.length;
  return n === 0 ? [NaN, NaN] : [table.levels[0], table.levels[n - 1]];
}
