/** Number and text formatting for the aligned-table output. */
import { isWide } from "../../sheets/text-metrics";

const AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

const fold = (s: string) => (s === "-0.00" ? "0.00" : s === "-0.0%" ? "0.0%" : s === "-0" ? "0" : s);

/** 1234567.891 → "1,234,567.89". */
export function formatAmount(x: number): string {
  return fold(AMOUNT.format(x));
}

/** 0.1234 → "12.3%". */
export function formatPercent(x: number): string {
  return fold(`${(x * 100).toFixed(1)}%`);
}

export function formatInteger(x: number): string {
  return fold(INTEGER.format(x));
}

/** 0.73412 → "0.734". */
export function formatRatio(x: number): string {
  return x.toFixed(3);
}

/**
 * Terminal columns a character takes: East Asian wide and full-width characters (the same set
 * the sheets size columns by) and most emoji take two, combining marks and zero-width
 * characters none, the rest one.
 */
function charWidth(cp: number): number {
  if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  if (isWide(cp) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff)) return 2;
  return 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0) ?? 0);
  return w;
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : " ".repeat(width - w) + s;
}
