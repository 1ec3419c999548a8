/**
 * Credit ratings: the one grammar every layer reads them with (column sniffing, the portfolio
 * matrix's strength proxy, the risk register's credit risk, the plan's SWOT hints).
 *
 * - S&P and Fitch: AAA, AA, A, BBB, BB, B, CCC, CC, C, D, each with an optional + or −.
 * - The Chinese agencies (中诚信, 联合, 大公…): the same letters AAA…C with + or −.
 * - Moody's: Aaa, Aa, A, Baa, Ba, B, Caa, Ca, C, each with an optional 1, 2 or 3.
 *
 * Letters are read ignoring case (a column typed as "BAA2" or "bbb+" is still a rating) and
 * surrounding spaces; nothing may stand between the letters and the modifier, as in the
 * agencies' own notation. Moody's grades are read as the S&P grade they correspond to
 * (Baa = BBB, Ba = BB, Caa = CCC, Ca = CC); + and 1 are a third of a notch up, − and 3 a
 * third down.
 *
 * Besides the agency scale, the risk register knows two in-house scales (A–E and 1–5, 1 the
 * best); those are plain table look-ups with +/− ignored, see creditLikelihood.
 */

/** S&P / Fitch grades, best first. */
const AGENCY_GRADES = ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D"] as const;
type AgencyGrade = (typeof AGENCY_GRADES)[number];

/** Moody's letters (upper case) whose S&P grade has other letters. */
const MOODYS_ONLY: Readonly<Record<string, AgencyGrade>> = { BAA: "BBB", BA: "BB", CAA: "CCC", CA: "CC" };
/** Moody's spelling of each S&P grade, as the sheets show it. */
const MOODYS_SPELLING: Readonly<Partial<Record<AgencyGrade, string>>> = { BBB: "Baa", BB: "Ba", CCC: "Caa", CC: "Ca" };

const GRAMMAR = /^([A-Za-z]{1,3})([+\-123])?$/;

export interface CreditRating {
  /** The S&P grade (Moody's grades mapped). */
  readonly grade: AgencyGrade;
  /** +1 (a third of a notch up: "+" or Moody's "1"), −1 ("−" or Moody's "3"), or 0. */
  readonly notch: -1 | 0 | 1;
  /** Written in Moody's notation: Baa/Ba/Caa/Ca letters or a 1/2/3 modifier. */
  readonly moodys: boolean;
}

/** A rating by the grammar above, or null when the text is not one. */
export function parseCreditRating(rating: string | null): CreditRating | null {
  if (rating === null) return null;
  const m = GRAMMAR.exec(rating.trim());
  if (!m) return null;
  const letters = m[1].toUpperCase();
  const modifier = m[2];
  const numeric = modifier === "1" || modifier === "2" || modifier === "3";
  const moodysLetters = MOODYS_ONLY[letters];
  let grade: AgencyGrade;
  if (moodysLetters !== undefined) {
    if (modifier === "+" || modifier === "-") return null;
    grade = moodysLetters;
  } else {
    const i = (AGENCY_GRADES as readonly string[]).indexOf(letters);
    if (i < 0) return null;
    grade = AGENCY_GRADES[i];
    // Moody's has no CCC/CC/BBB/BB spelled that way, and no D.
    if (numeric && letters.length > 1 && letters !== "AAA" && letters !== "AA") return null;
    if (numeric && grade === "D") return null;
  }
  const notch = modifier === "+" || modifier === "1" ? 1 : modifier === "-" || modifier === "3" ? -1 : 0;
  return { grade, notch, moodys: moodysLetters !== undefined || numeric };
}

/** Whether a text is a rating by the grammar. */
export const isCreditRating = (s: string): boolean => parseCreditRating(s) !== null;

/**
 * Whether a rating could not be an A/B/C tier or a school grade: more than one letter or a
 * modifier (column sniffing needs one such rating before it takes a column for ratings).
 */
export function isDistinctiveRating(s: string): boolean {
  const r = parseCreditRating(s);
  if (r === null) return false;
  return s.trim().length > 1;
}

/** AAA = 10 … D = 1, a modifier moving a third of a notch; NaN when the text is not a rating. */
export function creditOrdinal(rating: string | null): number {
  const r = parseCreditRating(rating);
  if (r === null) return NaN;
  return AGENCY_GRADES.length - AGENCY_GRADES.indexOf(r.grade) + r.notch / 3;
}

// ---------------------------------------------------------------------------------------------
// Likelihood of a credit risk (the risk register)

export type CreditScaleName = "agency" | "letters" | "numbers";

export interface CreditScaleEntry {
  readonly rating: string;
  readonly likelihood: number;
}

/**
 * Credit rating → likelihood (1–5) of a credit risk. Documented defaults, written on the risk
 * sheet where they can be edited. On the 1–5 scale 1 is the best rating; if yours runs the
 * other way, edit the table.
 */
export const CREDIT_SCALES: Readonly<Record<CreditScaleName, readonly CreditScaleEntry[]>> = {
  agency: [
    { rating: "AAA", likelihood: 1 },
    { rating: "AA", likelihood: 1 },
    { rating: "A", likelihood: 2 },
    { rating: "BBB", likelihood: 2 },
    { rating: "BB", likelihood: 3 },
    { rating: "B", likelihood: 4 },
    { rating: "CCC", likelihood: 4 },
    { rating: "CC", likelihood: 5 },
    { rating: "C", likelihood: 5 },
    { rating: "D", likelihood: 5 },
  ],
  letters: [
    { rating: "A", likelihood: 1 },
    { rating: "B", likelihood: 2 },
    { rating: "C", likelihood: 3 },
    { rating: "D", likelihood: 4 },
    { rating: "E", likelihood: 5 },
  ],
  numbers: [
    { rating: "1", likelihood: 1 },
    { rating: "2", likelihood: 2 },
    { rating: "3", likelihood: 3 },
    { rating: "4", likelihood: 4 },
    { rating: "5", likelihood: 5 },
  ],
};

/**
 * The rows of a scale's table: on the agency scale with Moody's ratings in the data, each
 * Moody's grade spelled differently (Baa, Ba, Caa, Ca) gets a row of its own after its S&P
 * grade (the sheet's look-up compares letters ignoring case, so Aaa and Aa need none).
 */
export function creditTable(scale: CreditScaleName, moodys: boolean): readonly CreditScaleEntry[] {
  const table = CREDIT_SCALES[scale];
  if (scale !== "agency" || !moodys) return table;
  return table.flatMap((e) => {
    const spelling = MOODYS_SPELLING[e.rating as AgencyGrade];
    return spelling === undefined ? [e] : [e, { rating: spelling, likelihood: e.likelihood }];
  });
}

/** The in-house scales' key: trimmed, +/− dropped, upper case (what the sheet's formula compares). */
function inHouseKey(rating: string): string {
  return rating.trim().replace(/ {2,}/g, " ").replace(/[+-]/g, "").toUpperCase();
}

/**
 * The scale a portfolio's ratings are on: any agency rating beyond a single letter (AAA, BB,
 * Baa, A2…) means the agency scale; otherwise single letters A–E mean the A–E scale; otherwise
 * 1–5; null when none fits.
 */
export function creditScaleOf(ratings: readonly (string | null)[]): CreditScaleName | null {
  let letters = false;
  let numbers = false;
  for (const r of ratings) {
    if (r === null) continue;
    const parsed = parseCreditRating(r);
    if (parsed !== null && (parsed.moodys || parsed.grade.length > 1)) return "agency";
    const k = inHouseKey(r);
    if (/^[A-E]$/.test(k)) letters = true;
    else if (/^[1-5]$/.test(k)) numbers = true;
  }
  return letters ? "letters" : numbers ? "numbers" : null;
}

/** Whether any rating is written in Moody's notation (the agency table then lists its grades). */
export const hasMoodysRatings = (ratings: readonly (string | null)[]): boolean =>
  ratings.some((r) => parseCreditRating(r)?.moodys === true);

/** Likelihood of a rating on a scale, NaN when the rating is not on it. */
export function creditLikelihood(scale: CreditScaleName, rating: string): number {
  if (scale === "agency") {
    const r = parseCreditRating(rating);
    if (r === null) return NaN;
    for (const e of CREDIT_SCALES.agency) if (e.rating === r.grade) return e.likelihood;
    return NaN;
  }
  const k = inHouseKey(rating);
  for (const e of CREDIT_SCALES[scale]) if (e.rating === k) return e.likelihood;
  return NaN;
}
