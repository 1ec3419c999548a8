/**
 * Reads the customer argument and groups its cells the way a PivotTable does: spaces trimmed,
 * case ignored, the first spelling shown. Transaction lines repeat the same spelling, so the
 * exact text is looked up first and only new spellings pay for normalising.
 */
import { fail } from "../errors";
import { dateText, excelErrorOf, isBlank } from "./cells";
import { cellArgs, Vector } from "./range";

export interface CustomerVector {
  /** Customer id per input cell; -1 where the customer cell is blank. */
  readonly ids: Int32Array;
  /** Display name per customer id (first spelling, trimmed). */
  readonly names: string[];
}

export const NO_CUSTOMER = -1;

export function customerKey(text: string): string {
  return text.trim().toLowerCase();
}

export function readCustomerVector(v: Vector): CustomerVector {
  const n = v.length;
  const ids = new Int32Array(n);
  const names: string[] = [];
  const byRaw = new Map<unknown, number>();
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const cell = v.at(i);
    const hit = byRaw.get(cell);
    if (hit !== undefined) {
      ids[i] = hit;
      continue;
    }
    if (isBlank(cell)) {
      ids[i] = NO_CUSTOMER;
      continue;
    }
    if (excelErrorOf(cell)) throw fail("#VALUE!", "error.customerError", cellArgs(v, i));
    const display = displayText(cell);
    const key = customerKey(display);
    let id = byKey.get(key);
    if (id === undefined) {
      id = names.length;
      names.push(display);
      byKey.set(key, id);
    }
    if (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") byRaw.set(cell, id);
    ids[i] = id;
  }
  return { ids, names };
}

function displayText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return dateText(cell);
  return String(cell);
}
