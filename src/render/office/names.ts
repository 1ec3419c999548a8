/**
 * Valid, unique names for what the renderer creates: worksheet names and defined/table names.
 * Uniqueness is case-insensitive, as in Excel; the comparison key over-approximates Excel's
 * (full Unicode upper-casing), so two names we consider different are different to Excel too.
 */
import { wellFormed } from "../../excel/well-formed";

export const SHEET_NAME_MAX = 31;
export const DEFINED_NAME_MAX = 255;

/** Case-insensitive comparison key. */
export const nameKey = (name: string): string => name.normalize("NFC").toUpperCase();

/** Cuts a string to at most `max` UTF-16 code units without splitting a surrogate pair. */
export function truncateUnits(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

const stripApostrophes = (s: string): string => s.replace(/^'+/, "").replace(/'+$/, "");

/**
 * A valid worksheet name close to `desired`: forbidden characters []:*?/\ and control characters
 * become "_", lone surrogates U+FFFD (as in the .xlsx renderer), no leading/trailing apostrophe
 * or blanks, at most 31 characters, never empty and never the reserved "History".
 */
export function validSheetName(desired: string): string {
  let s = wellFormed(desired).normalize("NFC").replace(/[[\]:*?/\\]/g, "_").replace(/[\u0000-\u001f\u007f]/g, " ");
  s = stripApostrophes(s.trim()).trim();
  s = stripApostrophes(truncateUnits(s, SHEET_NAME_MAX).trim()).trim();
  if (s === "") s = "Sheet";
  if (nameKey(s) === "HISTORY") s = "History_";
  return s;
}

/**
 * A valid sheet name for `desired` not in `taken` (keys from nameKey): "Name", then "Name (2)",
 * "Name (3)", … with the base shortened so the whole stays within 31 characters.
 */
export function uniqueSheetName(desired: string, taken: ReadonlySet<string>): string {
  const base = validSheetName(desired);
  if (!taken.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    let head = stripApostrophes(truncateUnits(base, SHEET_NAME_MAX - suffix.length).trimEnd()).trimEnd();
    if (head === "") head = "Sheet";
    const candidate = head + suffix;
    if (!taken.has(nameKey(candidate)) && nameKey(candidate) !== "HISTORY") return candidate;
  }
}

/** True for names Excel would read as a cell reference (A1 or R1C1 style) or a boolean. */
function looksLikeReference(s: string): boolean {
  if (/^[A-Za-z]{1,3}\d+$/.test(s)) return true;
  if (/^[Rr](\d+)?([Cc](\d+)?)?$/.test(s)) return true;
  if (/^[Cc](\d+)?$/.test(s)) return true;
  if (/^(TRUE|FALSE)$/i.test(s)) return true;
  return false;
}

/**
 * A valid defined name / table name close to `desired`: letters, digits, "_" and "." only (others
 * become "_"), starting with a letter or "_", not looking like a cell reference, ≤ 255 characters.
 */
export function validDefinedName(desired: string): string {
  let s = desired.normalize("NFC").replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (s === "") s = "_";
  if (!/^[\p{L}_]/u.test(s)) s = "_" + s;
  if (looksLikeReference(s)) s = "_" + s;
  return truncateUnits(s, DEFINED_NAME_MAX);
}

/** A valid defined/table name for `desired` not in `taken`: "Name", "Name_2", "Name_3", … */
export function uniqueDefinedName(desired: string, taken: ReadonlySet<string>): string {
  const base = validDefinedName(desired);
  if (!taken.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = truncateUnits(base, DEFINED_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}
