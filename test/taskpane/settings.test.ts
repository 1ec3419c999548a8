/** The settings form: what is typed, what the actions receive, and what is wrong. */
import { list } from "../../src/strings";
import {
  defaultDraft,
  defaultThresholdsText,
  draftFromSettings,
  parseNames,
  parseThresholds,
  percentText,
  settingsFromDraft,
  tierLabels,
  type SettingsDraft,
} from "../../src/taskpane/settings";

const mapping = { customer: 0, revenue: 1, profit: 2, attractiveness: [3, 4], strength: [5] };
const draft = (patch: Partial<SettingsDraft> = {}): SettingsDraft => ({ ...defaultDraft("en"), ...patch });

describe("thresholds", () => {
  test.each([
    ["80, 95", [0.8, 0.95]],
    ["80% 95%", [0.8, 0.95]],
    ["0.7；0.9", [0.7, 0.9]],
    ["６４，８０", [0.64, 0.8]],
    ["50, 75, 95", [0.5, 0.75, 0.95]],
    ["99.5", [0.995]],
    ["100", [1]],
  ])("%s", (typed, values) => {
    expect(parseThresholds(typed)).toEqual({ values });
  });

  test.each([
    ["", "taskpane.settings.thresholdsEmpty"],
    ["80, abc", "taskpane.settings.thresholdsNumber"],
    ["0", "taskpane.settings.thresholdsRange"],
    ["120", "taskpane.settings.thresholdsRange"],
    ["95, 80", "taskpane.settings.thresholdsOrder"],
    ["80, 80", "taskpane.settings.thresholdsOrder"],
    ["10 20 30 40 50 60 70 80 90 95", "taskpane.settings.thresholdsCount"],
  ])("%s is refused", (typed, key) => {
    expect(parseThresholds(typed).problem?.key).toBe(key);
  });

  test("each scheme's default text, and percentages without float noise", () => {
    expect(defaultThresholdsText("ABC")).toBe("80, 95");
    expect(defaultThresholdsText("KIG")).toBe("64, 80");
    expect(defaultThresholdsText("IBM")).toBe("50, 75, 95");
    expect(defaultThresholdsText("AUTO")).toBe("");
    expect(percentText(0.07)).toBe("7");
    expect(percentText(0.955)).toBe("95.5");
  });
});

describe("settingsFromDraft", () => {
  test("the defaults: ABC on revenue, portable, first-tier plans, no overrides", () => {
    expect(settingsFromDraft(draft(), mapping)).toEqual({
      settings: { scheme: "ABC", measure: "revenue", locale: "en", mode: "portable", plans: "first-tier" },
      problems: [],
    });
  });

  test("thresholds other than the scheme's are passed as fractions; AUTO has none", () => {
    expect(settingsFromDraft(draft({ thresholds: "70, 90" }), mapping).settings?.thresholds).toEqual([0.7, 0.9]);
    expect(settingsFromDraft(draft({ scheme: "AUTO", thresholds: "nonsense" }), mapping).settings?.thresholds).toBeUndefined();
    expect(settingsFromDraft(draft({ thresholds: "90, 70" }), mapping).problems.map((p) => p.field)).toEqual(["thresholds"]);
  });

  test("measure: profit needs a profit column; revenue falls back to profit when only profit is mapped", () => {
    expect(settingsFromDraft(draft({ measure: "profit" }), { customer: 0, revenue: 1 }).problems.map((p) => p.key)).toEqual([
      "taskpane.settings.measureNeedsProfit",
    ]);
    expect(settingsFromDraft(draft(), { customer: 0, profit: 2 }).settings?.measure).toBe("profit");
  });

  test("plans: top N (whole, 1–500) or named accounts (one per line, duplicates once)", () => {
    expect(settingsFromDraft(draft({ plans: "top", top: "15" }), mapping).settings?.plans).toEqual({ top: 15 });
    expect(settingsFromDraft(draft({ plans: "top", top: "1.5" }), mapping).problems[0].field).toBe("top");
    expect(settingsFromDraft(draft({ plans: "top", top: "0" }), mapping).problems[0].field).toBe("top");
    expect(
      settingsFromDraft(draft({ plans: "names", names: "Acme\n beta ;Contoso, Ltd.；丙公司\r\nACME" }), mapping).settings?.plans,
    ).toEqual({ names: ["Acme", "beta", "Contoso, Ltd.", "丙公司"] });
    expect(settingsFromDraft(draft({ plans: "names", names: " \n" }), mapping).problems[0].key).toBe("taskpane.settings.namesEmpty");
    expect(parseNames("One")).toEqual(["One"]);
  });

  test("weights follow the criteria columns; equal weights are left to the builder", () => {
    expect(settingsFromDraft(draft({ weights: { 3: "2", 5: "0.5" } }), mapping).settings?.weights).toEqual({
      attractiveness: [2, 1],
      strength: [0.5],
    });
    expect(settingsFromDraft(draft({ weights: { 3: "1" } }), mapping).settings?.weights).toBeUndefined();
    expect(settingsFromDraft(draft({ weights: { 4: "-1" } }), mapping).problems[0].key).toBe("taskpane.settings.weightInvalid");
    expect(settingsFromDraft(draft({ weights: { 3: "0", 4: "0" } }), mapping).problems[0].key).toBe("taskpane.settings.weightsZero");
    expect(settingsFromDraft(draft({ weights: { 9: "abc" } }), mapping).problems).toEqual([]); // not a criterion column
  });

  test("saved settings come back into the form", () => {
    const saved = {
      scheme: "IBM" as const,
      thresholds: [0.5, 0.7, 0.9],
      measure: "profit" as const,
      locale: "zh" as const,
      mode: "live" as const,
      plans: { names: ["Acme", "Beta"] },
      weights: { attractiveness: [2, 3], strength: [4] },
    };
    const d = draftFromSettings(saved, mapping, defaultDraft("en"));
    expect(d).toMatchObject({
      scheme: "IBM",
      thresholds: "50, 70, 90",
      measure: "profit",
      contentLocale: "zh",
      contentLocaleChosen: true,
      mode: "live",
      plans: "names",
      names: "Acme\nBeta",
      weights: { 3: "2", 4: "3", 5: "4" },
    });
    expect(settingsFromDraft(d, mapping).settings).toEqual(saved);
    expect(draftFromSettings({ ...saved, plans: { top: 7 }, thresholds: undefined }, mapping, defaultDraft("en"))).toMatchObject({
      plans: "top",
      top: "7",
      thresholds: "50, 75, 95",
    });
  });
});

describe("the date order setting", () => {
  const mapping = { customer: 0, revenue: 1, date: 2 };
  test("auto (default) sends no order; a chosen order is sent and comes back into the form", () => {
    expect(defaultDraft("en").dateOrder).toBe("auto");
    expect(settingsFromDraft(draft(), mapping).settings?.dateOrder).toBeUndefined();
    const settings = settingsFromDraft(draft({ dateOrder: "dmy" }), mapping).settings!;
    expect(settings.dateOrder).toBe("dmy");
    expect(draftFromSettings(settings, mapping, defaultDraft("en")).dateOrder).toBe("dmy");
    expect(draftFromSettings({ ...settings, dateOrder: undefined }, mapping, draft({ dateOrder: "mdy" })).dateOrder).toBe("auto");
  });
});

describe("tier labels named by the rule sentence", () => {
  const labels = (key: string) => list("en", key);
  test("the scheme's labels, or A, B, C… when the number of thresholds differs (as KA.TIER)", () => {
    expect(tierLabels(draft(), labels)).toEqual(["A", "B", "C"]);
    expect(tierLabels(draft({ scheme: "IBM", thresholds: "50, 75, 95" }), labels)).toEqual(["Diamond", "Gold", "Silver", "Other"]);
    expect(tierLabels(draft({ scheme: "KIG", thresholds: "50, 70, 90" }), labels)).toEqual(["A", "B", "C", "D"]);
    expect(tierLabels(draft({ scheme: "AUTO" }), labels)).toEqual(["A", "B", "C"]);
  });
});
