/**
 * What a cell can hold when Excel hands a range to a custom function, or when a file reader
 * hands us a table. Kept deliberately loose (`unknown`): Excel, the test fakes, CSV and
 * ExcelJS all deliver slightly different shapes and none of them may crash us.
 */
export type Cell = unknown;
export type CellRange = readonly (readonly Cell[])[];

/** Error literals Excel shows; CSV exports write them as plain text. */
const ERROR_LITERALS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** Blank as Excel delivers it: null, undefined, "" (and whitespace, which the user cannot see). */
export function isBlank(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return v.length === 0 || v.trim().length === 0;
  return false;
}

/**
 * The Excel error code of a cell, or null. Errors arrive as CustomFunctions.Error objects
 * (`code`), as Excel.ErrorCellValue-like objects (`errorType`/`type: "Error"`), or, from CSV
 * exports, as the literal text.
 */
export function excelErrorOf(v: Cell): string | null {
  if (typeof v === "string") {
    const t = v.trim().toUpperCase();
    return t.startsWith("#") && ERROR_LITERALS.has(t) ? t : null;
  }
  if (v !== null && typeof v === "object") {
    const o = v as { code?: unknown; type?: unknown; errorType?: unknown; basicValue?: unknown };
    if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
    if (o.type === "Error") {
      if (typeof o.basicValue === "string") return o.basicValue;
      return typeof o.errorType === "string" ? `#${o.errorType}` : "#VALUE!";
    }
    if (v instanceof Error) return "#VALUE!";
  }
  return null;
}

/**
 * A date cell as text (yyyy-mm-dd). A date-formatted cell whose serial number lies outside
 * the date range (Excel shows #######) arrives from the xlsx reader as an invalid Date, which
 * toISOString cannot print.
 */
export function dateText(d: Date): string {
  const t = d.getTime();
  return t === t ? d.toISOString().slice(0, 10) : "#######";
}

/** A cell as String() writes it, "" for null and undefined (a header, a name). */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- cells are Excel's scalars or Dates (the readers'), whose own toString is the text wanted
  return String(v);
}

/** Cell text as a user would read it in a message (short, one line). */
export function describeCell(v: Cell): string {
  const err = excelErrorOf(v);
  if (err) return err;
  let s: string;
  if (typeof v === "string") s = v;
  else if (typeof v === "number" || typeof v === "boolean") s = String(v);
  else if (v instanceof Date) s = dateText(v);
  else s = Object.prototype.toString.call(v);
  s = s.replace(/[\r\n\t]+/g, " ");
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
