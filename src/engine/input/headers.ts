/**
 * Which column of a sales table holds what, found from its header text, in English and in
 * Chinese. Pure: the command line uses it on .csv/.xlsx headers and the task pane on the
 * header row of the user's selection.
 *
 * Matching works on a normalised form of the header (normaliseHeader): full-width forms
 * folded to half-width (NFKC), case-folded, spaces, underscores, punctuation and symbols
 * removed, so "Net_Sales", "NET SALES", "Ｎｅｔ　Ｓａｌｅｓ" and "net-sales" are one header.
 *
 * The rule of findColumn(headers, role):
 * 1. A header equal to one of the role's synonyms (exact match) wins; if several are, the
 *    first one from the left, and the others are reported in `others`.
 * 2. Otherwise a header that contains a synonym (partial match: "Revenue (USD)", "销售额（元）")
 *    and is not an exact match of another role. A header containing synonyms of several roles
 *    belongs to the role whose synonym is longest ("Customer satisfaction" is satisfaction, not
 *    customer; "客户满意度" likewise). Among candidates, the longest synonym wins, then the
 *    leftmost; the others are reported.
 *
 * PivotTable value headers (a PivotTable copied out as values) are read by their field:
 * "Sum of Profit" / "求和项:利润" match as "Profit" / "利润" would. Every other summary
 * ("Count of", "Average of", "Max of", "Min of", "Product of", "StdDev of", "Var of" … and
 * "计数项:", "平均值项:", "最大值项:", "最小值项:" …) matches no role at all: tiers rank
 * customers by their share of the measure summed per customer, and a count or an average is
 * not summable (averages 10 over 1 order and 30 over 9 add up to 40, where the average is 28
 * and the revenue 280) — such a column is never taken as the measure, nor sniffed as one
 * (mapping.ts).
 */

import { cellText } from "./cells";

export type ColumnRole =
  | "customer"
  | "revenue"
  | "profit"
  | "date"
  | "orderId"
  | "quantity"
  | "product"
  | "satisfaction"
  | "effort"
  | "credit"
  | "region"
  | "industry"
  | "manager"
  | "attractiveness"
  | "strength"
  | "marketGrowth"
  | "marginPotential"
  | "strategicFit"
  | "shareOfWallet"
  | "relationship"
  | "productFit";

/**
 * Synonyms per role, in the forms users type them; normalised when the module loads. Order
 * within a role does not matter (the leftmost header wins, not the first synonym).
 */
export const HEADER_SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  customer: [
    "customer",
    "customer name",
    "customers",
    "client",
    "client name",
    "account",
    "account name",
    "buyer",
    "sold-to party",
    // A PivotTable's row field, as Excel names it when the table is copied out as values.
    "row labels",
    "行标签",
    "客户",
    "客户名称",
    "客户名",
    "客户简称",
    "客户全称",
    "购货单位",
    "购买方",
    "单位名称",
  ],
  revenue: [
    "revenue",
    "revenues",
    "sales",
    "net sales",
    "sales amount",
    "sales revenue",
    "amount",
    "net amount",
    "turnover",
    "net revenue",
    "value",
    "销售额",
    "销售收入",
    "销售金额",
    "金额",
    "收入",
    "营业收入",
    "营收",
    "含税金额",
    "价税合计",
    "净销售额",
  ],
  profit: [
    "profit",
    "gross profit",
    "margin",
    "gross margin",
    "net profit",
    "contribution",
    "contribution margin",
    "利润",
    "毛利",
    "毛利润",
    "毛利额",
    "净利润",
    "贡献毛益",
    "边际贡献",
  ],
  date: [
    "date",
    "order date",
    "invoice date",
    "posting date",
    "document date",
    "日期",
    "订单日期",
    "下单日期",
    "开票日期",
    "单据日期",
    "业务日期",
  ],
  orderId: [
    "order",
    "order id",
    "order no",
    "order number",
    "invoice",
    "invoice no",
    "invoice number",
    "订单号",
    "订单编号",
    "单据编号",
    "发票号",
  ],
  quantity: ["quantity", "qty", "units", "volume", "数量", "销量", "销售数量"],
  product: ["product", "product name", "item", "material", "sku", "产品", "产品名称", "商品", "商品名称", "物料", "品名"],
  satisfaction: ["satisfaction", "customer satisfaction", "csat", "satisfaction score", "满意度", "客户满意度"],
  effort: [
    "effort",
    "hours",
    "sales hours",
    "visits",
    "visit count",
    "calls",
    "cost to serve",
    "service cost",
    "工时",
    "销售工时",
    "拜访次数",
    "拜访",
    "服务成本",
    "投入工时",
  ],
  credit: ["credit", "credit rating", "credit grade", "credit score", "rating", "信用", "信用等级", "信用评级", "资信等级"],
  region: ["region", "area", "territory", "sales region", "区域", "地区", "大区", "销售区域", "片区"],
  industry: ["industry", "sector", "vertical", "segment", "行业", "所属行业", "行业类别"],
  manager: [
    "manager",
    "ka manager",
    "key account manager",
    "account manager",
    "account owner",
    "owner",
    "sales rep",
    "salesperson",
    "sales representative",
    "大客户经理",
    "客户经理",
    "负责人",
    "销售代表",
    "业务员",
    "销售员",
  ],
  attractiveness: ["attractiveness", "customer attractiveness", "account attractiveness", "吸引力", "客户吸引力"],
  strength: [
    "strength",
    "relative strength",
    "our strength",
    "supplier strength",
    "competitive position",
    "优势",
    "供方优势",
    "相对优势",
    "供方优势认知",
    "竞争地位",
  ],
  marketGrowth: ["market growth", "growth", "growth rate", "market growth rate", "市场增长", "市场增长率", "增长率"],
  marginPotential: ["margin potential", "profit potential", "利润潜力", "毛利潜力", "盈利潜力"],
  strategicFit: ["strategic fit", "strategic value", "strategic importance", "战略契合度", "战略匹配度", "战略价值", "战略契合"],
  shareOfWallet: ["share of wallet", "wallet share", "our share", "share of spend", "钱包份额", "采购份额", "份额"],
  relationship: ["relationship", "relationship strength", "relationship quality", "关系", "客户关系", "关系强度", "关系质量"],
  productFit: ["product fit", "solution fit", "产品匹配度", "产品契合度", "产品匹配"],
};

export const COLUMN_ROLES = Object.keys(HEADER_SYNONYMS) as ColumnRole[];

/**
 * The comparable form of a header: NFKC (full-width → half-width, ideographic space → space),
 * lower case, without whitespace, underscores, punctuation or symbols.
 */
export function normaliseHeader(header: unknown): string {
  return cellText(header)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\p{P}\p{S}]+/gu, "");
}

/** Excel's names of a PivotTable value field's summary, in English and Chinese (Excel, WPS). */
const PIVOT_EN = /^(sum|count|count\s+numbers|distinct\s+count|average|avg|max|min|product|stddevp?|stdevp?|varp?)\s+of\s+(\S.*)$/;
const PIVOT_ZH = /^(求和|计数|数值计数|非重复计数|平均值|最大值|最小值|乘积|标准偏差|总体标准偏差|方差|总体方差)项\s*:\s*(\S.*)$/;

export interface PivotValueHeader {
  /** True for "Sum of …" / "求和项:…", the only summary a per-customer sum may use. */
  readonly summable: boolean;
  /** The field summarised ("Profit" of "Sum of Profit"). */
  readonly field: string;
}

/** The summary and field of a PivotTable value header, null for any other header. */
export function pivotValueHeaderOf(header: unknown): PivotValueHeader | null {
  if (header === null || header === undefined) return null;
  const s = cellText(header).normalize("NFKC").trim().toLowerCase(); // NFKC: "求和项：" → "求和项:"
  if (s.length > 1000) return null;
  const m = PIVOT_EN.exec(s) ?? PIVOT_ZH.exec(s);
  if (!m) return null;
  return { summable: m[1] === "sum" || m[1] === "求和", field: m[2] };
}

/**
 * The form of a header that role matching compares: normaliseHeader of the header, of the
 * field for a "Sum of" header, and "" (no role) for a non-summable PivotTable summary.
 */
function roleText(header: unknown): string {
  const pivot = pivotValueHeaderOf(header);
  if (!pivot) return normaliseHeader(header);
  return pivot.summable ? normaliseHeader(pivot.field) : "";
}

const NORMALISED: Readonly<Record<ColumnRole, readonly string[]>> = (() => {
  const out = {} as Record<ColumnRole, string[]>;
  for (const role of COLUMN_ROLES) out[role] = Array.from(new Set(HEADER_SYNONYMS[role].map(normaliseHeader)));
  return out;
})();

const EXACT_ROLE = (() => {
  const m = new Map<string, ColumnRole>();
  for (const role of COLUMN_ROLES) for (const s of NORMALISED[role]) if (!m.has(s)) m.set(s, role);
  return m;
})();

export interface ColumnMatch {
  /** 0-based column index. */
  readonly index: number;
  /** The header as given. */
  readonly header: string;
  /** "exact": the header is a synonym; "partial": it contains one. */
  readonly how: "exact" | "partial";
  /** Other columns that matched equally well (ambiguity, to be reported), leftmost first. */
  readonly others: readonly number[];
}

/** The role whose synonym the normalised header equals, if any. */
export function exactRoleOf(header: unknown): ColumnRole | null {
  return EXACT_ROLE.get(roleText(header)) ?? null;
}

/** Length of the longest synonym of `role` contained in the normalised header (0: none). */
function containedLength(norm: string, role: ColumnRole): number {
  let best = 0;
  for (const s of NORMALISED[role]) if (s.length > best && norm.includes(s)) best = s.length;
  return best;
}

/** The column holding `role`, or null (see the module comment for the rule). */
export function findColumn(headers: readonly unknown[], role: ColumnRole): ColumnMatch | null {
  const norms = headers.map(roleText);
  const synonyms = new Set(NORMALISED[role]);
  const exact: number[] = [];
  for (let i = 0; i < norms.length; i++) if (norms[i] !== "" && synonyms.has(norms[i])) exact.push(i);
  if (exact.length > 0) {
    return { index: exact[0], header: cellText(headers[exact[0]]), how: "exact", others: exact.slice(1) };
  }
  const candidates: { i: number; len: number }[] = [];
  for (let i = 0; i < norms.length; i++) {
    const norm = norms[i];
    if (norm === "" || EXACT_ROLE.has(norm)) continue;
    const len = containedLength(norm, role);
    if (len === 0) continue;
    let beaten = false;
    for (const other of COLUMN_ROLES) {
      if (other !== role && containedLength(norm, other) > len) {
        beaten = true;
        break;
      }
    }
    if (!beaten) candidates.push({ i, len });
  }
  if (candidates.length === 0) return null;
  // Stable sort: longest synonym first, then leftmost.
  candidates.sort((a, b) => b.len - a.len || a.i - b.i);
  const best = candidates[0];
  return {
    index: best.i,
    header: cellText(headers[best.i]),
    how: "partial",
    others: candidates
      .slice(1)
      .map((c) => c.i)
      .sort((a, b) => a - b),
  };
}

/** The first role of `roles` that has a column (e.g. ["revenue", "profit"] for the value column). */
export function findFirstColumn(
  headers: readonly unknown[],
  roles: readonly ColumnRole[],
): { role: ColumnRole; match: ColumnMatch } | null {
  for (const role of roles) {
    const match = findColumn(headers, role);
    if (match) return { role, match };
  }
  return null;
}
