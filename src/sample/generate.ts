/**
 * A deterministic, realistic sales table for demos and tests: a few hundred customers, tens of
 * thousands of order lines over 24 months (2024-01 to 2025-12), heavy-tailed revenue per
 * customer (lognormal, so that roughly a fifth to a quarter of the customers make 80% of
 * revenue; measure it, the generator does not force it), returns (negative lines), a few
 * customers whose net revenue is negative, about 5% loss-making customers (negative profit),
 * per-customer attributes repeated on every line as flat sales exports do (region, industry,
 * KA manager, satisfaction 1–5, credit rating AAA..C, portfolio criteria 1–10) and sales hours
 * per line (effort).
 *
 * Same seed → identical rows. The English and the Chinese variant of one seed hold the same
 * numbers and differ only in names and labels. `messy: true` adds, on purpose, the dirt real
 * files have: numbers stored as text ("1,234.50"), one line without a customer, extra case and
 * trailing-space variants of customer names.
 */
import { companyNames, CREDIT_RATINGS, CREDIT_WEIGHTS, Industry, INDUSTRIES, managerNames, REGIONS, SampleLocale } from "./names";
import { Random } from "./prng";

export type { SampleLocale } from "./names";

export interface SampleOptions {
  readonly seed?: number;
  readonly customers?: number;
  readonly lines?: number;
  readonly locale?: SampleLocale;
  /** Adds numbers stored as text, a blank customer line and extra name variants. */
  readonly messy?: boolean;
}

export interface SalesRow {
  orderId: string;
  date: Date;
  customer: string;
  region: string;
  industry: string;
  manager: string;
  /** A number; in the messy variant a few are text such as "1,234.50". */
  revenue: number | string;
  profit: number;
  salesHours: number;
  satisfaction: number;
  creditRating: string;
  marketGrowth: number;
  marginPotential: number;
  strategicFit: number;
  shareOfWallet: number;
  relationship: number;
  productFit: number;
}

export type SampleColumnKind = "text" | "date" | "money" | "hours" | "integer";

export interface SampleColumn {
  readonly key: keyof SalesRow;
  readonly en: string;
  readonly zh: string;
  readonly kind: SampleColumnKind;
}

/** Columns in file order, with their English and Chinese headers. */
export const SAMPLE_COLUMNS: readonly SampleColumn[] = [
  { key: "orderId", en: "Order ID", zh: "订单号", kind: "text" },
  { key: "date", en: "Date", zh: "日期", kind: "date" },
  { key: "customer", en: "Customer", zh: "客户名称", kind: "text" },
  { key: "region", en: "Region", zh: "区域", kind: "text" },
  { key: "industry", en: "Industry", zh: "行业", kind: "text" },
  { key: "manager", en: "KA Manager", zh: "大客户经理", kind: "text" },
  { key: "revenue", en: "Revenue", zh: "销售额", kind: "money" },
  { key: "profit", en: "Profit", zh: "利润", kind: "money" },
  { key: "salesHours", en: "Sales Hours", zh: "销售工时", kind: "hours" },
  { key: "satisfaction", en: "Satisfaction", zh: "满意度", kind: "integer" },
  { key: "creditRating", en: "Credit Rating", zh: "信用等级", kind: "text" },
  { key: "marketGrowth", en: "Market Growth", zh: "市场增长", kind: "integer" },
  { key: "marginPotential", en: "Margin Potential", zh: "利润潜力", kind: "integer" },
  { key: "strategicFit", en: "Strategic Fit", zh: "战略契合度", kind: "integer" },
  { key: "shareOfWallet", en: "Share of Wallet", zh: "钱包份额", kind: "integer" },
  { key: "relationship", en: "Relationship", zh: "客户关系", kind: "integer" },
  { key: "productFit", en: "Product Fit", zh: "产品匹配度", kind: "integer" },
];

export const SAMPLE_DEFAULTS = { seed: 20240101, customers: 300, lines: 30000, locale: "en" as SampleLocale };

/** First and last month of the sample (UTC dates). */
const START_YEAR = 2024;
const MONTHS = 24;

interface CustomerModel {
  index: number;
  size: number;
  margin: number;
  lossMaking: boolean;
  netNegative: boolean;
  lines: number;
  firstMonth: number;
  lastMonth: number;
  region: number;
  industry: Industry;
  manager: number;
  satisfaction: number;
  credit: string;
  criteria: [number, number, number, number, number, number];
  /** Spelling variants: 0 none, else a variant is used on some lines. */
  variantRate: number;
  hoursPerLine: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const score10 = (x: number) => clamp(Math.round(x), 1, 10);
const round2 = (x: number) => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r; // no -0
};

export function generateSalesSample(options: SampleOptions = {}): SalesRow[] {
  const seed = (options.seed ?? SAMPLE_DEFAULTS.seed) >>> 0;
  const n = Math.max(5, Math.floor(options.customers ?? SAMPLE_DEFAULTS.customers));
  const totalLines = Math.max(n * 3, Math.floor(options.lines ?? SAMPLE_DEFAULTS.lines));
  const locale = options.locale ?? SAMPLE_DEFAULTS.locale;
  const rnd = new Random(seed, 0);

  const customers = modelCustomers(rnd, n, totalLines);
  const names = companyNames(
    customers.map((c) => c.industry),
    locale,
    seed,
  );
  const managers = managerNames(locale);
  const monthWeights = monthlyWeights();

  const rows: SalesRow[] = [];
  for (const c of customers) {
    const typical = c.size / c.lines;
    const purchases: number[] = [];
    for (let k = 0; k < c.lines; k++) {
      const month = drawMonth(rnd, monthWeights, c.firstMonth, c.lastMonth);
      const date = drawDate(rnd, month);
      let revenue: number;
      let isReturn = false;
      if (c.netNegative && k === c.lines - 1) {
        // Goods bought before the period come back: more than this period's purchases.
        const bought = purchases.reduce((s, x) => s + x, 0) || typical;
        revenue = -round2(bought * rnd.uniform(1.3, 2.2));
        isReturn = true;
      } else if (rnd.chance(0.02)) {
        revenue = -round2(typical * rnd.uniform(0.15, 0.9));
        isReturn = true;
      } else {
        revenue = round2(typical * rnd.lognormal(-0.18, 0.6));
        purchases.push(revenue);
      }
      const lineMargin = c.margin + 0.04 * rnd.normal();
      const profit = round2(revenue * lineMargin);
      const hours = isReturn ? 0.5 : Math.max(0.5, Math.round(c.hoursPerLine * rnd.lognormal(0, 0.45) * 2) / 2);
      let name = names[c.index];
      if (c.variantRate > 0 && rnd.chance(c.variantRate)) name = spellingVariant(rnd, name, locale);
      rows.push({
        orderId: isReturn ? "RT" : "SO",
        date,
        customer: name,
        region: REGIONS[c.region][locale],
        industry: c.industry[locale],
        manager: managers[c.manager],
        revenue,
        profit,
        salesHours: hours,
        satisfaction: c.satisfaction,
        creditRating: c.credit,
        marketGrowth: c.criteria[0],
        marginPotential: c.criteria[1],
        strategicFit: c.criteria[2],
        shareOfWallet: c.criteria[3],
        relationship: c.criteria[4],
        productFit: c.criteria[5],
      });
    }
  }

  // Order lines by date (stable for equal dates), then number the documents per year.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].date.getTime() - rows[b].date.getTime() || a - b);
  const sorted = order.map((i) => rows[i]);
  const counters = new Map<string, number>();
  for (const r of sorted) {
    const key = `${r.orderId}-${r.date.getUTCFullYear()}`;
    const k = (counters.get(key) ?? 0) + 1;
    counters.set(key, k);
    r.orderId = `${key}-${String(k).padStart(5, "0")}`;
  }
  if (options.messy) makeMessy(new Random(seed, 7), sorted, locale);
  return sorted;
}

function modelCustomers(rnd: Random, n: number, totalLines: number): CustomerModel[] {
  // Revenue over the two years: lognormal, median about 0.54 million.
  const sizes = Array.from({ length: n }, () => rnd.lognormal(13.2, 1.65));
  const bySize = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a]);
  const rankOf = new Array<number>(n);
  bySize.forEach((id, r) => (rankOf[id] = r));

  // Loss-making (negative profit) about 5%; net-negative revenue: 1% (at least 2) of the smallest.
  const lossCount = Math.max(1, Math.round(n * 0.05));
  const netNegCount = Math.max(2, Math.round(n * 0.01));
  const smallest = bySize.slice(-Math.max(netNegCount * 4, 10));
  const netNegative = new Set(rnd.shuffled(smallest).slice(0, netNegCount));
  // Net-negative customers keep a normal margin: returning goods loses that margin, so they
  // are loss-making too and count towards the 5%.
  const lossPool = bySize.slice(5).filter((id) => !netNegative.has(id));
  const lossMaking = new Set(rnd.shuffled(lossPool).slice(0, Math.max(1, lossCount - netNegative.size)));

  // Lines grow less than proportionally with size: big accounts place bigger orders.
  const weights = sizes.map((s) => Math.pow(s, 0.55));
  const lines = allocate(totalLines, weights, 3);
  for (const id of netNegative) {
    const extra = lines[id] - rnd.int(2, 4);
    lines[id] -= extra;
    lines[bySize[0]] += extra;
  }

  const industryWeights = INDUSTRIES.map((i) => i.weight);
  const regionWeights = REGIONS.map((r) => r.weight);
  return sizes.map((size, i) => {
    const rank = rankOf[i];
    const loss = lossMaking.has(i);
    const margin = loss ? rnd.uniform(-0.12, -0.03) : clamp(0.24 + 0.07 * rnd.normal(), 0.04, 0.45);
    const churned = rnd.chance(0.07);
    const isNew = !churned && rnd.chance(0.08);
    const firstMonth = isNew ? rnd.int(6, 18) : 0;
    const lastMonth = churned ? rnd.int(8, 20) : MONTHS - 1;
    const satisfaction = rnd.weighted([1, 2, 3, 4, 5], loss ? [10, 20, 35, 25, 10] : [4, 9, 25, 42, 20]);
    const sizeScore = 10 - (9 * rank) / Math.max(1, n - 1); // 10 for the largest, 1 for the smallest
    const criteria: CustomerModel["criteria"] = [
      score10(5.5 + 2 * rnd.normal()),
      score10(5.5 + ((margin - 0.24) / 0.07) * 1.4 + rnd.normal()),
      score10(0.5 * sizeScore + 2.5 + 1.6 * rnd.normal()),
      score10(0.3 * sizeScore + 3 + 2 * rnd.normal()),
      score10(satisfaction * 1.6 + 0.5 + 1.3 * rnd.normal()),
      score10(6 + 1.8 * rnd.normal()),
    ];
    return {
      index: i,
      size,
      margin,
      lossMaking: loss,
      netNegative: netNegative.has(i),
      lines: lines[i],
      firstMonth,
      lastMonth,
      region: regionIndex(rnd, regionWeights),
      industry: rnd.weighted(INDUSTRIES, industryWeights),
      manager: rank < 20 ? rnd.int(0, 3) : rnd.int(0, 11),
      satisfaction,
      credit: rnd.weighted(CREDIT_RATINGS, CREDIT_WEIGHTS),
      criteria,
      variantRate: rnd.chance(0.08) ? rnd.uniform(0.05, 0.2) : 0,
      hoursPerLine: 1.2 + 0.15 * Math.log10(size),
    };
  });
}

function regionIndex(rnd: Random, weights: number[]): number {
  return rnd.weighted(
    weights.map((_, i) => i),
    weights,
  );
}

/** Largest-remainder allocation of `total` in proportion to `weights`, at least `min` each. */
function allocate(total: number, weights: number[], min: number): number[] {
  const n = weights.length;
  const spare = total - min * n;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const out = exact.map((x) => min + Math.floor(x));
  let left = total - out.reduce((s, x) => s + x, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[byRemainder[k].i]++;
  return out;
}

/** Relative volume per month: growth of about 8% a year, a Spring Festival dip, a Q4 peak. */
function monthlyWeights(): number[] {
  const season = [0.85, 0.7, 1.0, 1.0, 1.02, 1.05, 0.95, 0.95, 1.05, 1.0, 1.1, 1.25];
  return Array.from({ length: MONTHS }, (_, m) => season[m % 12] * Math.pow(1.08, m / 12));
}

function drawMonth(rnd: Random, weights: number[], first: number, last: number): number {
  const months: number[] = [];
  const w: number[] = [];
  for (let m = first; m <= last; m++) {
    months.push(m);
    w.push(weights[m]);
  }
  return rnd.weighted(months, w);
}

function drawDate(rnd: Random, month: number): Date {
  const year = START_YEAR + Math.floor(month / 12);
  const m = month % 12;
  const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
  let day = rnd.int(1, days);
  const weekday = new Date(Date.UTC(year, m, day)).getUTCDay();
  // Most orders are booked on working days: move weekend orders to the nearest weekday.
  if ((weekday === 0 || weekday === 6) && rnd.chance(0.9)) {
    if (weekday === 6) day = day > 1 ? day - 1 : day + 2;
    else day = day < days ? day + 1 : day - 2;
  }
  return new Date(Date.UTC(year, m, day));
}

/** A spelling that Excel's PivotTable groups with the name: case or surrounding spaces. */
function spellingVariant(rnd: Random, name: string, locale: SampleLocale): string {
  if (locale === "zh") return rnd.chance(0.5) ? `${name} ` : `${name}\u3000`;
  switch (rnd.int(0, 3)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return `${name} `;
    case 2:
      return ` ${name}`;
    default:
      return name.replace(/\b(Ltd|Inc\.|Group|Corp\.|Holdings|Industries)$/, (s) => s.toUpperCase());
  }
}

const GROUPED = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function makeMessy(rnd: Random, rows: SalesRow[], locale: SampleLocale): void {
  const count = rows.length;
  // Numbers stored as text, the way pasted reports deliver them.
  for (let k = 0; k < Math.max(3, Math.round(count * 0.005)); k++) {
    const r = rows[rnd.int(0, count - 1)];
    if (typeof r.revenue !== "number") continue;
    const t = GROUPED.format(r.revenue);
    r.revenue = rnd.chance(0.3) ? `${t} ` : t;
  }
  // Name variants beyond the realistic ones.
  for (let k = 0; k < Math.max(3, Math.round(count * 0.002)); k++) {
    const r = rows[rnd.int(0, count - 1)];
    r.customer = locale === "zh" ? `  ${r.customer.trim()}  ` : `${r.customer.trim().toLowerCase()}  `;
  }
  // One line whose customer was never filled in.
  rows[rnd.int(0, count - 1)].customer = "";
}

/** Headers of the sample in a language. */
export function sampleHeaders(locale: SampleLocale): string[] {
  return SAMPLE_COLUMNS.map((c) => c[locale]);
}
