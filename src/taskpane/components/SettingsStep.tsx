/** Step 2: tier scheme and thresholds (with the rule in one sentence), measure, language, formulas, plans, weights. */
import { Field, Input, Radio, RadioGroup, Select, Text, Textarea, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { SCHEMES } from "../../engine/tiers";
import { LOCALES, text } from "../../strings";
import type { SchemeChoice } from "../contract";
import { useText, type T } from "../i18n";
import { columnsOfRole } from "../mapping";
import {
  DATE_ORDER_CHOICES,
  MAX_TOP,
  SCHEME_CHOICES,
  availableMeasures,
  percentText,
  settingsFromDraft,
  tierLabels,
  tierRuleParts,
  type FieldProblem,
  type SettingsDraft,
} from "../settings";
import type { Planner } from "../usePlanner";
import { Disclosure } from "./Disclosure";
import { Step } from "./Step";

const useStyles = makeStyles({
  // A grid track that may shrink below the longest option of a select (320 px panes).
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  rule: {
    margin: 0,
    padding: "8px 10px",
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  indent: { marginLeft: "28px", maxWidth: "calc(100% - 28px)" },
  weights: { display: "grid", gridTemplateColumns: "1fr 72px", alignItems: "center", columnGap: "8px", rowGap: "4px" },
  weightGroup: { gridColumn: "1 / span 2", fontWeight: tokens.fontWeightSemibold, marginTop: "4px" },
  weightLabel: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: "4px",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  muted: { color: tokens.colorNeutralForeground3, marginTop: "4px" },
  error: { color: tokens.colorPaletteRedForeground1, marginTop: "4px" },
  radioHint: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

function problemText(t: T, problems: FieldProblem[], field: FieldProblem["field"]): string | undefined {
  const p = problems.find((x) => x.field === field);
  return p ? t(p.key, p.args) : undefined;
}

/** The tier rule of the draft, in one sentence. */
function ruleSentence(t: T, draft: SettingsDraft, effectiveMeasure: "revenue" | "profit" = draft.measure): string {
  const measure = t(`taskpane.settings.measure.${effectiveMeasure}`).toLocaleLowerCase();
  const labels = tierLabels(draft, t.list);
  const { thresholds } = tierRuleParts(draft);
  if (!thresholds) return t("taskpane.settings.ruleAuto", { measure, first: labels[0] });
  return t("taskpane.settings.rule", {
    measure,
    first: labels[0],
    threshold: `${percentText(thresholds[0])}%`,
    last: labels[labels.length - 1],
  });
}

export function SettingsStep({ planner }: { planner: Planner }) {
  const t = useText();
  const styles = useStyles();
  const { draft, mapping, busy } = planner.state;
  const { problems } = settingsFromDraft(draft, mapping);
  const measures = availableMeasures(mapping);
  // Revenue is asked for but only profit is mapped: profit is what will be used (settingsFromDraft).
  const measure = measures.includes(draft.measure) || draft.measure === "profit" ? draft.measure : (measures[0] ?? draft.measure);
  const criteria = { attractiveness: columnsOfRole(mapping, "attractiveness"), strength: columnsOfRole(mapping, "strength") };
  const headers = planner.state.table?.headers ?? [];
  const disabled = Boolean(busy);
  const set = planner.setDraft;

  const thresholdsProblem = problemText(t, problems, "thresholds");
  const weightsProblem = problemText(t, problems, "weights");
  return (
    <Step n={2} id="ka-step-settings" title={t("taskpane.settings.heading")}>
      <Field className={styles.field} label={t("taskpane.settings.scheme")}>
        <Select value={draft.scheme} disabled={disabled} onChange={(_, d) => set({ scheme: d.value as SchemeChoice })}>
          {SCHEME_CHOICES.map((s) => (
            <option key={s} value={s}>
              {t(`taskpane.settings.scheme.${s}`, { labels: t.list(SCHEMES[s].labelsKey).join(" / ") })}
            </option>
          ))}
        </Select>
      </Field>
      {draft.scheme !== "AUTO" && (
        <Field
          className={styles.field}
          label={t("taskpane.settings.thresholds")}
          hint={thresholdsProblem ? undefined : t("taskpane.settings.thresholdsHint")}
          validationState={thresholdsProblem ? "error" : "none"}
          validationMessage={thresholdsProblem}
        >
          <Input value={draft.thresholds} disabled={disabled} inputMode="decimal" onChange={(_, d) => set({ thresholds: d.value })} />
        </Field>
      )}
      <p className={styles.rule} data-testid="tier-rule">
        {ruleSentence(t, draft, measure)}
      </p>

      <Field
        className={styles.field}
        label={t("taskpane.settings.measure")}
        validationState={problemText(t, problems, "measure") ? "error" : "none"}
        validationMessage={problemText(t, problems, "measure")}
      >
        <RadioGroup
          layout="horizontal"
          value={measure}
          disabled={disabled}
          onChange={(_, d) => set({ measure: d.value as "revenue" | "profit" })}
        >
          <Radio value="revenue" label={t("taskpane.settings.measure.revenue")} disabled={!measures.includes("revenue")} />
          <Radio value="profit" label={t("taskpane.settings.measure.profit")} disabled={!measures.includes("profit")} />
        </RadioGroup>
      </Field>

      <Field className={styles.field} label={t("taskpane.settings.plans")}>
        <RadioGroup value={draft.plans} disabled={disabled} onChange={(_, d) => set({ plans: d.value as SettingsDraft["plans"] })}>
          <Radio value="first-tier" label={t("taskpane.settings.plans.firstTier", { first: tierLabels(draft, t.list)[0] })} />
          <Radio value="top" label={t("taskpane.settings.plans.top")} />
          <Radio value="names" label={t("taskpane.settings.plans.names")} />
        </RadioGroup>
      </Field>
      {draft.plans === "top" && (
        <Field
          className={mergeClasses(styles.field, styles.indent)}
          label={t("taskpane.settings.plans.topCount")}
          validationState={problemText(t, problems, "top") ? "error" : "none"}
          validationMessage={problemText(t, problems, "top")}
        >
          <Input type="number" min={1} max={MAX_TOP} value={draft.top} disabled={disabled} onChange={(_, d) => set({ top: d.value })} />
        </Field>
      )}
      {draft.plans === "names" && (
        <Field
          className={mergeClasses(styles.field, styles.indent)}
          label={t("taskpane.settings.plans.namesList")}
          hint={problemText(t, problems, "names") ? undefined : t("taskpane.settings.plans.namesHint")}
          validationState={problemText(t, problems, "names") ? "error" : "none"}
          validationMessage={problemText(t, problems, "names")}
        >
          <Textarea value={draft.names} rows={3} resize="vertical" disabled={disabled} onChange={(_, d) => set({ names: d.value })} />
        </Field>
      )}

      <Disclosure title={t("taskpane.settings.more")} forceOpen={Boolean(weightsProblem)} testId="more-settings">
        <Field className={styles.field} label={t("taskpane.settings.contentLocale")} hint={t("taskpane.settings.contentLocaleHint")}>
          <Select value={draft.contentLocale} disabled={disabled} onChange={(_, d) => set({ contentLocale: d.value as "en" | "zh" })}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l === "zh" ? "zh-CN" : "en"}>
                {text(l, "locale.name")}
              </option>
            ))}
          </Select>
        </Field>

        <Field className={styles.field} label={t("taskpane.settings.mode")}>
          <RadioGroup value={draft.mode} disabled={disabled} onChange={(_, d) => set({ mode: d.value as "portable" | "live" })}>
            <Radio
              value="portable"
              label={
                <>
                  {t("taskpane.settings.mode.portable")}
                  <span className={styles.radioHint}>{t("taskpane.settings.mode.portableHint")}</span>
                </>
              }
            />
            <Radio
              value="live"
              label={
                <>
                  {t("taskpane.settings.mode.live")}
                  <span className={styles.radioHint}>{t("taskpane.settings.mode.liveHint")}</span>
                </>
              }
            />
          </RadioGroup>
        </Field>

        <Field className={styles.field} label={t("taskpane.settings.dateOrder")} hint={t("taskpane.settings.dateOrderHint")}>
          <Select
            value={draft.dateOrder}
            disabled={disabled}
            onChange={(_, d) => set({ dateOrder: d.value as SettingsDraft["dateOrder"] })}
          >
            {DATE_ORDER_CHOICES.map((o) => (
              <option key={o} value={o}>
                {t(`taskpane.settings.dateOrder.${o}`)}
              </option>
            ))}
          </Select>
        </Field>

        {criteria.attractiveness.length + criteria.strength.length > 0 && (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t("taskpane.settings.weights")}</legend>
            <div className={styles.weights}>
              {(["attractiveness", "strength"] as const).map((axis) =>
                criteria[axis].length === 0
                  ? null
                  : [
                      <span key={`${axis}-title`} className={styles.weightGroup} id={`ka-weights-${axis}`}>
                        {t(`taskpane.settings.weights.${axis}`)}
                      </span>,
                      ...criteria[axis].flatMap((col) => {
                        const id = `ka-weight-${col}`;
                        return [
                          <label key={`${id}-l`} id={`${id}-l`} htmlFor={id} className={styles.weightLabel} title={headers[col]}>
                            {headers[col] || t("taskpane.mapping.noHeader")}
                          </label>,
                          <Input
                            key={id}
                            id={id}
                            size="small"
                            inputMode="decimal"
                            aria-labelledby={`ka-weights-${axis} ${id}-l`}
                            aria-invalid={weightsProblem ? true : undefined}
                            aria-describedby={weightsProblem ? "ka-weights-problem" : undefined}
                            value={draft.weights[col] ?? "1"}
                            disabled={disabled}
                            onChange={(_, d) => planner.setWeight(col, d.value)}
                          />,
                        ];
                      }),
                    ],
              )}
            </div>
            {weightsProblem ? (
              <Text id="ka-weights-problem" size={200} block className={styles.error} role="alert">
                {weightsProblem}
              </Text>
            ) : (
              <Text size={200} block className={styles.muted}>
                {t("taskpane.settings.weightsHint")}
              </Text>
            )}
          </fieldset>
        )}
      </Disclosure>
      <Text size={200} block className={styles.muted}>
        {t("taskpane.settings.savedNote")}
      </Text>
    </Step>
  );
}
