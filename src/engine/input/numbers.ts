/**
 * Numbers stored as text, in the forms sales exports actually contain: thousands separators,
 * currency signs, accounting parentheses, trailing minus (SAP), percent, full-width digits
 * (Chinese IMEs), stray spaces. Anything else is not a number: the caller reports it.
 *
 * Read with a decimal point (`1,234.56`) unless the caller says the text uses a decimal comma
 * (`1.234,56`, European exports; which one a column uses is decided in decimal-separator.ts).
 */
import { Cell, excelErrorOf, isBlank } from "./cells";

/** Full-width forms (U+FF01–U+FF5E) map to ASCII by a fixed offset; a few look-alikes by hand. */
function toHalfWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || c === 0x2009 || c === 0x202f || c === 0x2007) out += " ";
    else if (c === 0x2212)
      out += "-"; // minus sign
    else if (c === 0xffe5) out += "¥";
    else if (c === 0xffe1) out += "£";
    else out += s[i];
  }
  return out;
}

const NUMERIC_TEXT =
  /^([-+])?\s*(\()?\s*([-+])?\s*([¥$€£])?\s*([-+])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*(%)?\s*([¥$€£]|元)?\s*(\))?\s*(-)?$/;

export type DecimalSeparator = "point" | "comma";

/** `1.234,56` ↔ `1,234.56`: a decimal-comma text in the decimal-point form, and back. */
function swapSeparators(s: string): string {
  return s.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}

/**
 * The number a text means, or NaN when it is not one of the accepted forms. The number is
 * read from the text's own digits (Number of the decimal text), whichever the separator.
 */
export function parseNumericText(text: string, decimal: DecimalSeparator = "point"): number {
  const half = toHalfWidth(text).trim();
  const s = decimal === "comma" ? swapSeparators(half) : half;
  const m = NUMERIC_TEXT.exec(s);
  if (!m) return NaN;
  const [, sign1, open, sign2, cur1, sign3, body, exp, pct, cur2, close, trailingMinus] = m;
  if (Boolean(open) !== Boolean(close)) return NaN;
  if (cur1 && cur2) return NaN;
  const signs = [sign1, sign2, sign3, trailingMinus].filter(Boolean);
  if (signs.length > 1) return NaN;
  if (open && signs.length > 0) return NaN;
  let x = Number(body.replace(/,/g, "") + (exp ?? ""));
  if (!Number.isFinite(x)) return NaN;
  if (pct) x /= 100;
  const negative = Boolean(open) || signs[0] === "-";
  return negative ? -x : x;
}

export const enum NumberStatus {
  Ok = 0,
  Blank = 1,
  NotNumber = 2,
  ErrorCell = 3,
  NotFinite = 4,
}

/**
 * Reads one numeric cell. Returns the status; the value is written to out[0] so that the hot
 * path allocates nothing.
 */
export function readNumber(v: Cell, out: Float64Array, decimal: DecimalSeparator = "point"): NumberStatus {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return NumberStatus.NotFinite;
    out[0] = v === 0 ? 0 : v; // folds -0 into 0 so it never prints as "-0"
    return NumberStatus.Ok;
  }
  if (isBlank(v)) return NumberStatus.Blank;
  if (typeof v === "string") {
    if (excelErrorOf(v)) return NumberStatus.ErrorCell;
    const x = parseNumericText(v, decimal);
    if (Number.isNaN(x)) return NumberStatus.NotNumber;
    out[0] = x === 0 ? 0 : x;
    return NumberStatus.Ok;
  }
  if (excelErrorOf(v)) return NumberStatus.ErrorCell;
  return NumberStatus.NotNumber;
}
