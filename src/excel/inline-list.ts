/**
 * Excel's rule for a drop-down list written inline in its data validation ("Open,Done"): the
 * values are joined by commas into at most 255 characters. A value Excel would read back
 * differently does not go inline but into cells the list then refers to: one with a comma or a
 * quote (a separator), blanks at either end or an empty value (Excel trims and drops them), a
 * leading = + - @ or ' (read as a formula or a prefix), or a control character.
 */

/** Excel's limit for an inline list in a validation formula. */
export const MAX_INLINE_LIST = 255;

/** A control character: Excel cannot show it in a drop-down. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

function fitsInline(value: string): boolean {
  return value !== "" && value === value.trim() && !/[,"]/.test(value) && !/^[=+\-@']/.test(value) && !CONTROL.test(value);
}

/** The values joined as Excel holds them inline ("a,b,c", unquoted), or null when they must go to cells. */
export function inlineList(values: readonly string[]): string | null {
  if (values.length === 0 || !values.every(fitsInline)) return null;
  const joined = values.join(",");
  return joined.length <= MAX_INLINE_LIST ? joined : null;
}
