/**
 * Names Excel validates: sheet names, and the names of tables and defined names (which share
 * one workbook-wide namespace). All comparisons are case-insensitive, as in Excel.
 */
import { wellFormed } from "../../excel/well-formed";
import { safeCut } from "./text";

export const MAX_SHEET_NAME = 31;
const MAX_DEFINED_NAME = 255;

/** Case-insensitive key Excel would use to compare two names. */
export function nameKey(name: string): string {
  return name.normalize("NFC").toUpperCase();
}

/**
 * A valid sheet name for `desired`, without uniqueness: `[]` become `()`, `:*?/\` become `-`,
 * control characters become spaces, lone surrogates U+FFFD (as in the Office renderer),
 * surrounding blanks and apostrophes are removed, the result is cut to 31 UTF-16 code units
 * (never inside a surrogate pair); blank → "Sheet".
 */
export function validSheetName(desired: string): string {
  let s = wellFormed(String(desired ?? ""))
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(/[:*?/\\]/g, "-");
  s = trimSheetName(s);
  s = trimSheetName(s.slice(0, safeCut(s, MAX_SHEET_NAME)));
  return s === "" ? "Sheet" : s;
}

function trimSheetName(s: string): string {
  let prev: string;
  do {
    prev = s;
    s = s.trim().replace(/^'+/, "").replace(/'+$/, "");
  } while (s !== prev);
  return s;
}

/**
 * Hands out unique sheet names: a clash (case-insensitive; "History" is reserved by Excel)
 * gets " (2)", " (3)", … with the base shortened so the whole name stays within 31 characters.
 */
export class SheetNamer {
  private readonly taken = new Set<string>([nameKey("History")]);

  name(desired: string): string {
    const base = validSheetName(desired);
    if (!this.taken.has(nameKey(base))) return this.claim(base);
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      let head = base.slice(0, safeCut(base, MAX_SHEET_NAME - suffix.length));
      head = trimSheetName(head);
      const candidate = (head === "" ? "Sheet" : head) + suffix;
      if (!this.taken.has(nameKey(candidate))) return this.claim(candidate);
    }
  }

  private claim(name: string): string {
    this.taken.add(nameKey(name));
    return name;
  }
}

/** True when `name` would be read as a cell reference (A1 style up to XFD1048576, or R1C1 style). */
function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (a1) {
    const col = a1[1].toUpperCase().split("").reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
    const row = Number(a1[2]);
    if (col <= 16384 && row >= 1 && row <= 1048576) return true;
  }
  return /^[Rr][0-9]*[Cc]?[0-9]*$/.test(name) || /^[Cc][0-9]*$/.test(name);
}

/**
 * A syntactically valid name for a table or defined name: letters (any script), digits, `_` and
 * `.`, starting with a letter or `_`; other characters become `_`; names that look like cell
 * references (A1, XFD10, R1C1, R, C) or use Excel's reserved `_xlnm` prefix get a leading `_`.
 */
export function validObjectName(desired: string, fallback: string): string {
  let s = String(desired ?? "").normalize("NFC").trim().replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (s === "" || /^_+$/.test(s)) s = fallback;
  if (!/^[\p{L}_]/u.test(s)) s = "_" + s;
  if (looksLikeReference(s) || /^_xlnm/i.test(s) || /^(TRUE|FALSE)$/i.test(s)) s = "_" + s;
  return s.slice(0, safeCut(s, MAX_DEFINED_NAME - 8));
}

/**
 * The workbook-wide namespace shared by tables and defined names: each name is made valid and
 * then unique with a numeric suffix (`Revenue`, `Revenue_2`, …).
 */
export class ObjectNamer {
  private readonly taken = new Set<string>();

  name(desired: string, fallback: string): string {
    const base = validObjectName(desired, fallback);
    let candidate = base;
    for (let n = 2; this.taken.has(nameKey(candidate)); n++) candidate = `${base}_${n}`;
    this.taken.add(nameKey(candidate));
    return candidate;
  }
}

/** A sheet name quoted for use in a formula or reference: 'It''s'. Always quoted. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
