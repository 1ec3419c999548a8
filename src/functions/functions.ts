/*
 * The KA custom functions. Each function is defined here once: its JSDoc is its metadata
 * (custom-functions-metadata-plugin turns it into functions.json), its body only hands the
 * arguments to the engine. Key-account rules live in src/engine, never here.
 * Chinese descriptions: functions.zh-CN.json, merged into functions.zh-cn.json at build time.
 */
import { churnFormula } from "../engine/formulas/churn";
import { concentrationFormula } from "../engine/formulas/concentration";
import { matrixFormula } from "../engine/formulas/matrix";
import { paretoFormula } from "../engine/formulas/pareto";
import { priorityFormula } from "../engine/formulas/priority";
import { riskFormula } from "../engine/formulas/risk";
import { scoreFormula } from "../engine/formulas/score";
import { tierFormula } from "../engine/formulas/tier";
import { evaluate } from "./excel-error";

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Tier (A/B/C, key/important/general, diamond/gold/silver/other) of each row's customer by its share of the positive total.
 * @customfunction TIER
 * @helpurl https://localhost:3000/help/tier.html
 * @param {any[][]} values Sales or profit per row (a column or a row); transaction lines are summed per customer when customers is given.
 * @param {any[][]} [customers] Customer of each row, same size as values; names match ignoring case and surrounding spaces.
 * @param {any} [scheme] ABC (default, 80%/95%), KIG (key/important/general, 64%/80%), IBM (diamond/gold/silver/other, 50%/75%/95%) or AUTO (computed ABC borders).
 * @param {any[][]} [thresholds] Ascending cumulative-share thresholds in (0,1], e.g. {0.7,0.9}; override the scheme's.
 * @param {any[][]} [labels] Tier labels, one more than the thresholds.
 * @param {any} [locale] Language of the labels: "en" (default) or "zh".
 * @returns {any[][]} One tier label per row; "Loss" for customers with a negative total; blank for blank rows and for total and subtotal rows.
 */
export function tier(values: any[][], customers?: any[][], scheme?: any, thresholds?: any[][], labels?: any[][], locale?: any): any[][] {
  return evaluate(locale, () => tierFormula(values, customers, scheme, thresholds, labels, locale));
}

/**
 * The 80/20 contribution table: rank, customer, value, share, cumulative share and tier, with loss-making customers, the total rows left out and a total.
 * @customfunction PARETO
 * @helpurl https://localhost:3000/help/pareto.html
 * @param {any[][]} customers Customer of each row (a column or a row).
 * @param {any[][]} values Sales or profit of each row, same size as customers.
 * @param {any} [top_n] Show only the top N customers and sum the rest into one "Other" line.
 * @param {any} [scheme] Tier scheme: ABC (default), KIG, IBM or AUTO.
 * @param {any[][]} [thresholds] Ascending cumulative-share thresholds in (0,1]; override the scheme's.
 * @param {any} [locale] Language of headers and labels: "en" (default) or "zh".
 * @returns {any[][]} The contribution table with a header row.
 */
export function pareto(customers: any[][], values: any[][], top_n?: any, scheme?: any, thresholds?: any[][], locale?: any): any[][] {
  return evaluate(locale, () => paretoFormula(customers, values, top_n, scheme, thresholds, locale));
}

/**
 * Concentration figures: customers needed for 50%/80%/95%, top-1/5/10 share, HHI, Gini, loss-making customers and rows without a customer.
 * @customfunction CONCENTRATION
 * @helpurl https://localhost:3000/help/concentration.html
 * @param {any[][]} values Sales or profit per row (a column or a row).
 * @param {any[][]} [customers] Customer of each row, same size as values.
 * @param {any} [locale] Language of the labels: "en" (default) or "zh".
 * @returns {any[][]} A two-column table of metric and value, with a header row.
 */
export function concentration(values: any[][], customers?: any[][], locale?: any): any[][] {
  return evaluate(locale, () => concentrationFormula(values, customers, locale));
}

/**
 * Customer portfolio quadrant of each row: Strategic, Star, Status or Streamline (attractiveness against our relative strength).
 * @customfunction MATRIX
 * @helpurl https://localhost:3000/help/matrix.html
 * @param {any[][]} attractiveness Customer attractiveness score per row.
 * @param {any[][]} strength The customer's view of our relative strength per row, same size.
 * @param {any} [attractiveness_cut] High/low border of attractiveness; default the median. A value equal to the cut counts as high.
 * @param {any} [strength_cut] High/low border of strength; default the median.
 * @param {any[][]} [labels] Four names in the order Strategic, Star, Status, Streamline.
 * @param {any} [locale] Language of the labels: "en" (default) or "zh".
 * @returns {any[][]} One quadrant per row.
 */
export function matrix(
  attractiveness: any[][],
  strength: any[][],
  attractiveness_cut?: any,
  strength_cut?: any,
  labels?: any[][],
  locale?: any,
): any[][] {
  return evaluate(locale, () => matrixFormula(attractiveness, strength, attractiveness_cut, strength_cut, labels, locale));
}

/**
 * Weighted 0-100 score per row from several criteria columns, each normalised across rows.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help/score.html
 * @param {any[][]} criteria One row per account, one column per criterion.
 * @param {any[][]} weights One non-negative weight per criterion column.
 * @param {any[][]} [directions] 1 where higher is better (default), -1 where lower is better, per criterion.
 * @returns {any[][]} One score from 0 to 100 per row.
 */
export function score(criteria: any[][], weights: any[][], directions?: any[][]): any[][] {
  return evaluate(undefined, () => scoreFormula(criteria, weights, directions));
}

/**
 * Churn probability from customer satisfaction (1 very dissatisfied 80% ... 5 highly satisfied 1.5%).
 * @customfunction CHURN
 * @helpurl https://localhost:3000/help/churn.html
 * @param {any[][]} satisfaction Satisfaction per row: 1-5, or the level's name in English or Chinese.
 * @param {any[][]} [table] Two columns, level and probability, replacing the default table.
 * @returns {any[][]} One churn probability (0-1) per row.
 */
export function churn(satisfaction: any[][], table?: any[][]): any[][] {
  return evaluate(undefined, () => churnFormula(satisfaction, table));
}

/**
 * Opportunity bucket from size and likelihood of success: Act now, Go after, Wait for the moment, Shelve.
 * @customfunction PRIORITY
 * @helpurl https://localhost:3000/help/priority.html
 * @param {any[][]} size Size of each opportunity.
 * @param {any[][]} likelihood Likelihood of success per opportunity, 0-1 or percent; same size.
 * @param {any} [size_cut] Large/small border; default the median size.
 * @param {any} [likelihood_cut] Likely/unlikely border; default 0.5.
 * @param {any} [locale] Language of the labels: "en" (default) or "zh".
 * @returns {any[][]} One bucket per row.
 */
export function priority(size: any[][], likelihood: any[][], size_cut?: any, likelihood_cut?: any, locale?: any): any[][] {
  return evaluate(locale, () => priorityFormula(size, likelihood, size_cut, likelihood_cut, locale));
}

/**
 * Risk score (likelihood x impact, each 1-5) and level: Low, Medium, High or Critical.
 * @customfunction RISK
 * @helpurl https://localhost:3000/help/risk.html
 * @param {any[][]} likelihood Likelihood per risk, 1-5.
 * @param {any[][]} impact Impact per risk, 1-5; same size.
 * @param {any} [locale] Language of the levels: "en" (default) or "zh".
 * @returns {any[][]} Two columns per row: score and level.
 */
export function risk(likelihood: any[][], impact: any[][], locale?: any): any[][] {
  return evaluate(locale, () => riskFormula(likelihood, impact, locale));
}
