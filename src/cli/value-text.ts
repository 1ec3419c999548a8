/**
 * The text of a value read from a cell: a string as it is, a number or a boolean as JavaScript
 * writes it. Callers deal with blanks and dates first; cells hold nothing else, and any other
 * object reads as its type tag ("[object Object]"), as String() wrote it.
 */
export function valueText(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return Object.prototype.toString.call(v);
}
