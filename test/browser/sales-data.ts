/** The sales sheet the browser test's double holds (shared by the double and the test's expectations). */
import type { Scalar } from "../support/fake-excel";

/** The sales sheet: order lines of 10 customers; "Sales 2025" is the column the test maps by hand. */
export const SALES_HEADERS = [
  "Customer",
  "Order date",
  "Sales 2024",
  "Sales 2025",
  "Gross profit",
  "Satisfaction",
  "Visits",
  "Region",
  "Market growth",
  "Share of wallet",
];
const CUSTOMERS: [string, string, number, number][] = [
  // name, region, 2024 base, 2025 base
  ["Northwind Traders", "North", 52000, 81000],
  ["Contoso Ltd", "East", 61000, 64000],
  ["Fabrikam Inc", "South", 18000, 47000],
  ["Tailspin Toys", "West", 33000, 21000],
  ["Adventure Works", "North", 9000, 15500],
  ["Litware", "East", 12000, 9800],
  ["Proseware", "South", 4000, 6100],
  ["Wide World Importers", "West", 15000, 4200],
  ["Coho Winery", "North", 2500, 2600],
  ["Alpine Ski House", "East", 1200, 900],
];

export function salesRows(): Scalar[][] {
  const rows: Scalar[][] = [];
  CUSTOMERS.forEach(([name, region, s24, s25], i) => {
    for (let k = 0; k < 3; k++) {
      const share = [0.5, 0.3, 0.2][k];
      rows.push([
        name,
        45292 + i * 17 + k * 90, // Excel date serials in 2024
        Math.round(s24 * share),
        Math.round(s25 * share),
        Math.round(s25 * share * 0.22),
        [5, 4, 3, 4, 2, 3, 4, 1, 3, 5][i],
        2 + ((i + k) % 5),
        region,
        [0.08, 0.05, 0.12, 0.02, 0.07, 0.03, 0.04, 0.01, 0.06, 0.09][i],
        [0.35, 0.2, 0.5, 0.15, 0.3, 0.1, 0.25, 0.05, 0.4, 0.2][i],
      ]);
    }
  });
  return rows;
}

export const CUSTOMER_COUNT = CUSTOMERS.length;
