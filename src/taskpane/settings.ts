/**
 * The settings form of the pane: what the user types (a draft of strings and choices) and the
 * PlannerSettings the actions receive. Pure: `settingsFromDraft` validates the draft and says
 * what is wrong in resource keys; `draftFromSettings` restores a saved state into the form.
 */
import { MAX_THRESHOLDS, SCHEMES } from "../engine/tiers";
import type { ColumnMapping, PlanChoice, PlannerSettings, SchemeChoice } from "./contract";
import { columnsOfRole } from "./mapping";

export const SCHEME_CHOICES: readonly SchemeChoice[] = ["ABC", "KIG", "IBM", "AUTO"];
export const MAX_TOP = 500;

export interface SettingsDraft {
  scheme: SchemeChoice;
  /** Percentages as typed: "80, 95". */
  thresholds: string;
  measure: "revenue" | "profit";
  /** Language of the generated sheets. */
  contentLocale: "en" | "zh";
  /** True once the user picked the content language (else it follows the pane's language). */
  contentLocaleChosen: boolean;
  mode: "portable" | "live";
  plans: "first-tier" | "top" | "names";
  top: string;
  /** Customer names, one per line (or separated by semicolons; commas belong to names such as "Contoso, Ltd."). */
  names: string;
  /** Weight per criterion column (column index → typed weight); "1" when not typed. */
  weights: Record<number, string>;
  /** Insert the tier column as values instead of a KA.TIER formula. */
  tierAsValues: boolean;
  /** Order of a date column the data leaves ambiguous; "auto": such a column is left out. */
  dateOrder: DateOrderChoice;
}

export const DATE_ORDER_CHOICES = ["auto", "mdy", "dmy", "ymd"] as const;
type DateOrderChoice = (typeof DATE_ORDER_CHOICES)[number];

export interface FieldProblem {
  field: "thresholds" | "measure" | "top" | "names" | "weights";
  key: string;
  args?: Record<string, string | number>;
}

/** The scheme's default thresholds in percent ("80, 95"), "" for AUTO. */
export function defaultThresholdsText(scheme: SchemeChoice): string {
  const t = SCHEMES[scheme].thresholds;
  return t ? t.map((x) => percentText(x)).join(", ") : "";
}

/** 0.8 → "80", 0.955 → "95.5" (no float noise). */
export function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}

export function defaultDraft(locale: "en" | "zh"): SettingsDraft {
  return {
    scheme: "ABC",
    thresholds: defaultThresholdsText("ABC"),
    measure: "revenue",
    contentLocale: locale,
    contentLocaleChosen: false,
    mode: "portable",
    plans: "first-tier",
    top: "10",
    names: "",
    weights: {},
    tierAsValues: false,
    dateOrder: "auto",
  };
}

/**
 * Thresholds typed as percentages: "80, 95", "80% 95%", "０.８，０.９５" (fractions ≤ 1 are read as
 * fractions, as KA.TIER does). Ascending, each in (0, 100 %], at most MAX_THRESHOLDS.
 */
export function parseThresholds(textIn: string): { values: number[]; problem?: undefined } | { values?: undefined; problem: FieldProblem } {
  const parts = textIn
    .normalize("NFKC")
    .split(/[\s,;、]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0) return { problem: { field: "thresholds", key: "taskpane.settings.thresholdsEmpty" } };
  if (parts.length > MAX_THRESHOLDS)
    return { problem: { field: "thresholds", key: "taskpane.settings.thresholdsCount", args: { max: MAX_THRESHOLDS } } };
  const values: number[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(part);
    if (!m) return { problem: { field: "thresholds", key: "taskpane.settings.thresholdsNumber", args: { value: part } } };
    let v = Number(m[1]);
    if (m[2] === "%" || v > 1) v = v / 100;
    v = Number(v.toPrecision(12));
    if (!(v > 0 && v <= 1)) return { problem: { field: "thresholds", key: "taskpane.settings.thresholdsRange", args: { value: part } } };
    if (values.length > 0 && v <= values[values.length - 1]) {
      return { problem: { field: "thresholds", key: "taskpane.settings.thresholdsOrder" } };
    }
    values.push(v);
  }
  return { values };
}

/** Customer names from the names box: one per line, or separated by ";" / "；" (each once, ignoring case). */
export function parseNames(textIn: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of textIn.split(/[\r\n;；]+/)) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (name === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function parseWeight(textIn: string | undefined): number | undefined {
  const s = (textIn ?? "1").normalize("NFKC").trim();
  if (!/^(\d+(?:\.\d+)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

/** The measure that can be used with this mapping: profit needs a profit column, revenue a revenue column. */
export function availableMeasures(mapping: ColumnMapping): ("revenue" | "profit")[] {
  const out: ("revenue" | "profit")[] = [];
  if (columnsOfRole(mapping, "revenue").length > 0) out.push("revenue");
  if (columnsOfRole(mapping, "profit").length > 0) out.push("profit");
  return out;
}

/** Validates the draft against the mapping. `settings` is present only when there is no problem. */
export function settingsFromDraft(draft: SettingsDraft, mapping: ColumnMapping): { settings?: PlannerSettings; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];

  let thresholds: number[] | undefined;
  if (draft.scheme !== "AUTO") {
    const parsed = parseThresholds(draft.thresholds);
    if (parsed.problem) problems.push(parsed.problem);
    else {
      const def = SCHEMES[draft.scheme].thresholds ?? [];
      const same = parsed.values.length === def.length && parsed.values.every((v, i) => v === def[i]);
      thresholds = same ? undefined : parsed.values;
    }
  }

  const measures = availableMeasures(mapping);
  let measure = draft.measure;
  if (!measures.includes(measure)) {
    if (measures.length > 0 && draft.measure === "revenue") measure = measures[0];
    else if (draft.measure === "profit") problems.push({ field: "measure", key: "taskpane.settings.measureNeedsProfit" });
  }

  let plans: PlanChoice = "first-tier";
  if (draft.plans === "top") {
    const n = Number(draft.top.normalize("NFKC").trim());
    if (!Number.isInteger(n) || n < 1 || n > MAX_TOP)
      problems.push({ field: "top", key: "taskpane.settings.topInvalid", args: { max: MAX_TOP } });
    else plans = { top: n };
  } else if (draft.plans === "names") {
    const names = parseNames(draft.names);
    if (names.length === 0) problems.push({ field: "names", key: "taskpane.settings.namesEmpty" });
    else plans = { names };
  }

  let weights: PlannerSettings["weights"];
  const a = columnsOfRole(mapping, "attractiveness");
  const s = columnsOfRole(mapping, "strength");
  if (a.length + s.length > 0) {
    const wa = a.map((c) => parseWeight(draft.weights[c]));
    const ws = s.map((c) => parseWeight(draft.weights[c]));
    if ([...wa, ...ws].some((w) => w === undefined)) problems.push({ field: "weights", key: "taskpane.settings.weightInvalid" });
    else if ((wa.length > 0 && wa.every((w) => w === 0)) || (ws.length > 0 && ws.every((w) => w === 0))) {
      problems.push({ field: "weights", key: "taskpane.settings.weightsZero" });
    } else if ([...wa, ...ws].some((w) => w !== 1)) {
      weights = { attractiveness: wa as number[], strength: ws as number[] };
    }
  }

  if (problems.length > 0) return { problems };
  const settings: PlannerSettings = { scheme: draft.scheme, measure, locale: draft.contentLocale, mode: draft.mode, plans };
  if (thresholds) settings.thresholds = thresholds;
  if (weights) settings.weights = weights;
  if (draft.dateOrder !== "auto") settings.dateOrder = draft.dateOrder;
  return { settings, problems };
}

/** The form showing saved settings (weights by the mapping's criteria columns). */
export function draftFromSettings(settings: PlannerSettings, mapping: ColumnMapping, base: SettingsDraft): SettingsDraft {
  const scheme = SCHEME_CHOICES.includes(settings.scheme) ? settings.scheme : "ABC";
  const draft: SettingsDraft = {
    ...base,
    scheme,
    thresholds: settings.thresholds && scheme !== "AUTO" ? settings.thresholds.map(percentText).join(", ") : defaultThresholdsText(scheme),
    measure: settings.measure === "profit" ? "profit" : "revenue",
    contentLocale: settings.locale === "zh" ? "zh" : "en",
    contentLocaleChosen: true,
    mode: settings.mode === "live" ? "live" : "portable",
    weights: {},
    dateOrder: settings.dateOrder && (DATE_ORDER_CHOICES as readonly string[]).includes(settings.dateOrder) ? settings.dateOrder : "auto",
  };
  const plans = settings.plans;
  if (plans && typeof plans === "object" && "top" in plans) {
    draft.plans = "top";
    draft.top = String(plans.top);
  } else if (plans && typeof plans === "object" && "names" in plans) {
    draft.plans = "names";
    draft.names = plans.names.join("\n");
  } else draft.plans = "first-tier";
  const weights = settings.weights;
  if (weights) {
    columnsOfRole(mapping, "attractiveness").forEach((c, i) => {
      const w = weights.attractiveness[i];
      if (w !== undefined) draft.weights[c] = String(w);
    });
    columnsOfRole(mapping, "strength").forEach((c, i) => {
      const w = weights.strength[i];
      if (w !== undefined) draft.weights[c] = String(w);
    });
  }
  return draft;
}

/** The tier labels and thresholds the rule sentence names: first label, its threshold (percent text) or null for AUTO. */
export function tierRuleParts(draft: SettingsDraft): { thresholds: readonly number[] | null } {
  if (draft.scheme === "AUTO") return { thresholds: null };
  const parsed = parseThresholds(draft.thresholds);
  return { thresholds: parsed.values ?? SCHEMES[draft.scheme].thresholds ?? null };
}

/** Tier labels of the draft's scheme in `locale` (generic A, B, C… when the threshold count differs, as KA.TIER does). */
export function tierLabels(draft: SettingsDraft, labelsOf: (key: string) => readonly string[]): string[] {
  const { thresholds } = tierRuleParts(draft);
  const count = (thresholds ? thresholds.length : 2) + 1;
  const labels = labelsOf(SCHEMES[draft.scheme].labelsKey);
  return labels.length === count ? [...labels] : Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i));
}
