/**
 * Decimal commas (European exports: `1.234,56`, `-12,5`), decided per column from its data,
 * the way a careful ERP importer does it: one text cannot tell, a column can.
 *
 * Each text is read both ways (numbers.ts parseNumericText):
 * - a number only with a decimal comma (`1,5`, `1234,56`, `1.234,56`, `1.234.567`) is comma
 *   evidence; one only with a decimal point (`1.5`, `1,234.56`, `1,234,567`) is point evidence;
 * - a number both ways but not the same number (`1,234`, `1.234`: a comma or point followed by
 *   exactly three digits) is ambiguous; the same number both ways (`1234`, `-5`) says nothing.
 *
 * The rule of a column: comma evidence and no point evidence → decimal comma; point evidence
 * and no comma evidence → decimal point; both → mixed (the caller reports it or reads it as
 * before, where the comma cells are not numbers); only ambiguous texts → the caller's default
 * (decimal point unless it knows better, e.g. a semicolon-separated file).
 * A column whose texts all read today reads the same: every comma-evidence text fails with a
 * decimal point, so the rule only turns "not a number" into a number.
 */
import { Cell } from "./cells";
import { DecimalSeparator, parseNumericText } from "./numbers";
import { Vector } from "./range";

export type { DecimalSeparator };

export type TextSeparator = DecimalSeparator | "ambiguous";

/** Most number texts are classified without parsing: one separator, or thousands groups. */
const PLAIN = /^\s*[-+]?(\d*)([.,])(\d*)\s*$/;
const GROUPED = /^\s*[-+]?\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:([.,])\d*)?\s*$/;

/** What one text says about the decimal separator; null when it says nothing. */
export function textSeparator(s: string): TextSeparator | null {
  if (!/[.,\uff0c\uff0e]/.test(s)) return null;
  const plain = PLAIN.exec(s);
  if (plain) return plainSeparator(plain[1], plain[2], plain[3]);
  const grouped = GROUPED.exec(s);
  // `1,234,567` or `1,234.56`: only the reading with the first separator as the thousands one
  // holds (two decimal separators, or a decimal one before a thousands one, read as nothing).
  if (grouped && grouped[2] !== grouped[1]) return grouped[1] === "," ? "point" : "comma";
  const point = parseNumericText(s, "point");
  const comma = parseNumericText(s, "comma");
  const pointOk = point === point;
  const commaOk = comma === comma;
  if (pointOk && commaOk) return point === comma ? null : "ambiguous";
  return pointOk ? "point" : commaOk ? "comma" : null;
}

/**
 * textSeparator of `lead sep tail` (digits only), as reading it both ways would say: the
 * separator as the decimal one needs a digit on either side; as a thousands separator, one to
 * three digits before it and exactly three after.
 */
function plainSeparator(lead: string, sep: string, tail: string): TextSeparator | null {
  const asDecimal = lead.length > 0 || tail.length > 0;
  const asThousands = lead.length >= 1 && lead.length <= 3 && tail.length === 3;
  if (asDecimal && asThousands) return /[1-9]/.test(lead + tail) ? "ambiguous" : null;
  if (asDecimal) return sep === "." ? "point" : "comma";
  if (asThousands) return sep === "." ? "comma" : "point";
  return null;
}

export interface SeparatorEvidence {
  readonly comma: number;
  readonly point: number;
  readonly ambiguous: number;
  /** 0-based position of the first cell of each kind; -1 when there is none. */
  readonly firstComma: number;
  readonly firstPoint: number;
  readonly firstAmbiguous: number;
}

/** The evidence of a column's text cells (numbers and other cells say nothing). */
export function separatorEvidence(v: Pick<Vector, "length" | "at">): SeparatorEvidence {
  const count = { comma: 0, point: 0, ambiguous: 0 };
  const first = { comma: -1, point: -1, ambiguous: -1 };
  for (let i = 0; i < v.length; i++) {
    const cell: Cell = v.at(i);
    if (typeof cell !== "string") continue;
    const kind = textSeparator(cell);
    if (kind === null) continue;
    if (count[kind]++ === 0) first[kind] = i;
  }
  return { ...count, firstComma: first.comma, firstPoint: first.point, firstAmbiguous: first.ambiguous };
}

export type ColumnSeparator = DecimalSeparator | "mixed";

/** The separator of a column (see the module comment); `ambiguousAs` settles a column of `1,234`s. */
export function columnSeparator(e: SeparatorEvidence, ambiguousAs: DecimalSeparator = "point"): ColumnSeparator {
  if (e.comma > 0 && e.point > 0) return "mixed";
  if (e.comma > 0) return "comma";
  if (e.point > 0) return "point";
  return e.ambiguous > 0 ? ambiguousAs : "point";
}
