import {
  COLUMN_ROLES,
  exactRoleOf,
  findColumn,
  findFirstColumn,
  HEADER_SYNONYMS,
  normaliseHeader,
  pivotValueHeaderOf,
} from "../../src/engine/input/headers";
import { SAMPLE_COLUMNS, sampleHeaders } from "../../src/sample";

describe("normaliseHeader", () => {
  it("folds case, full-width forms, spaces, underscores and punctuation", () => {
    expect(normaliseHeader("  Net_Sales ")).toBe("netsales");
    expect(normaliseHeader("NET-SALES")).toBe("netsales");
    expect(normaliseHeader("Ｎｅｔ　Ｓａｌｅｓ")).toBe("netsales");
    expect(normaliseHeader("销售额（元）")).toBe("销售额元");
    expect(normaliseHeader("Revenue (USD)")).toBe("revenueusd");
    expect(normaliseHeader(null)).toBe("");
  });
});

describe("findColumn", () => {
  const en = ["Order ID", "Date", "Customer", "Region", "Revenue", "Profit", "Sales Hours", "Satisfaction", "Credit Rating", "KA Manager"];
  const zh = ["订单号", "日期", "客户名称", "区域", "销售额", "利润", "销售工时", "满意度", "信用等级", "大客户经理"];

  it.each([
    ["customer", 2],
    ["date", 1],
    ["revenue", 4],
    ["profit", 5],
    ["effort", 6],
    ["satisfaction", 7],
    ["credit", 8],
    ["region", 3],
    ["manager", 9],
    ["orderId", 0],
  ] as const)("finds %s in English and Chinese headers", (role, index) => {
    expect(findColumn(en, role)).toMatchObject({ index, how: "exact", others: [] });
    expect(findColumn(zh, role)).toMatchObject({ index, how: "exact", others: [] });
  });

  it("knows the usual Chinese and English words for customer and value", () => {
    for (const h of ["客户", "客户名称", "客户名", "Customer", "customer name", "Client", "Account"]) {
      expect(findColumn(["x", h], "customer")?.index).toBe(1);
    }
    for (const h of ["销售额", "销售收入", "金额", "收入", "Sales", "Revenue", "Amount", "Net Sales"]) {
      expect(findColumn(["x", h], "revenue")?.index).toBe(1);
    }
    for (const h of ["利润", "毛利", "Profit", "Gross Profit", "Margin"]) expect(findColumn(["x", h], "profit")?.index).toBe(1);
  });

  it("matches a header that contains a synonym when none is exact", () => {
    expect(findColumn(["Kunde", "Revenue (USD)"], "revenue")).toMatchObject({ index: 1, how: "partial" });
    expect(findColumn(["客户名称", "销售额（元）"], "revenue")).toMatchObject({ index: 1, how: "partial" });
  });

  it("prefers an exact match to an earlier partial one", () => {
    expect(findColumn(["Customer ID", "Client"], "customer")).toMatchObject({ index: 1, how: "exact" });
  });

  it("gives a header to the role with the longest synonym it contains", () => {
    // "Customer satisfaction" is satisfaction, not customer; 客户满意度 likewise.
    expect(findColumn(["Customer satisfaction", "Account"], "customer")?.index).toBe(1);
    expect(findColumn(["Customer satisfaction", "Account"], "satisfaction")?.index).toBe(0);
    expect(findColumn(["客户满意度", "客户名"], "customer")?.index).toBe(1);
    // A KA manager column is never the customer.
    expect(findColumn(["客户经理", "金额"], "customer")).toBeNull();
    // Sales hours are effort, not sales.
    expect(findColumn(["Sales Hours", "Amount"], "revenue")?.index).toBe(1);
  });

  it("reports ambiguity: the first exact match wins, the others are listed", () => {
    expect(findColumn(["Customer", "Sales", "Revenue", "金额"], "revenue")).toMatchObject({ index: 1, how: "exact", others: [2, 3] });
  });

  it("returns null when nothing matches", () => {
    expect(findColumn(["foo", "bar", ""], "customer")).toBeNull();
    expect(findColumn([], "revenue")).toBeNull();
  });

  it("findFirstColumn prefers revenue to profit for the value column", () => {
    expect(findFirstColumn(["Customer", "Profit", "Sales"], ["revenue", "profit"])).toMatchObject({ role: "revenue", match: { index: 2 } });
    expect(findFirstColumn(["Customer", "Profit"], ["revenue", "profit"])).toMatchObject({ role: "profit", match: { index: 1 } });
  });

  it("finds every column of the sample files in both languages", () => {
    const roleOfKey: Record<string, string> = {
      orderId: "orderId",
      date: "date",
      customer: "customer",
      region: "region",
      industry: "industry",
      manager: "manager",
      revenue: "revenue",
      profit: "profit",
      salesHours: "effort",
      satisfaction: "satisfaction",
      creditRating: "credit",
      marketGrowth: "marketGrowth",
      marginPotential: "marginPotential",
      strategicFit: "strategicFit",
      shareOfWallet: "shareOfWallet",
      relationship: "relationship",
      productFit: "productFit",
    };
    for (const locale of ["en", "zh"] as const) {
      const headers = sampleHeaders(locale);
      SAMPLE_COLUMNS.forEach((c, i) => {
        const m = findColumn(headers, roleOfKey[c.key] as never);
        expect({ header: c[locale], index: m?.index }).toEqual({ header: c[locale], index: i });
      });
    }
  });

  it("has no synonym claimed by two roles (exact matches must be unambiguous)", () => {
    const owner = new Map<string, string>();
    for (const role of COLUMN_ROLES) {
      for (const s of HEADER_SYNONYMS[role]) {
        const n = normaliseHeader(s);
        const prev = owner.get(n);
        expect(prev === undefined || prev === role ? role : `${s}: ${prev} and ${role}`).toBe(role);
        owner.set(n, role);
      }
    }
    expect(exactRoleOf("客户名称")).toBe("customer");
  });
});

describe("PivotTable headers (a PivotTable copied out as values)", () => {
  const roleOf = (headers: string[]) => {
    const out: Record<string, number> = {};
    for (const role of COLUMN_ROLES) {
      const m = findColumn(headers, role);
      if (m) out[role] = m.index;
    }
    return out;
  };

  it("English: Row Labels is the customer, Sum of X is X's role", () => {
    expect(roleOf(["Row Labels", "Sum of Revenue", "Sum of Profit"])).toEqual({ customer: 0, revenue: 1, profit: 2 });
    expect(roleOf(["Row Labels", "Sum of Sales Amount", "Sum of Gross Profit", "Sum of Quantity"])).toEqual({
      customer: 0,
      revenue: 1,
      profit: 2,
      quantity: 3,
    });
    expect(exactRoleOf("Sum of Profit")).toBe("profit");
    expect(exactRoleOf("ROW LABELS")).toBe("customer");
  });

  it("Chinese: 行标签 is the customer, 求和项:X (half- or full-width colon) is X's role", () => {
    expect(roleOf(["行标签", "求和项:销售额", "求和项:利润"])).toEqual({ customer: 0, revenue: 1, profit: 2 });
    expect(roleOf(["行标签", "求和项：销售额", "求和项： 利润"])).toEqual({ customer: 0, revenue: 1, profit: 2 });
    expect(exactRoleOf("求和项:销售额")).toBe("revenue");
  });

  it.each([
    ["Count of Revenue"],
    ["Average of Revenue"],
    ["Max of Sales"],
    ["Min of Amount"],
    ["Product of Revenue"],
    ["StdDev of Revenue"],
    ["Var of Profit"],
    ["Count Numbers of Revenue"],
    ["计数项:销售额"],
    ["平均值项:销售额"],
    ["平均值项：利润"],
    ["最大值项:销售额"],
    ["最小值项:金额"],
    ["方差项:利润"],
  ])("%s is never a measure nor any other role (a count or an average is not summable per customer)", (header) => {
    expect(roleOf(["行标签", header])).toEqual({ customer: 0 });
    expect(exactRoleOf(header)).toBeNull();
  });

  it("the sum is taken, the counts and averages beside it are not", () => {
    expect(roleOf(["Row Labels", "Count of Revenue", "Average of Revenue", "Sum of Revenue"])).toEqual({ customer: 0, revenue: 3 });
    expect(roleOf(["行标签", "计数项:销售额", "平均值项:利润", "求和项:利润"])).toEqual({ customer: 0, profit: 3 });
    // No revenue at all when only its count is there: the measure falls to profit (findFirstColumn).
    expect(findFirstColumn(["行标签", "计数项:销售额", "求和项:利润"], ["revenue", "profit"])?.role).toBe("profit");
  });

  it("pivotValueHeaderOf reads the summary and the field; hostile long headers are no pivot header", () => {
    expect(pivotValueHeaderOf("Sum of Profit")).toEqual({ summable: true, field: "profit" });
    expect(pivotValueHeaderOf("平均值项：销售额")).toEqual({ summable: false, field: "销售额" });
    expect(pivotValueHeaderOf("Summary of Revenue")).toBeNull();
    expect(pivotValueHeaderOf("Revenue")).toBeNull();
    expect(pivotValueHeaderOf("Sum of " + " ".repeat(100000) + "x")).toBeNull();
  });
});
