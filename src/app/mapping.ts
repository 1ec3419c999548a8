/**
 * Which column of a sales table plays which role (the "mapping"): one proposal for the task
 * pane and the command line (src/addin, src/cli), from the header words and the contents of
 * the first SAMPLE_ROWS data rows, with the columns the user named laid over it.
 *
 * A mapping is role → 0-based column index within the table (the header row's columns); the
 * two portfolio axes ("attractiveness", "strength") hold lists of criteria columns.
 *
 * proposeMapping(headers, sampleRows, named):
 * 0. The columns the user named (`named`: the command line's --customer, --value, … options)
 *    are taken as they are; nothing below takes their columns or changes their roles.
 * 1. Header words (engine/input/headers.ts findColumn, English and Chinese): the customer, then
 *    the single roles in SINGLE_ROLES order; a column is never taken twice (the role's next
 *    match is tried); the criteria columns are every column of the axis' roles (CRITERIA_ROLES).
 * 2. Content sniffing (column-profile.ts), only over columns whose header names no role at all
 *    (blank, "Column C", "Kunde", a code; a PivotTable's "Count of …" names one), for roles not
 *    found, in order:
 *    - date: ≥ 90% of the non-blank sample cells are dates (date cells, text such as 2025-03-31
 *      or 12/1/2010 8:26, whole Excel serials 1990–2050 spanning at most 20 years);
 *    - satisfaction: ≥ 90% whole numbers 1–5 (or satisfaction level names);
 *    - credit: ≥ 80% ratings such as AAA, BB+, Baa… (at least one beyond a single letter,
 *      so that a column of A/B/C tiers is not taken for ratings);
 *    - customer: ≥ 80% text, not code-like (order numbers); among those, the columns with
 *      repeated values (transaction lines) and more than a quarter of the most distinct values
 *      first (not a region column), then the most distinct values, then the leftmost;
 *    - revenue: ≥ 90% numbers with mean magnitude ≥ 10; the largest mean magnitude wins.
 *    Profit, effort, region, manager and the criteria are never guessed from content.
 */
import { ColumnRole, COLUMN_ROLES, findColumn, pivotValueHeaderOf } from "../engine/input/headers";
import { ColumnProfile, profileOf, SNIFF, SNIFFED_ROLES } from "./column-profile";

/** role → column index (0-based in the table); attractiveness/strength → criteria column indexes. */
export type ColumnMapping = Record<string, number | number[] | undefined>;

export type Measure = "revenue" | "profit";

/** Data rows the proposal sniffs (the pane reads these with the header; the CLI has them all). */
export const SAMPLE_ROWS = 200;

/** Roles that take one column, in the order header detection assigns them. */
export const SINGLE_ROLES = [
  "customer",
  "revenue",
  "profit",
  "date",
  "satisfaction",
  "effort",
  "credit",
  "region",
  "manager",
  "orderId",
  "quantity",
  "product",
  "industry",
] as const satisfies readonly ColumnRole[];
export type SingleRole = (typeof SINGLE_ROLES)[number];

/** The roles the sheets read; the proposal also recognises others (order number, product …) that none reads. */
export const READ_ROLES = [
  "customer",
  "revenue",
  "profit",
  "date",
  "satisfaction",
  "effort",
  "credit",
  "region",
  "manager",
  "attractiveness",
  "strength",
] as const satisfies readonly ColumnRole[];

export const CRITERIA_AXES = ["attractiveness", "strength"] as const;
export type CriteriaAxis = (typeof CRITERIA_AXES)[number];

/** The header roles whose columns are criteria of each portfolio axis. */
const CRITERIA_ROLES: Readonly<Record<CriteriaAxis, readonly ColumnRole[]>> = {
  attractiveness: ["attractiveness", "marketGrowth", "marginPotential", "strategicFit"],
  strength: ["strength", "shareOfWallet", "relationship", "productFit"],
};

/** How a proposed column was found: named by the user, by its header, by its contents. */
export type FoundBy = "named" | "header" | "content";

/** Columns the user named: single roles → index, criteria axes → indexes. */
export type NamedColumns = Readonly<Partial<Record<SingleRole, number> & Record<CriteriaAxis, readonly number[]>>>;

export interface MappingProposal {
  readonly mapping: ColumnMapping;
  /** How each mapped single role was found; criteria are found by header (or named). */
  readonly foundBy: Readonly<Partial<Record<SingleRole, FoundBy>>>;
  /** Roles whose header matched several free columns: the others, leftmost first. */
  readonly alternatives: Readonly<Partial<Record<SingleRole, readonly number[]>>>;
}

type SampleRows = readonly (readonly unknown[])[];

/** The proposed mapping (see the module comment). */
export function proposeMapping(headers: readonly unknown[], sampleRows: SampleRows = [], named: NamedColumns = {}): ColumnMapping {
  return proposeMappingDetails(headers, sampleRows, named).mapping;
}

interface Proposal {
  readonly mapping: ColumnMapping;
  readonly foundBy: Partial<Record<SingleRole, FoundBy>>;
  readonly alternatives: Partial<Record<SingleRole, number[]>>;
  readonly taken: Set<number>;
}

export function proposeMappingDetails(headers: readonly unknown[], sampleRows: SampleRows = [], named: NamedColumns = {}): MappingProposal {
  const p: Proposal = { mapping: {}, foundBy: {}, alternatives: {}, taken: new Set<number>() };
  takeNamed(p, named);
  for (const role of SINGLE_ROLES) if (p.mapping[role] === undefined) takeByHeader(p, headers, role);
  for (const axis of CRITERIA_AXES) p.mapping[axis] ??= criteriaByHeader(p, headers, axis);
  const profiles = sniffable(p, headers, sampleRows);
  for (const role of SNIFFED_ROLES) {
    if (p.mapping[role] !== undefined) continue;
    const chosen = SNIFF[role](profiles.filter((c) => !p.taken.has(c.col)));
    if (!chosen) continue;
    p.mapping[role] = chosen.col;
    p.foundBy[role] = "content";
    p.taken.add(chosen.col);
  }
  return { mapping: p.mapping, foundBy: p.foundBy, alternatives: p.alternatives };
}

function takeNamed(p: Proposal, named: NamedColumns): void {
  for (const role of SINGLE_ROLES) {
    const col = named[role];
    if (col === undefined) continue;
    p.mapping[role] = col;
    p.foundBy[role] = "named";
    p.taken.add(col);
  }
  for (const axis of CRITERIA_AXES) {
    const cols = named[axis];
    if (cols === undefined) continue;
    p.mapping[axis] = [...cols];
    for (const col of cols) p.taken.add(col);
  }
}

/** The role's first free column by header words; the other free matches are its alternatives. */
function takeByHeader(p: Proposal, headers: readonly unknown[], role: SingleRole): void {
  const m = findColumn(headers, role);
  if (!m) return;
  const free = [m.index, ...m.others].filter((i) => !p.taken.has(i));
  if (free.length === 0) return;
  p.mapping[role] = free[0];
  p.foundBy[role] = "header";
  if (free.length > 1) p.alternatives[role] = free.slice(1);
  p.taken.add(free[0]);
}

/** Every free column of the axis' roles (two "Attractiveness …" columns are two criteria), in column order. */
function criteriaByHeader(p: Proposal, headers: readonly unknown[], axis: CriteriaAxis): number[] {
  const cols: number[] = [];
  for (const role of CRITERIA_ROLES[axis]) {
    const m = findColumn(headers, role);
    if (!m) continue;
    for (const i of [m.index, ...m.others]) {
      if (p.taken.has(i)) continue;
      p.taken.add(i);
      cols.push(i);
    }
  }
  return cols.sort((a, b) => a - b);
}

/** Profiles of the columns content sniffing may take: free, header naming no role (nor a count or an average). */
function sniffable(p: Proposal, headers: readonly unknown[], sampleRows: SampleRows): ColumnProfile[] {
  const recognised = new Set<number>();
  for (const role of COLUMN_ROLES) {
    const m = findColumn(headers, role);
    if (m) for (const i of [m.index, ...m.others]) recognised.add(i);
  }
  const profiles: ColumnProfile[] = [];
  for (let c = 0; c < headers.length; c++) {
    if (p.taken.has(c) || recognised.has(c) || pivotValueHeaderOf(headers[c])?.summable === false) continue;
    const profile = profileOf(
      sampleRows.map((r) => r[c]),
      c,
    );
    if (profile.n > 0) profiles.push(profile);
  }
  return profiles;
}

export type MappingProblem =
  | { readonly kind: "missing"; readonly role: "customer" | Measure }
  | { readonly kind: "duplicate"; readonly column: number; readonly roles: readonly string[] }
  | { readonly kind: "invalid"; readonly role: string; readonly value: unknown };

const ROLE_SET = new Set<string>(COLUMN_ROLES);
const AXIS_SET = new Set<string>(CRITERIA_AXES);

const isIndex = (v: unknown, width: number | undefined): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && (width === undefined || v < width);

/**
 * Problems of a mapping, empty when it can be used: the customer column and the measure's
 * column (revenue, or profit) are required; single roles take one column index, the criteria
 * axes a list; no column serves two roles; indexes lie within the table (when `columnCount`
 * is given). Unknown role names are invalid.
 */
export function validateMapping(mapping: ColumnMapping, options: { measure?: Measure; columnCount?: number } = {}): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const width = options.columnCount;
  const users = new Map<number, string[]>();
  const use = (col: number, role: string) => {
    const list = users.get(col);
    if (list) list.push(role);
    else users.set(col, [role]);
  };
  for (const [role, value] of Object.entries(mapping)) {
    if (value === undefined) continue;
    if (AXIS_SET.has(role)) {
      if (!Array.isArray(value) || !value.every((v) => isIndex(v, width))) problems.push({ kind: "invalid", role, value });
      else for (const col of new Set(value)) use(col, role);
      continue;
    }
    if (!ROLE_SET.has(role) || !isIndex(value, width)) {
      problems.push({ kind: "invalid", role, value });
      continue;
    }
    use(value, role);
  }
  const missing: MappingProblem[] = [];
  const measure = options.measure ?? "revenue";
  if (!isIndex(mapping.customer, width)) missing.push({ kind: "missing", role: "customer" });
  if (!isIndex(mapping[measure], width)) missing.push({ kind: "missing", role: measure });
  for (const [column, roles] of users) if (roles.length > 1) problems.push({ kind: "duplicate", column, roles });
  return [...missing, ...problems];
}
