import { accountFacts, preparePortfolioFacts } from "../../src/engine/account-facts";
import { buildPortfolio, Portfolio, SalesColumns } from "../../src/engine/portfolio";
import { assessRisks, RISK_RULES, scaleScore, ScaleRule } from "../../src/engine/risk-rules";
import { swotHints } from "../../src/engine/swot";
import { tierSums } from "../../src/engine/tier-sums";
import { tierSpecOf } from "../../src/engine/tiers";

/** Acme (big, satisfied, AA, growing), Beta (loss-making, dissatisfied, Caa2, shrinking), Gamma (no satisfaction or rating), Delta (loss, BBB). */
function portfolio(): Portfolio {
  const lines: [string, number, number, string, number | null, string | null][] = [
    ["Acme", 100, 30, "2024-01-10", 4, "AA"],
    ["acme ", 150, 45, "2025-12-05", 5, "AA"],
    ["Beta", 50, -10, "2024-06-01", 2, "Caa2"],
    ["Beta", 30, -5, "2025-06-01", 2, "Caa2"],
    ["Gamma", 15, 3, "2024-03-03", null, null],
    ["Delta", -10, 1, "2025-12-20", 3, "BBB"],
  ];
  const col = (name: string, k: number) => ({ name, cells: lines.map((l) => l[k]) });
  const cols: SalesColumns = {
    customer: col("Customer", 0),
    measure: col("Revenue", 1),
    profit: col("Profit", 2),
    date: col("Date", 3),
    satisfaction: col("Satisfaction", 4),
    credit: col("Credit", 5),
  };
  return buildPortfolio(cols, tierSpecOf(undefined, undefined, undefined, "en"));
}
const idOf = (p: Portfolio, name: string) => p.analysis.customers.names.indexOf(name);

describe("account facts", () => {
  test("shares of the positive totals, margin, churn, trend and rating", () => {
    const p = portfolio();
    const ctx = preparePortfolioFacts(p);
    expect(ctx.revenueTotal).toBe(345);
    expect(ctx.profitTotal).toBe(79);
    const acme = accountFacts(ctx, idOf(p, "Acme"));
    expect(acme.share).toBeCloseTo(250 / 345, 12);
    expect(acme.margin).toBeCloseTo(0.3, 12);
    expect(acme.profitShare).toBeCloseTo(75 / 79, 12);
    expect(acme.rating).toBe("AA");
    expect(acme.trend).toEqual({ last: 150, previous: 100, change: 0.5 });
    const gamma = accountFacts(ctx, idOf(p, "Gamma"));
    expect(gamma.satisfaction).toBeNaN();
    expect(gamma.churn).toBeNaN();
    expect(gamma.rating).toBeNull();
    expect(accountFacts(ctx, idOf(p, "Delta")).margin).toBeNaN(); // revenue below 0: no margin
  });
});

describe("risk rules", () => {
  test("every risk of an account in RISK_RULES order: assessed with its values, or why not", () => {
    const p = portfolio();
    const ctx = preparePortfolioFacts(p);
    const beta = assessRisks(ctx, accountFacts(ctx, idOf(p, "Beta")));
    expect(beta.map((r) => r.kind)).toEqual(RISK_RULES.map((r) => r.kind));
    const byKind = Object.fromEntries(beta.map((r) => [r.kind, r]));
    // Beta: satisfaction 2 → churn 40% → likelihood 4; share 80/345 ≥ 10% → impact 5.
    expect(byKind.churn).toEqual({ kind: "churn", likelihood: 4, impact: 5, exposure: 0.4 * 80 });
    // Loss: margin −15/80 < −10% → 5; the loss is 15/79 of our profit ≥ 5% → 5.
    expect(byKind.loss).toEqual({ kind: "loss", likelihood: 5, impact: 5, exposure: 15 });
    // Caa2 is Moody's CCC: likelihood 4.
    expect(byKind.credit).toEqual({ kind: "credit", likelihood: 4, impact: 5, exposure: null });
    const gamma = assessRisks(ctx, accountFacts(ctx, idOf(p, "Gamma")));
    expect(gamma.filter((r) => "omitted" in r)).toEqual([
      { kind: "churn", omitted: "noValue" },
      { kind: "credit", omitted: "noValue" },
    ]);
    // Delta's revenue is below 0: no margin, so a profitable Delta's loss likelihood is 1.
    const delta = assessRisks(ctx, accountFacts(ctx, idOf(p, "Delta")));
    const loss = delta.find((r) => r.kind === "loss");
    expect(loss).toEqual({ kind: "loss", likelihood: 1, impact: scaleScore(-1 / 79, RISK_RULES[2].impact), exposure: 0 });
  });
});

describe("SWOT hints", () => {
  test("each fact in its box, with the figures it states", () => {
    const p = portfolio();
    const ctx = preparePortfolioFacts(p);
    const acme = swotHints(ctx, idOf(p, "Acme"), accountFacts(ctx, idOf(p, "Acme")));
    expect(acme.strengths.map((h) => h.key)).toEqual(["topTier", "satisfaction", "marginHigh", "creditGood"]);
    expect(acme.opportunities).toEqual([{ key: "trend", change: 0.5, months: 12 }]);
    expect(acme.threats).toEqual([{ key: "dependency", share: 250 / 345, threshold: 0.1 }]);
    const beta = swotHints(ctx, idOf(p, "Beta"), accountFacts(ctx, idOf(p, "Beta")));
    expect(beta.weaknesses).toEqual([
      { key: "satisfaction", satisfaction: 2, churn: 0.4 },
      { key: "loss", profit: -15, margin: -15 / 80 },
    ]);
    expect(beta.threats.map((h) => h.key)).toEqual(["trend", "dormant", "churnExposure", "dependency", "creditPoor"]);
    expect(beta.threats[1]).toEqual({ key: "dormant", month: "2025-06" });
  });
});

describe("tier sums", () => {
  test("per tier in ranking order, the loss-makers apart, and the total of both", () => {
    const p = portfolio();
    const a = p.analysis;
    const sums = tierSums(a, a.customers.totals);
    expect(sums.counts.reduce((s, x) => s + x, 0)).toBe(3);
    expect(sums.sums.reduce((s, x) => s + x, 0)).toBe(345);
    expect([sums.lossCount, sums.lossSum, sums.customers, sums.total]).toEqual([1, -10, 4, 335]);
    // A figure with gaps: blanks are skipped, never counted as 0.
    const profit = Float64Array.from(p.profit ?? [], (x, id) => (a.customers.names[id] === "Gamma" ? NaN : x));
    expect(tierSums(a, profit).total).toBe(75 - 15 + 1);
  });
});

describe("RISK_RULES and scaleScore", () => {
  test("one rule per kind, four ascending/descending cuts per scale", () => {
    expect(RISK_RULES.map((r) => r.kind)).toEqual(["churn", "dependency", "loss", "decline", "credit"]);
    for (const r of RISK_RULES) {
      const scales = [r.impact, ...(r.likelihood === "credit table" ? [] : [r.likelihood])];
      for (const s of scales) {
        expect(s.cuts).toHaveLength(4);
        const sorted = [...s.cuts].sort((a, b) => (s.direction === "higher" ? a - b : b - a));
        expect([...s.cuts]).toEqual(sorted);
      }
    }
  });

  test("a value at a cut reaches it when higher is riskier; must be below it when lower is", () => {
    const up: ScaleRule = { measure: "x", direction: "higher", cuts: [1, 2, 3, 4] };
    const down: ScaleRule = { measure: "x", direction: "lower", cuts: [0, -1, -2, -3] };
    expect([0.5, 1, 2.5, 4, 99].map((x) => scaleScore(x, up))).toEqual([1, 2, 3, 5, 5]);
    expect([1, 0, -0.5, -1, -3, -3.1].map((x) => scaleScore(x, down))).toEqual([1, 1, 2, 2, 4, 5]);
  });

  test("the churn cuts put the five satisfaction levels on likelihoods 5…1", () => {
    const rule = RISK_RULES[0].likelihood as ScaleRule;
    expect([0.8, 0.4, 0.2, 0.1, 0.015].map((p) => scaleScore(p, rule))).toEqual([5, 4, 3, 2, 1]);
  });
});
