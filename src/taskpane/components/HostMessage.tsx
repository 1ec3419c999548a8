/** Outside Excel (plain browser, office.js not loaded) or an Excel too old for the pane. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import type { RequirementGap } from "../contract";
import { optionalText } from "../errors";
import { useText, type T } from "../i18n";

const useStyles = makeStyles({
  list: { margin: "4px 0 0", paddingLeft: "18px" },
  part: { marginTop: "4px" },
});

/** What a missing requirement set is needed for, in the pane's language. */
function featureText(t: T, gap: RequirementGap): string {
  // An empty or missing text falls through to the next choice.
  const translated = gap.featureKey ? optionalText(t.locale, gap.featureKey) : undefined;
  if (translated) return translated;
  return gap.feature || `${gap.set} ${gap.version}`;
}

/** The features that degrade in this Excel (the pane works without them). */
export function LimitsBar(props: { missing: RequirementGap[]; onDismiss: () => void }) {
  const t = useText();
  const styles = useStyles();
  return (
    <div role="status" data-testid="limits">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("taskpane.limits.title")}</MessageBarTitle>
          <ul className={styles.list}>
            {props.missing.map((m, i) => (
              <li key={i}>{t("taskpane.requirements.missing", { feature: featureText(t, m), set: m.set, version: m.version })}</li>
            ))}
          </ul>
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

export function HostMessage(props: { status: "outside" | "unsupported"; missing: RequirementGap[] }) {
  const t = useText();
  const styles = useStyles();
  if (props.status === "outside") {
    return (
      <div role="status" data-testid="host-message">
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("taskpane.outside.title")}</MessageBarTitle>
            <div className={styles.part}>{t("taskpane.status.outsideExcel")}</div>
            <div className={styles.part}>{t("taskpane.outside.how")}</div>
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <div role="alert" data-testid="host-message">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("taskpane.requirements.title")}</MessageBarTitle>
          <ul className={styles.list}>
            {props.missing.map((m, i) => (
              <li key={i}>{t("taskpane.requirements.missing", { feature: featureText(t, m), set: m.set, version: m.version })}</li>
            ))}
          </ul>
          <div className={styles.part}>{t("taskpane.requirements.next")}</div>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
