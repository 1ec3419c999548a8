/** What an action created (the first new sheet is active in Excel), its warnings, or that it was cancelled. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { useText } from "../i18n";
import { cellsOf } from "../format";
import type { Outcome } from "../state";
import { useRevealed } from "./reveal";

const useStyles = makeStyles({
  list: { margin: "4px 0 0", paddingLeft: "18px" },
});

export function CreatedList(props: { outcome: Outcome; onDismiss: () => void }) {
  const t = useText();
  const styles = useStyles();
  const { outcome } = props;
  const n = outcome.created.length;
  const ref = useRevealed<HTMLDivElement>();
  const title =
    outcome.action === "tier"
      ? t("taskpane.done.tier", { address: outcome.address ?? "" })
      : outcome.cancelled
        ? t(n > 0 ? "taskpane.done.cancelledSome" : "taskpane.done.cancelledNone", { n })
        : t(n === 1 ? "taskpane.done.one" : "taskpane.done.many", { n });
  return (
    <div role="status" aria-live="polite" data-testid="outcome" ref={ref}>
      <MessageBar intent={outcome.cancelled || outcome.warnings.length > 0 ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {outcome.action === "tier" && outcome.address && <div>{t("taskpane.done.tierHint", { cells: cellsOf(outcome.address) })}</div>}
          {n > 0 && (
            <>
              <div>{t("taskpane.done.activated", { name: outcome.created[0].name })}</div>
              <ul className={styles.list} aria-label={t("taskpane.done.listLabel")}>
                {outcome.created.map((c) => (
                  <li key={`${c.key}-${c.name}`}>{c.name}</li>
                ))}
              </ul>
            </>
          )}
          {outcome.warnings.length > 0 && (
            <ul className={styles.list} aria-label={t("taskpane.done.warningsLabel")}>
              {outcome.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={props.onDismiss}>
            {t("taskpane.dismiss")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
