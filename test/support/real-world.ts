/**
 * Fixtures in the shapes sales data really comes in, written by the tests themselves (no
 * downloaded data): a PivotTable copied as values (Chinese and English, with subtotal and
 * grand-total rows and a `(blank)` row), a US ERP invoice export (UCI Online Retail's columns),
 * a European export (semicolon-separated, decimal commas, d.m.yyyy dates) and store names that
 * differ only in the middle.
 *
 * Each generator is seeded (src/sample/prng.ts) and returns the table as the file holds it
 * (`rows[0]` the header, then the data rows; numbers as numbers, except where the file holds
 * text, as in the European export) and, computed on its own in integer cents, the total per
 * customer the tools must find: the oracle. Writers turn a table into CSV text or an .xlsx.
 */
import ExcelJS from "exceljs";
import { Random } from "../../src/sample/prng";
import { companyNames, INDUSTRIES } from "../../src/sample/names";

export interface RealWorldTable {
  /** Header row, then data rows. */
  readonly rows: unknown[][];
  /** Per customer (as the file names it), the total of the value column in cents. */
  readonly totalsCents: ReadonlyMap<string, number>;
  /** Per customer, the total of the profit column in cents (when the table has one). */
  readonly profitCents?: ReadonlyMap<string, number>;
  /** Data-row indices (0-based, below the header) of rows that are no customer (totals, blanks). */
  readonly notCustomerRows: readonly number[];
}

/** Cents as the decimal text of the amount: 123456 → "1234.56", -5 → "-0.05". */
export function centsText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

/** Cents as a number (the nearest double to the decimal: its shortest text is the cents' text). */
const amount = (cents: number): number => cents / 100;

/** Skewed positive amounts in cents (lognormal: a few large customers, a long tail). */
function skewedCents(rnd: Random, mu: number, sigma: number): number {
  return Math.max(1, Math.round(rnd.lognormal(mu, sigma) * 100));
}

function add(map: Map<string, number>, key: string, cents: number): void {
  map.set(key, (map.get(key) ?? 0) + cents);
}

// ---------------------------------------------------------------------------------------------
// 1. A PivotTable copied as values.

export interface PivotOptions {
  readonly language?: "zh" | "en";
  readonly customers?: number;
  readonly seed?: number;
  /** A subtotal row after each region's customers (`华东 汇总`, `East Total`). */
  readonly subtotals?: boolean;
  /** A `(blank)` / `(空白)` row: lines without a customer, summed by the PivotTable. */
  readonly blank?: boolean;
}

const PIVOT_WORDS = {
  zh: {
    headers: ["行标签", "求和项:销售额", "求和项:利润"],
    regions: ["华东", "华南", "华北", "西南"],
    subtotal: (r: string) => `${r} 汇总`,
    total: "总计",
    blank: "(空白)",
  },
  en: {
    headers: ["Row Labels", "Sum of Sales", "Sum of Profit"],
    regions: ["East", "South", "North", "West"],
    subtotal: (r: string) => `${r} Total`,
    total: "Grand Total",
    blank: "(blank)",
  },
} as const;

/** One row per customer (grouped by region when subtotals are asked for), the grand total last. */
export function pivotTable(options: PivotOptions = {}): RealWorldTable {
  const { language = "zh", customers = 400, seed = 7, subtotals = false, blank = false } = options;
  const words = PIVOT_WORDS[language];
  const rnd = new Random(seed, 1);
  const names = companyNames(
    Array.from({ length: customers }, (_, i) => INDUSTRIES[i % INDUSTRIES.length]),
    language,
    seed,
  );
  const byRegion: { name: string; sales: number; profit: number }[][] = words.regions.map(() => []);
  const totalsCents = new Map<string, number>();
  const profitCents = new Map<string, number>();
  for (const name of names) {
    const sales = skewedCents(rnd, 11, 1.5);
    // Margins from -8% to 30%: a few customers lose money.
    const profit = Math.round((sales * rnd.int(-8, 30)) / 100);
    byRegion[rnd.int(0, byRegion.length - 1)].push({ name, sales, profit });
    totalsCents.set(name, sales);
    profitCents.set(name, profit);
  }
  const rows: unknown[][] = [[...words.headers]];
  const notCustomerRows: number[] = [];
  const push = (label: string, sales: number, profit: number, customer: boolean) => {
    if (!customer) notCustomerRows.push(rows.length - 1);
    rows.push([label, amount(sales), amount(profit)]);
  };
  let grandSales = 0;
  let grandProfit = 0;
  words.regions.forEach((region, r) => {
    let regionSales = 0;
    let regionProfit = 0;
    for (const c of byRegion[r]) {
      push(c.name, c.sales, c.profit, true);
      regionSales += c.sales;
      regionProfit += c.profit;
    }
    if (subtotals && byRegion[r].length > 0) push(words.subtotal(region), regionSales, regionProfit, false);
    grandSales += regionSales;
    grandProfit += regionProfit;
  });
  if (blank) {
    const sales = skewedCents(rnd, 8, 0.5);
    const profit = Math.round(sales / 10);
    push(words.blank, sales, profit, false);
    grandSales += sales;
    grandProfit += profit;
  }
  push(words.total, grandSales, grandProfit, false);
  return { rows, totalsCents, profitCents, notCustomerRows };
}

// ---------------------------------------------------------------------------------------------
// 2. A US ERP invoice export (the columns of UCI's Online Retail data set), with a Sales column.

export interface UsErpOptions {
  readonly customers?: number;
  readonly invoices?: number;
  readonly seed?: number;
}

const US_ERP_HEADERS = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country", "Sales"];

const PRODUCTS: readonly [string, string, number][] = [
  ["85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 255],
  ["71053", "WHITE METAL LANTERN", 339],
  ["84406B", "CREAM CUPID HEARTS COAT HANGER", 275],
  ["84029G", "KNITTED UNION FLAG HOT WATER BOTTLE", 339],
  ["22752", "SET 7 BABUSHKA NESTING BOXES", 765],
  ["21730", "GLASS STAR FROSTED T-LIGHT HOLDER", 425],
  ["22633", "HAND WARMER UNION JACK", 185],
  ["84879", "ASSORTED COLOUR BIRD ORNAMENT", 169],
  ["22745", "POPPY'S PLAYHOUSE BEDROOM", 210],
  ["POST", "POSTAGE", 1800],
];
const COUNTRIES = ["United Kingdom", "United Kingdom", "United Kingdom", "United Kingdom", "France", "Germany", "EIRE", "Netherlands"];

/** `12/1/2010 8:26`: month/day/year, hour without a leading zero. */
function usDateTime(d: Date): string {
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${mm}`;
}

/**
 * Invoices from 12/1/2010 to 12/9/2011 (days above 12 included), numeric customer ids from
 * 12346, cancellations (`C` + invoice number, negative quantity) and lines without a customer id.
 */
export function usErpExport(options: UsErpOptions = {}): RealWorldTable {
  const { customers = 300, invoices = 1500, seed = 11 } = options;
  const rnd = new Random(seed, 2);
  const ids = Array.from({ length: customers }, (_, i) => 12346 + i * 7);
  const weights = ids.map(() => rnd.lognormal(0, 1.2));
  const country = new Map(ids.map((id) => [id, rnd.pick(COUNTRIES)]));
  const start = Date.UTC(2010, 11, 1, 8, 0);
  const span = Date.UTC(2011, 11, 9, 17, 0) - start;
  const rows: unknown[][] = [[...US_ERP_HEADERS]];
  const totalsCents = new Map<string, number>();
  const notCustomerRows: number[] = [];
  const times = Array.from({ length: invoices }, () => start + Math.floor(rnd.next() * (span / 60000)) * 60000).sort((a, b) => a - b);
  times.forEach((t, k) => {
    const invoice = String(536365 + k);
    const anonymous = rnd.chance(0.03);
    const id = rnd.weighted(ids, weights);
    const when = usDateTime(new Date(t));
    const lines: [string, string, number, number][] = [];
    for (let j = rnd.int(1, 8); j > 0; j--) {
      const [code, description, price] = rnd.pick(PRODUCTS);
      lines.push([code, description, rnd.int(1, 48), price]);
    }
    const write = (no: string, code: string, description: string, quantity: number, price: number) => {
      const cents = quantity * price;
      if (anonymous) notCustomerRows.push(rows.length - 1);
      else add(totalsCents, String(id), cents);
      rows.push([
        no,
        code,
        description,
        quantity,
        when,
        amount(price),
        anonymous ? null : id,
        anonymous ? "United Kingdom" : country.get(id)!,
        amount(cents),
      ]);
    };
    for (const [code, description, quantity, price] of lines) write(invoice, code, description, quantity, price);
    // A cancellation of one line of this invoice, as its own document.
    if (rnd.chance(0.08)) {
      const [code, description, quantity, price] = lines[0];
      write(`C${invoice}`, code, description, -rnd.int(1, quantity), price);
    }
  });
  return { rows, totalsCents, notCustomerRows };
}

// ---------------------------------------------------------------------------------------------
// 3. A European export: semicolon-separated, decimal commas, d.m.yyyy dates.

export interface EuropeanOptions {
  readonly customers?: number;
  readonly lines?: number;
  readonly seed?: number;
  /**
   * "de": Kunde;Datum;Umsatz;Gewinn (headers the engine does not know: name the columns with
   * --customer Kunde --value Umsatz); "en": Customer;Date;Sales;Profit (found by header).
   */
  readonly headers?: "de" | "en";
}

const EUROPEAN_HEADERS = { de: ["Kunde", "Datum", "Umsatz", "Gewinn"], en: ["Customer", "Date", "Sales", "Profit"] } as const;

const DE_NAMES = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Bauer",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
];
const DE_TRADES = [
  "Maschinenbau",
  "Elektrotechnik",
  "Großhandel",
  "Logistik",
  "Bäckereibedarf",
  "Metallbau",
  "Kunststofftechnik",
  "Präzisionsteile",
];
const DE_FORMS = ["GmbH", "AG", "KG", "GmbH & Co. KG", "e.K.", "OHG"];

/** `1.234,56` (thousands dots) or `1234,56`; two decimals, or none when they are zero, as exports vary. */
function decimalCommaText(cents: number, rnd: Random): string {
  const sign = cents < 0 ? "-" : "";
  const a = Math.abs(cents);
  const whole = String(Math.floor(a / 100));
  const grouped = rnd.chance(0.5) ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : whole;
  const frac = a % 100;
  if (frac === 0 && rnd.chance(0.5)) return `${sign}${grouped}`;
  // One decimal when the second is zero, sometimes (`-12,5`).
  const fracText = frac % 10 === 0 && rnd.chance(0.5) ? String(frac / 10) : String(frac).padStart(2, "0");
  return `${sign}${grouped},${fracText}`;
}

/** `1.12.2010`: day.month.year without leading zeros. */
function europeanDate(d: Date): string {
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`;
}

export function europeanExport(options: EuropeanOptions = {}): RealWorldTable {
  const { customers = 150, lines = 1500, seed = 13, headers = "de" } = options;
  const rnd = new Random(seed, 3);
  const used = new Set<string>();
  const names: string[] = [];
  while (names.length < customers) {
    // Some names hold a comma (`Müller, Hans KG`): fine inside a semicolon-separated file.
    const person = rnd.chance(0.2) ? `${rnd.pick(DE_NAMES)}, ${rnd.pick(["Hans", "Petra", "Jürgen", "Anke"])}` : rnd.pick(DE_NAMES);
    const name = `${person} ${rnd.pick(DE_TRADES)} ${rnd.pick(DE_FORMS)}`;
    const unique = used.has(name.toLowerCase()) ? `${name} ${names.length}` : name;
    used.add(unique.toLowerCase());
    names.push(unique);
  }
  const weights = names.map(() => rnd.lognormal(0, 1.3));
  const rows: unknown[][] = [[...EUROPEAN_HEADERS[headers]]];
  const totalsCents = new Map<string, number>();
  const profitCents = new Map<string, number>();
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < lines; i++) {
    const name = rnd.weighted(names, weights);
    const credit = rnd.chance(0.05);
    const sales = (credit ? -1 : 1) * skewedCents(rnd, 6.5, 1.2);
    const profit = Math.round((sales * rnd.int(-10, 35)) / 100);
    const day = new Date(start + rnd.int(0, 729) * 86400000);
    add(totalsCents, name, sales);
    add(profitCents, name, profit);
    rows.push([name, europeanDate(day), decimalCommaText(sales, rnd), decimalCommaText(profit, rnd)]);
  }
  return { rows, totalsCents, profitCents, notCustomerRows: [] };
}

// ---------------------------------------------------------------------------------------------
// 4. Long store names that differ only in the middle.

export interface LongNamesOptions {
  readonly stores?: number;
  readonly linesPerStore?: number;
  readonly seed?: number;
}

/** `Northwind Traders Wholesale Ltd Store 000123 - East China Regional Sales Office`. */
export function storeName(i: number): string {
  return `Northwind Traders Wholesale Ltd Store ${String(i).padStart(6, "0")} - East China Regional Sales Office`;
}

export function longStoreNames(options: LongNamesOptions = {}): RealWorldTable {
  const { stores = 2000, linesPerStore = 1, seed = 17 } = options;
  const rnd = new Random(seed, 4);
  const rows: unknown[][] = [["Customer", "Sales"]];
  const totalsCents = new Map<string, number>();
  for (let k = 0; k < linesPerStore; k++) {
    for (let i = 0; i < stores; i++) {
      const cents = skewedCents(rnd, 7, 1);
      add(totalsCents, storeName(i), cents);
      rows.push([storeName(i), amount(cents)]);
    }
  }
  return { rows, totalsCents, notCustomerRows: [] };
}

// ---------------------------------------------------------------------------------------------
// The oracle's tiers and the writers.

/**
 * Tiers by the README's rule, in integer cents: a customer takes the first tier whose threshold
 * (percent) the positive total held by customers with a strictly greater total is below;
 * negative totals are "Loss", zero takes the last tier.
 */
export function oracleTiers(
  totalsCents: ReadonlyMap<string, number>,
  thresholdsPercent: readonly number[] = [80, 95],
  labels: readonly string[] = ["A", "B", "C"],
): Map<string, string> {
  const positive = [...totalsCents.values()].filter((c) => c > 0);
  const total = BigInt(positive.reduce((s, c) => s + c, 0));
  const out = new Map<string, string>();
  for (const [name, cents] of totalsCents) {
    if (cents < 0) {
      out.set(name, "Loss");
      continue;
    }
    const above = BigInt(positive.filter((c) => c > cents).reduce((s, c) => s + c, 0));
    const tier = thresholdsPercent.findIndex((p) => above * 100n < BigInt(p) * total);
    out.set(name, cents === 0 || tier < 0 ? labels[labels.length - 1] : labels[tier]);
  }
  return out;
}

function csvField(v: unknown, delimiter: string): string {
  if (v === null || v === undefined) return "";
  const cell = v as string | number | boolean | Date;
  const s = String(cell);
  return s.includes(delimiter) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table as CSV text (CRLF line ends, as Excel writes them), quoting where needed. */
export function toCsv(rows: readonly unknown[][], delimiter: "," | ";" | "\t" = ","): string {
  return rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}

/** The table as an .xlsx file (one sheet; null cells left empty). */
export async function writeXlsx(rows: readonly unknown[][], file: string, sheetName = "Sheet1"): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r.map((v) => v ?? null));
  await wb.xlsx.writeFile(file);
}
