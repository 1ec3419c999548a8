/**
 * Formula text for the sheet builders: A1 spans, text literals, criteria that stay exact,
 * sentences joined from a template, and the check that a live source is a plain reference.
 * Text from the data never goes into formula text (builders put it in cells).
 */
import { a1 } from "./model";

/** A text literal for a formula ("..." with quotes doubled). Only for builder constants. */
export const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A1 text of a column segment rows r0..r1 in column c; absolute with $ on both parts. */
export function colSpan(c: number, r0: number, r1: number, absolute = true): string {
  return `${a1(r0, c, absolute)}:${a1(r1, c, absolute)}`;
}

/** A1 text of a row segment columns c0..c1 in row r (relative column, absolute or relative row). */
export function rowSpan(r: number, c0: number, c1: number, absolute = false): string {
  return `${a1(r, c0, absolute)}:${a1(r, c1, absolute)}`;
}

/**
 * Whether a text can be a COUNTIF/SUMIF criterion matching itself exactly: wildcards (* ? ~)
 * and a leading comparison operator would change its meaning.
 */
const safeCriterion = (s: string): boolean => !/[*?~]/.test(s) && !/^[<>=]/.test(s) && s.trim() !== "";

/**
 * COUNTIF(range, labelCell) where the label is a safe criterion, else the exact-match
 * SUMPRODUCT(--(range=labelCell)): labels can be user text with wildcards or operators.
 */
export function countIf(range: string, labelCell: string, label: string): string {
  return safeCriterion(label) ? `COUNTIF(${range},${labelCell})` : `SUMPRODUCT(--(${range}=${labelCell}))`;
}

/** SUMIF(range, labelCell, sumRange), with the same fallback as countIf. */
export function sumIf(range: string, labelCell: string, label: string, sumRange: string): string {
  return safeCriterion(label) ? `SUMIF(${range},${labelCell},${sumRange})` : `SUMPRODUCT((${range}=${labelCell})*${sumRange})`;
}

/**
 * The formula giving percentText (number-text.ts) of a cell holding a fraction, as text
 * (same digits: Excel's ROUND, and a number joined to text shows as General does).
 */
export function percentTextFormula(cell: string): string {
  return `ROUND(${cell}*100,IF(ABS(${cell}*100)>=10,0,1))&"%"`;
}

/**
 * A formula joining a text template of ours ("{pct} of customers ({count} of {customers})")
 * with formula parts for its placeholders: literal pieces become "…" strings, placeholders
 * the given expressions, joined with &. Every placeholder must be given.
 */
export function templateFormula(template: string, parts: Readonly<Record<string, string>>): string {
  const out: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const at = match.index ?? 0;
    if (!(match[1] in parts)) throw new Error(`template "${template}": no formula for {${match[1]}}`);
    if (at > last) out.push(quoted(template.slice(last, at)));
    out.push(`(${parts[match[1]]})`);
    last = at + match[0].length;
  }
  if (last < template.length) out.push(quoted(template.slice(last)));
  return out.length ? out.join("&") : '""';
}

const REF =
  /^(?:(?:'(?:[^']|'')+'|[^\s!'"(),;=+\-*/&^<>{}]+)!)?(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)$/;

/** Checks that a live source is a plain A1 reference (optionally sheet-qualified) before it goes into a formula. */
export function sourceRef(s: string, what: string): string {
  const t = s.trim();
  if (!REF.test(t)) throw new Error(`live source ${what}: "${s}" is not an A1 reference such as 'Sales'!$A$2:$A$500`);
  return t;
}

/** Makes table headers unique (Excel tables require it): a repeated name gets " (2)", " (3)". */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header) => {
    const base = header.trim() === "" ? "-" : header;
    let name = base;
    let n = 1;
    while (seen.has(name.toLowerCase())) name = `${base} (${++n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}
