/**
 * Output checks between paths. Labels, names and ranks must be equal. Per-customer totals may
 * differ in the last bits where a path sums naively (the floor, Arquero) and we sum with
 * compensation; where two customers' totals are that close, the naive path may also order or
 * rank them differently. Such "rounding ties" are allowed, counted and reported — nothing else.
 */
import { check, close } from "./harness";

export interface Ranked {
  readonly names: readonly string[];
  readonly totals: ArrayLike<number>;
  readonly ranks: ArrayLike<number>;
  readonly cumulative: ArrayLike<number>;
}

const TOTAL_REL = 1e-11;

/** Checks `other` against `ours`; returns the number of rounding ties met. */
export function checkRanking(what: string, ours: Ranked, other: Ranked): number {
  const m = ours.names.length;
  check(other.names.length === m, `${what}: ${other.names.length} ranked customers, ours ${m}`);
  const pos = new Map<string, number>();
  for (let j = 0; j < m; j++) pos.set(other.names[j], j);
  let roundingTies = 0;
  for (let j = 0; j < m; j++) {
    const name = ours.names[j];
    const k = pos.get(name);
    check(k !== undefined, `${what}: customer ${name} missing`);
    const t = ours.totals[j];
    check(close(t, other.totals[k!], TOTAL_REL), `${what}: total of ${name} ${other.totals[k!]}, ours ${t}`);
    check(
      close(ours.cumulative[j], other.cumulative[j], 1e-9),
      `${what}: cumulative share at position ${j + 1}: ${other.cumulative[j]}, ours ${ours.cumulative[j]}`,
    );
    if (k === j && ours.ranks[j] === other.ranks[k]) continue;
    // Allowed only inside a run of totals equal up to rounding.
    const near = (i: number) => i >= 0 && i < m && i !== j && close(ours.totals[i], t, TOTAL_REL);
    let lo = j;
    while (near(lo - 1)) lo--;
    let hi = j;
    while (near(hi + 1)) hi++;
    check(hi > lo, `${what}: ${name} at position ${k! + 1} rank ${other.ranks[k!]}, ours position ${j + 1} rank ${ours.ranks[j]}`);
    check(k! >= lo && k! <= hi, `${what}: ${name} at position ${k! + 1}, outside its tie run ${lo + 1}..${hi + 1}`);
    const r = other.ranks[k!];
    check(r >= ours.ranks[lo] && r <= hi + 1, `${what}: ${name} rank ${r}, ours ${ours.ranks[j]} (tie run ${lo + 1}..${hi + 1})`);
    roundingTies++;
  }
  return roundingTies;
}

export function checkLabels(what: string, ours: readonly unknown[], other: readonly unknown[]): void {
  check(ours.length === other.length, `${what}: ${other.length} results, ours ${ours.length}`);
  for (let i = 0; i < ours.length; i++)
    check(ours[i] === other[i], `${what}: row ${i + 1} is ${String(other[i])}, ours ${String(ours[i])}`);
}
