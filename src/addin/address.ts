/** Addresses of the source table: parsing Excel's sheet-qualified addresses and writing A1 references. */
import { columnLetters, columnNumber } from "../render/office/r1c1";

export interface Rect {
  /** 0-based first row and column. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** "Sales!A1:H3001", "'Q1 Sales'!$A$1:$H$3001", "Sales!B5" → sheet name and rectangle. */
export function parseQualified(address: string): { sheet: string; rect: Rect } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) throw new Error(`not a sheet-qualified address: ${address}`);
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, rect: parseA1(address.slice(bang + 1)) };
}

function parseA1(a1: string): Rect {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 range: ${a1}`);
  const c0 = columnNumber(m[1].toUpperCase()) - 1;
  const r0 = Number(m[2]) - 1;
  const c1 = m[3] ? columnNumber(m[3].toUpperCase()) - 1 : c0;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

/** A1 text of a rectangle ("B2", "B2:D9"), optionally absolute. */
export function a1Of(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const tl = `${d}${columnLetters(r.col + 1)}${d}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${d}${columnLetters(r.col + r.cols)}${d}${r.row + r.rows}`;
}

/** A sheet name quoted for a formula reference: always quoted, apostrophes doubled. */
const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** 'Sheet'!$C$2:$C$3001 */
export const qualifiedA1 = (sheet: string, r: Rect): string => `${quotedSheet(sheet)}!${a1Of(r, true)}`;
