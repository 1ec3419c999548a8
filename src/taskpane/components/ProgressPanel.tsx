/** Progress of a running action, with Cancel (checked between sheets: a sheet is never left half-written). */
import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useText } from "../i18n";
import { progressValue, type Busy } from "../state";
import { useRevealed } from "./reveal";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  label: { minWidth: 0, overflowWrap: "anywhere" },
});

export function ProgressPanel(props: { busy: Busy; onCancel: () => void }) {
  const t = useText();
  const styles = useStyles();
  const { busy } = props;
  const value = progressValue(busy);
  const ref = useRevealed<HTMLDivElement>();
  const what = t(`taskpane.progress.${busy.action}`);
  const status = busy.cancelling
    ? t("taskpane.progress.cancelling")
    : busy.total > 0
      ? t("taskpane.progress.step", { done: busy.done, total: busy.total, label: busy.label || what })
      : t("taskpane.progress.starting", { what });
  return (
    <div className={styles.root} data-testid="progress" ref={ref}>
      <div className={styles.row}>
        <Text weight="semibold" id="ka-progress-title">
          {what}
        </Text>
        {busy.action !== "tier" && (
          <Button size="small" onClick={props.onCancel} disabled={busy.cancelling}>
            {t("taskpane.progress.cancel")}
          </Button>
        )}
      </div>
      <ProgressBar value={value} thickness="large" aria-labelledby="ka-progress-title" aria-describedby="ka-progress-status" />
      <Text id="ka-progress-status" size={200} className={styles.label} role="status" aria-live="polite">
        {status}
      </Text>
    </div>
  );
}
