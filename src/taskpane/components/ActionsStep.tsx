/** Step 3: the actions. Enabled once the table is found and mapped and the settings are valid. */
import { Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetKind } from "../contract";
import { useText } from "../i18n";
import { mappingProblems } from "../mapping";
import { settingsFromDraft } from "../settings";
import type { Planner } from "../usePlanner";
import { CreatedList } from "./CreatedList";
import { ErrorBar } from "./ErrorBar";
import { ProgressPanel } from "./ProgressPanel";
import { Step } from "./Step";

const SHEETS: readonly Exclude<SheetKind, "all">[] = ["contribution", "matrix", "plans", "risk"];

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(124px, 1fr))", gap: "8px" },
  gridButton: { minWidth: 0, height: "auto", minHeight: "32px", paddingTop: "5px", paddingBottom: "5px" },
  all: { width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  tier: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "4px",
    paddingTop: "12px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function ActionsStep({ planner }: { planner: Planner }) {
  const t = useText();
  const styles = useStyles();
  const { table, mapping, draft, busy, outcome } = planner.state;
  const blocked = !table
    ? "taskpane.actions.needTable"
    : mappingProblems(mapping).length > 0
      ? "taskpane.actions.needMapping"
      : settingsFromDraft(draft, mapping).problems.length > 0
        ? "taskpane.actions.needSettings"
        : undefined;
  const disabled = Boolean(blocked) || Boolean(busy);

  return (
    <Step n={3} id="ka-step-actions" title={t("taskpane.actions.heading")}>
      {blocked && (
        <Text className={styles.muted} id="ka-actions-blocked">
          {t(blocked)}
        </Text>
      )}
      <Button
        className={styles.all}
        appearance="primary"
        disabled={disabled}
        aria-describedby="ka-all-hint"
        onClick={() => void planner.run("all")}
      >
        {t("taskpane.actions.all")}
      </Button>
      <Text id="ka-all-hint" size={200} className={styles.muted}>
        {t("taskpane.actions.allHint")}
      </Text>
      <div className={styles.grid} role="group" aria-label={t("taskpane.actions.oneSheet")}>
        {SHEETS.map((kind) => (
          <Button key={kind} className={styles.gridButton} disabled={disabled} onClick={() => void planner.run(kind)}>
            {t(`taskpane.actions.${kind}`)}
          </Button>
        ))}
      </div>
      <div className={styles.tier}>
        <Button disabled={disabled} aria-describedby="ka-tier-hint" onClick={() => void planner.run("tier")}>
          {t("taskpane.actions.tier")}
        </Button>
        <Text id="ka-tier-hint" size={200} className={styles.muted}>
          {draft.tierAsValues ? t("taskpane.actions.tierHintValues") : t("taskpane.actions.tierHint")}
        </Text>
        <Checkbox
          checked={draft.tierAsValues}
          disabled={Boolean(busy)}
          label={t("taskpane.actions.tierAsValues")}
          onChange={(_, d) => planner.setDraft({ tierAsValues: d.checked === true })}
        />
      </div>
      {busy && <ProgressPanel busy={busy} onCancel={planner.cancel} />}
      {outcome && <CreatedList outcome={outcome} onDismiss={planner.dismissOutcome} />}
      {planner.state.error?.source === "run" && <ErrorBar error={planner.state.error} onDismiss={planner.dismissError} />}
    </Step>
  );
}
