/**
 * Text helpers for SpreadsheetML: XML escaping, the `_xHHHH_` escapes OOXML uses for characters
 * XML cannot carry (or would normalise, like a carriage return), and Excel's cell text limit.
 */
import { safeCut, wellFormed } from "../../excel/well-formed";

/** Excel's maximum number of characters in a cell. */
export const EXCEL_MAX_CELL_CHARS = 32767;

/** Escapes text for XML element content and attribute values (both quotes escaped). */
export function xmlEscape(text: string): string {
  return stripXmlInvalid(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * Replaces what XML 1.0 cannot contain at all (lone surrogates, U+FFFE/U+FFFF, C0 controls
 * other than tab/LF/CR) by U+FFFD. Used for markup we generate ourselves (names, titles).
 */
function stripXmlInvalid(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  return wellFormed(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");
}

/**
 * Encodes a cell string the way Excel stores it in `<t>`/`<v>`: characters XML cannot carry
 * faithfully (C0 controls except tab and line feed — a raw carriage return would be read back
 * as a line feed —, DEL) become `_xHHHH_`, and an existing `_xHHHH_` sequence is protected by
 * escaping its underscore (`_x005F_`). Readers (Excel, LibreOffice, ExcelJS) decode both.
 * Lone surrogates are replaced by U+FFFD (not representable in XML at all).
 */
export function encodeOoxmlString(text: string): string {
  return (
    wellFormed(text)
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      // eslint-disable-next-line no-control-regex -- control characters are what this escapes
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
      .replace(/[\uFFFE\uFFFF]/g, "\uFFFD")
  );
}

/** Decodes `_xHHHH_` escapes (the inverse of {@link encodeOoxmlString}). */
export function decodeOoxmlString(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Truncates text to Excel's cell limit, ending with a note that says how much was cut.
 * Never splits a surrogate pair. Returns the text unchanged when it fits.
 */
export function truncateForCell(text: string, limit = EXCEL_MAX_CELL_CHARS): string {
  if (text.length <= limit) return text;
  const note = (removed: number) => ` … [truncated: ${removed} characters removed; an Excel cell holds at most ${limit} characters]`;
  // The note's length depends on the number it shows; two passes settle it.
  let keep = limit - note(text.length).length;
  keep = limit - note(text.length - keep).length;
  keep = Math.max(0, keep);
  keep = safeCut(text, keep);
  return text.slice(0, keep) + note(text.length - keep);
}
