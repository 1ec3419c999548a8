/**
 * How literal cells travel to Excel, and how big a request gets.
 *
 * Text stays text: Office.js parses a string written to `values`/`formulas` like typed input — "=…",
 * "+…", "-…" become formulas (documented on Range.values), "@SUM(A1)" a formula, "00123" a number,
 * "1-2" a date, "TRUE" a Boolean. Every non-empty literal string is therefore written with a leading
 * apostrophe, Excel's quote prefix: Excel strips exactly one leading apostrophe and stores the rest
 * as text, whatever it looks like ("'80s" is written as "''80s" and lands as "'80s"). This keeps the
 * cell's number format untouched (no "@" that would turn later planner input into text) and costs one
 * byte per string cell. Formulas come only from {f, v} cells. Text is cut so that the input with its
 * apostrophe stays within Excel's 32,767-character cell limit (Excel would reject the whole request).
 */
import type { Literal } from "../../sheets/model";
import { truncateUnits } from "../../excel/well-formed";

/** Excel's limit on the characters in a cell. */
const CELL_TEXT_MAX = 32767;

export type ExcelScalar = string | number | boolean;

/** The value to send for a literal cell. */
export function encodeLiteral(v: Literal): ExcelScalar {
  if (v === null) return "";
  if (typeof v === "string") return v === "" ? "" : "'" + truncateUnits(v, CELL_TEXT_MAX - 1);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  return v;
}

/** UTF-8 byte length of a string (what goes over the wire). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of the JSON of a value. */
export const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v) ?? "null");

/**
 * Estimated fixed cost of one queued Office.js operation: the action record plus the object paths
 * it needs (worksheet, getRange with its address, format/font…). Office.js sends roughly
 * {"Id":n,"ActionType":4,"Name":"Values","ObjectPathId":m,"ArgumentInfo":{"Arguments":[…]}} and
 * {"Id":m,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":p,"ArgumentInfo":{"Arguments":["A1:C9"]}};
 * 400 bytes is a generous upper bound for both together.
 */
export const OP_OVERHEAD = 400;

/** Fixed cost of a request envelope. */
export const REQUEST_OVERHEAD = 1024;

/**
 * Default request budget: 3.8 MB, so that every request stays under 4 MB even if the real wire format
 * is up to 5% larger than estimated (Excel on the web rejects requests over 5 MB).
 */
export const DEFAULT_MAX_REQUEST_BYTES = 3_800_000;
