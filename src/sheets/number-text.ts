/**
 * Numbers as the sheets show them in text: Excel's rounding, percents in sentences, number
 * formats as Excel displays them (for column widths), and the figures in the plan's hints.
 * Deterministic: fixed en-US grouping in both languages, U+2212 for minus in hints.
 */

/** Excel's ROUND: half away from zero on the decimal shown (15 significant digits). */
export function excelRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return x < 0 ? -rounded : rounded;
}

/** "18%", "2.5%", "0.4%": whole percent from 10% up, one decimal below. */
export function percentText(x: number): string {
  const p = x * 100;
  const rounded = excelRound(p, Math.abs(p) >= 10 ? 0 : 1);
  return `${rounded === 0 ? 0 : rounded}%`;
}

/** A threshold as typed by users: up to 2 decimals of a percent, trailing zeros dropped ("80%", "72.35%"). */
export function thresholdText(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}

/** The text of a number as a format shows it (the formats of FORMAT: grouping, fixed decimals, percent). */
export function formattedText(x: number, format: string | null): string {
  if (!Number.isFinite(x)) return "";
  if (format === null) return String(x);
  const percent = format.endsWith("%");
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  const grouped = format.includes(",");
  const shown = (percent ? x * 100 : x).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return percent ? `${shown}%` : shown;
}

const MINUS = "\u2212";
const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A whole amount with grouping: "12,345", "−1,200". */
export function moneyText(x: number): string {
  const s = GROUPED.format(Math.abs(x));
  return x < 0 && s !== "0" ? MINUS + s : s;
}

/** A percent with one decimal below 10%: "4.5%", "23%", "−8.0%". */
export function percentHintText(x: number): string {
  const p = x * 100;
  const s = Math.abs(p).toFixed(Math.abs(p) < 10 ? 1 : 0);
  return (p < 0 && Number(s) !== 0 ? MINUS : "") + s + "%";
}

/** percentHintText with a + on gains: "+12%". */
export function signedPercentText(x: number): string {
  const s = percentHintText(x);
  return x > 0 && !/^0(\.0)?%$/.test(s) ? `+${s}` : s;
}

/** A number with fixed decimals: "3.5", "−0.2". */
export function decimalText(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  return (x < 0 && Number(s) !== 0 ? MINUS : "") + s;
}
