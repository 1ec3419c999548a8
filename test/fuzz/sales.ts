/**
 * Transaction lines for the PARETO / CONCENTRATION invariants, and a reference model of what
 * the engine must make of them, computed in integer cents (exact) and independently of it.
 */
import fc from "fast-check";
import { CUSTOMER_POOL } from "./arbitraries";

export interface SalesLine {
  /** null: blank customer cell. */
  customer: string | null;
  /** null: blank value cell. */
  cents: number | null;
}

export const salesLines: fc.Arbitrary<SalesLine[]> = fc.array(
  fc.record({
    customer: fc.oneof({ arbitrary: fc.constantFrom(...CUSTOMER_POOL), weight: 12 }, { arbitrary: fc.constant(null), weight: 1 }),
    cents: fc.oneof(
      { arbitrary: fc.integer({ min: -50_000, max: 2_000_000 }), weight: 8 },
      { arbitrary: fc.constantFrom(0, 100, 100_000, -100), weight: 2 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
  }),
  { minLength: 1, maxLength: 30 },
);

export const keyOf = (name: string) => name.trim().toLowerCase();

export interface Model {
  /** Per customer key: total in cents (null = only blank values) and first spelling. */
  customers: Map<string, { total: number | null; name: string }>;
  /** Rows with a non-zero value but no customer. */
  noCustomerRows: number;
  noCustomerCents: number;
  /** Sum of every value in cents. */
  netCents: number;
  /** Customers with total >= 0, by total descending then key. */
  ranked: { key: string; total: number }[];
  /** Customers with total < 0, most negative first, then key. */
  losses: { key: string; total: number }[];
  positiveCents: number;
}

export function modelOf(lines: readonly SalesLine[]): Model {
  const customers = new Map<string, { total: number | null; name: string }>();
  let noCustomerRows = 0;
  let noCustomerCents = 0;
  let netCents = 0;
  for (const l of lines) {
    if (l.cents !== null) netCents += l.cents;
    if (l.customer === null) {
      if (l.cents !== null && l.cents !== 0) {
        noCustomerRows++;
        noCustomerCents += l.cents;
      }
      continue;
    }
    const k = keyOf(l.customer);
    const c = customers.get(k) ?? { total: null, name: l.customer.trim() };
    if (l.cents !== null) c.total = (c.total ?? 0) + l.cents;
    customers.set(k, c);
  }
  const valued = [...customers].filter(([, c]) => c.total !== null).map(([key, c]) => ({ key, total: c.total! }));
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const ranked = valued.filter((c) => c.total >= 0).sort((a, b) => b.total - a.total || byKey(a, b));
  const losses = valued.filter((c) => c.total < 0).sort((a, b) => a.total - b.total || byKey(a, b));
  const positiveCents = ranked.reduce((s, c) => s + c.total, 0);
  return { customers, noCustomerRows, noCustomerCents, netCents, ranked, losses, positiveCents };
}

/** Values and customers as Excel columns (values as numbers: cents / 100). */
export function columnsOf(lines: readonly SalesLine[]): { values: unknown[][]; customers: unknown[][] } {
  return {
    values: lines.map((l) => [l.cents === null ? null : l.cents / 100]),
    customers: lines.map((l) => [l.customer]),
  };
}

/** Same number of cents: doubles compared at cent precision. */
export const cents = (x: unknown): number => Math.round((x as number) * 100);
