/**
 * Well-formed UTF-16. A string can hold a lone surrogate (half of a pair: from a UTF-16 file cut
 * in the middle of a character, an `_xD800_` escape, a name cut at a fixed length), which
 * no UTF-8 file, XML part or terminal can carry: each encoder replaces it by U+FFFD on its own,
 * so a name would differ from itself once written (a sheet the writer then cannot find). Text
 * that leaves the program — sheet names in both renderers, workbook text, terminal output —
 * is made well-formed here first, the same way everywhere.
 */

/** A pair, or a surrogate outside a pair (no lookbehind: older Office web views lack it). */
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** `s` with every lone surrogate replaced by U+FFFD (pairs kept); `s` itself when it has none. */
export function wellFormed(s: string): string {
  return s.replace(SURROGATES, (m) => (m.length === 2 ? m : "\uFFFD"));
}

/** Largest index ≤ n that does not split a surrogate pair of `text`. */
export function safeCut(text: string, n: number): number {
  if (n <= 0) return 0;
  if (n >= text.length) return text.length;
  const code = text.charCodeAt(n - 1);
  return code >= 0xd800 && code <= 0xdbff ? n - 1 : n;
}

/** `text` cut to at most `max` UTF-16 code units, never inside a surrogate pair. */
export function truncateUnits(text: string, max: number): string {
  return text.slice(0, safeCut(text, max));
}
