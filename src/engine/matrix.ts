/**
 * The key-account portfolio matrix (McDonald & Rogers; McDonald, Millman & Rogers 1997):
 * customer attractiveness (to us) against the customer's view of our relative strength.
 *
 *                      strength high       strength low
 *   attractiveness high  Strategic           Star
 *   attractiveness low   Status              Streamline
 *
 * A value equal to its cut counts as high. Default cuts are the medians of each axis over the
 * rows that hold both values (stats.medianWhereBoth), so about half the portfolio lands on
 * each side of each axis; pass explicit cuts to use an absolute scale instead.
 */
import { medianWhereBoth } from "./stats";

export const enum Quadrant {
  Strategic = 0,
  Star = 1,
  Status = 2,
  Streamline = 3,
}

/** Quadrant codes in label order (the order of the `labels` argument). */
export const QUADRANTS = ["Strategic", "Star", "Status", "Streamline"] as const;
export type QuadrantName = (typeof QUADRANTS)[number];

/** String keys of the default labels, indexed by Quadrant code. */
export const QUADRANT_LABEL_KEYS: readonly string[] = QUADRANTS.map((q) => `matrix.${q}`);

/** What each quadrant calls for (domain.md §1), for plan sheets and documentation. */
export const QUADRANT_STRATEGY: Readonly<Record<QuadrantName, string>> = {
  Strategic: "invest, grow the partnership",
  Star: "invest to build our position",
  Status: "maintain efficiently, protect margin",
  Streamline: "serve at low cost, transactional",
};

export function quadrantOf(attractiveness: number, strength: number, attractivenessCut: number, strengthCut: number): Quadrant {
  const highA = attractiveness >= attractivenessCut;
  const highS = strength >= strengthCut;
  if (highA) return highS ? Quadrant.Strategic : Quadrant.Star;
  return highS ? Quadrant.Status : Quadrant.Streamline;
}

export const NO_QUADRANT = 255;

export interface MatrixResult {
  /** Quadrant code per row, NO_QUADRANT where the row is blank (NaN on both axes). */
  readonly quadrants: Uint8Array;
  readonly attractivenessCut: number;
  readonly strengthCut: number;
}

/**
 * Classifies every row. NaN marks a blank; a row must be blank on both axes or on neither
 * (the formula layer rejects half-blank rows before calling this). Cuts left undefined are
 * the medians over the rows with both values.
 */
export function classifyPortfolio(
  attractiveness: Float64Array,
  strength: Float64Array,
  attractivenessCut?: number,
  strengthCut?: number,
): MatrixResult {
  const n = attractiveness.length;
  const aCut = attractivenessCut ?? medianWhereBoth(attractiveness, strength);
  const sCut = strengthCut ?? medianWhereBoth(strength, attractiveness);
  const quadrants = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = attractiveness[i];
    const s = strength[i];
    quadrants[i] = a !== a || s !== s ? NO_QUADRANT : quadrantOf(a, s, aCut, sCut);
  }
  return { quadrants, attractivenessCut: aCut, strengthCut: sCut };
}
