/**
 * Risk scoring (KA.RISK; the risk-register sheet): score = likelihood × impact, each on a
 * 1–5 scale (decimals allowed), and a level from RISK_BANDS. Every risk needs a
 * countermeasure (seed 000, "no risk management" is one of the three planning defects).
 *
 * The bands are half-open on the score, so any decimal score has exactly one level; on the
 * 5×5 grid of whole numbers they give Low 1–4, Medium 5–9, High 10–16, Critical 20–25.
 */

export const enum RiskLevel {
  Low = 0,
  Medium = 1,
  High = 2,
  Critical = 3,
}

export const RISK_SCALE = { min: 1, max: 5 } as const;

export interface RiskBand {
  readonly level: RiskLevel;
  readonly name: "Low" | "Medium" | "High" | "Critical";
  /** String key of the label (en-US / zh-CN). */
  readonly key: string;
  /** Lowest score in the band (inclusive). */
  readonly from: number;
  /** Score where the next band starts (exclusive); Infinity for the last band. */
  readonly below: number;
  /** The whole-number scores of the 5×5 grid that fall in the band (for the README). */
  readonly gridScores: readonly number[];
}

function gridScoresIn(from: number, below: number): number[] {
  const s = new Set<number>();
  for (let a = RISK_SCALE.min; a <= RISK_SCALE.max; a++) for (let b = RISK_SCALE.min; b <= RISK_SCALE.max; b++) s.add(a * b);
  return [...s].filter((x) => x >= from && x < below).sort((x, y) => x - y);
}

/** The one table of risk bands: cite it, do not copy the numbers. */
export const RISK_BANDS: readonly RiskBand[] = [
  { level: RiskLevel.Low, name: "Low", key: "risk.Low", from: 1, below: 5, gridScores: gridScoresIn(1, 5) },
  { level: RiskLevel.Medium, name: "Medium", key: "risk.Medium", from: 5, below: 10, gridScores: gridScoresIn(5, 10) },
  { level: RiskLevel.High, name: "High", key: "risk.High", from: 10, below: 20, gridScores: gridScoresIn(10, 20) },
  { level: RiskLevel.Critical, name: "Critical", key: "risk.Critical", from: 20, below: Infinity, gridScores: gridScoresIn(20, Infinity) },
];

/**
 * likelihood × impact, rounded to 10 decimals so that decimal inputs do not land a binary
 * rounding error away from a band border (1.1 × 1.1 gives 1.21, not 1.2100000000000002).
 */
export function riskScore(likelihood: number, impact: number): number {
  const p = likelihood * impact;
  return Math.round(p * 1e10) / 1e10;
}

/** The band of a score: monotone, scores below the first band count as Low. */
export function riskLevelOf(score: number): RiskLevel {
  let level = RiskLevel.Low;
  for (const b of RISK_BANDS) if (score >= b.from) level = b.level;
  return level;
}

export function isOnRiskScale(x: number): boolean {
  return x >= RISK_SCALE.min && x <= RISK_SCALE.max;
}
