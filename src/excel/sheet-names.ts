/**
 * Excel's rules for worksheet names, one rule for both renderers so a sheet model gets the same
 * sheet names in the open workbook and in the .xlsx file. Excel refuses a name that is blank,
 * longer than 31 characters, contains any of : \ / ? * [ ], starts or ends with an apostrophe,
 * or is "History" (reserved); names are compared case-insensitively.
 */
import { truncateUnits, wellFormed } from "./well-formed";

export const MAX_SHEET_NAME = 31;

/** The reserved name: Excel keeps it for the change history of shared workbooks. */
const RESERVED_SHEET_NAME = "History";

/**
 * Case-insensitive key Excel compares names by; full Unicode upper-casing over-approximates
 * Excel's, so two names with different keys are different to Excel too.
 */
export function nameKey(name: string): string {
  return name.normalize("NFC").toUpperCase();
}

/** Blanks and apostrophes off both ends, until none is left (" 'x' " → "x"). */
function trimSheetName(name: string): string {
  let previous: string;
  let trimmed = name;
  do {
    previous = trimmed;
    trimmed = trimmed.trim().replace(/^'+/, "").replace(/'+$/, "");
  } while (trimmed !== previous);
  return trimmed;
}

/**
 * A valid sheet name close to `desired` (uniqueness aside): `[` `]` become `(` `)` and `:*?/\`
 * become `-`, so "Plan – A/S" reads "Plan – A-S"; control characters become spaces, lone
 * surrogates U+FFFD; blanks and apostrophes are trimmed from both ends; at most 31 UTF-16 code
 * units (never half a surrogate pair); a blank name becomes "Sheet".
 */
export function validSheetName(desired: string): string {
  const replaced = wellFormed(desired)
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(/[:*?/\\]/g, "-");
  const name = trimSheetName(truncateUnits(trimSheetName(replaced), MAX_SHEET_NAME));
  return name === "" ? "Sheet" : name;
}

/**
 * The sheet names of one workbook: the ones it has, and the ones handed out. A name that is
 * taken (case-insensitively; "History" always is) gets " (2)", " (3)", … with its start
 * shortened so the whole stays within 31 characters.
 */
export class SheetNames {
  private readonly taken = new Set<string>([nameKey(RESERVED_SHEET_NAME)]);

  constructor(existing: Iterable<string> = []) {
    for (const name of existing) this.taken.add(nameKey(name));
  }

  /** True when a sheet has `name` (or it is reserved). */
  has(name: string): boolean {
    return this.taken.has(nameKey(name));
  }

  /** Marks an exact, already valid name as taken (a temporary sheet's). */
  reserve(name: string): void {
    this.taken.add(nameKey(name));
  }

  /** Frees a name again (a temporary sheet renamed to its final name). */
  release(name: string): void {
    this.taken.delete(nameKey(name));
  }

  /** A valid name for `desired` that no sheet has, now taken. */
  claim(desired: string): string {
    const name = this.free(validSheetName(desired));
    this.reserve(name);
    return name;
  }

  private free(base: string): string {
    if (!this.has(base)) return base;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const head = trimSheetName(truncateUnits(base, MAX_SHEET_NAME - suffix.length));
      const candidate = (head === "" ? "Sheet" : head) + suffix;
      if (!this.has(candidate)) return candidate;
    }
  }
}

/** A sheet name quoted for a formula or reference, always: 'It''s'!A1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
