/**
 * Excel's rules for defined names and table names, which share one workbook-wide namespace:
 * letters (any script), digits, "_" and "." only, starting with a letter or "_", at most 255
 * characters, compared case-insensitively; never a cell reference in A1 or R1C1 style (A1,
 * XFD10, R, C, R1C1, RC2), never TRUE/FALSE, never Excel's own "_xlnm." prefix.
 */
import { nameKey } from "./sheet-names";
import { truncateUnits } from "./well-formed";

const MAX_DEFINED_NAME = 255;

/**
 * True for names Excel could read as a cell reference: 1–3 letters then digits (A1 style, even
 * beyond XFD1048576, as Excel versions and compatibility modes differ on those; a leading "_"
 * costs nothing), or R1C1 style (R, C, RC, R1C1, R2, C3).
 */
function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name);
}

/** True for words Excel keeps for itself: the Boolean constants and its built-in names. */
function isReservedWord(name: string): boolean {
  return /^(TRUE|FALSE)$/i.test(name) || /^_xlnm/i.test(name);
}

/**
 * A valid defined or table name close to `desired`: blanks trimmed, every other character
 * outside letters, digits, "_" and "." becomes "_"; nothing left (or only "_") gives
 * `fallback`; a leading "_" where it starts with neither a letter nor "_", or looks like a
 * reference or a reserved word; at most 255 UTF-16 code units.
 */
export function validObjectName(desired: string, fallback: string): string {
  let name = desired
    .normalize("NFC")
    .trim()
    .replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (/^_*$/.test(name)) name = fallback;
  if (!/^[\p{L}_]/u.test(name)) name = "_" + name;
  if (looksLikeReference(name) || isReservedWord(name)) name = "_" + name;
  return truncateUnits(name, MAX_DEFINED_NAME);
}

/**
 * The defined and table names of one workbook: the ones it has, and the ones handed out.
 * A taken name gets "_2", "_3", … (its start shortened to stay within 255 characters).
 */
export class ObjectNames {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const name of existing) this.taken.add(nameKey(name));
  }

  /** Marks a name found in the workbook as taken (a sheet-scoped one, loaded later). */
  reserve(name: string): void {
    this.taken.add(nameKey(name));
  }

  /** A valid, free table name for `desired` (blank: "Table"), now taken. */
  claimTable(desired: string): string {
    return this.claim(desired, "Table");
  }

  /** A valid, free defined name for `desired` (blank: "Name"), now taken. */
  claimName(desired: string): string {
    return this.claim(desired, "Name");
  }

  private claim(desired: string, fallback: string): string {
    const base = validObjectName(desired, fallback);
    let candidate = base;
    for (let n = 2; this.taken.has(nameKey(candidate)); n++) {
      const suffix = `_${n}`;
      candidate = truncateUnits(base, MAX_DEFINED_NAME - suffix.length) + suffix;
    }
    this.taken.add(nameKey(candidate));
    return candidate;
  }
}
