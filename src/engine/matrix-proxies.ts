/**
 * Criteria standing in for the portfolio matrix's axes when the data maps none (documented
 * proxies computed from the sales data; the sheet says so): attractiveness = revenue, profit
 * margin, growth (the second half of the months against the first); strength = satisfaction,
 * credit rating (credit-rating.ts creditOrdinal), months with sales. Share of wallet is
 * unknown from sales data. A criterion no customer has a value on is left out.
 */
import { creditOrdinal } from "./credit-rating";
import { Portfolio } from "./portfolio";

type ProxyName = "revenueCriterion" | "margin" | "growth" | "satisfaction" | "credit" | "months";

export interface ProxyCriterion {
  readonly proxy: ProxyName;
  /** Per customer id; NaN = no value. */
  readonly values: Float64Array;
  /** The growth proxy's first and last month. */
  readonly months?: { readonly first: string; readonly last: string };
}

const hasAny = (c: ProxyCriterion) => c.values.some((x) => x === x);

/** Attractiveness proxies: revenue, profit margin, growth (second half of the months against the first). */
export function attractivenessProxies(p: Portfolio, revenue: Float64Array): ProxyCriterion[] {
  const out: ProxyCriterion[] = [{ proxy: "revenueCriterion", values: revenue }];
  const profit = p.profit;
  if (profit?.some((x, i) => x !== revenue[i] && x === x)) {
    out.push({ proxy: "margin", values: profit.map((x, i) => (x === x && revenue[i] > 0 ? x / revenue[i] : NaN)) });
  }
  const monthly = p.monthly;
  if (monthly) {
    const months = monthly.labels.length;
    const half = Math.floor(months / 2);
    if (half >= 1) {
      const sales = monthly.values;
      const growth = revenue.map((_, id) => {
        let early = 0;
        let late = 0;
        for (let k = 0; k < half; k++) {
          early += sales[id * months + k];
          late += sales[id * months + months - half + k];
        }
        return early > 0 ? (late - early) / early : NaN;
      });
      out.push({ proxy: "growth", values: growth, months: { first: monthly.labels[0], last: monthly.labels[months - 1] } });
    }
  }
  return out.filter(hasAny);
}

/** Strength proxies: satisfaction, credit rating as an ordinal, months with sales. */
export function strengthProxies(p: Portfolio): ProxyCriterion[] {
  const out: ProxyCriterion[] = [];
  if (p.satisfaction) out.push({ proxy: "satisfaction", values: p.satisfaction });
  if (p.credit) out.push({ proxy: "credit", values: Float64Array.from(p.credit, creditOrdinal) });
  const monthly = p.monthly;
  if (monthly) {
    const months = monthly.labels.length;
    const sold = new Float64Array(p.analysis.customers.count).map((_, id) => {
      let k = 0;
      for (let j = 0; j < months; j++) if (monthly.values[id * months + j] !== 0) k++;
      return k > 0 ? k : NaN; // no dated sales: unknown, not 0
    });
    out.push({ proxy: "months", values: sold });
  }
  return out.filter(hasAny);
}
