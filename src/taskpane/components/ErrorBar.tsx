/** An error in plain language: what happened, the detail, and what to do next. Never a stack trace. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { errorView } from "../errors";
import { useText } from "../i18n";
import { useRevealed } from "./reveal";
import type { PaneError } from "../state";

const useStyles = makeStyles({
  part: { marginTop: "4px" },
});

export function ErrorBar(props: { error: PaneError; onDismiss: () => void }) {
  const t = useText();
  const styles = useStyles();
  const view = errorView(t.locale, props.error);
  const ref = useRevealed<HTMLDivElement>();
  return (
    <div role="alert" data-testid="error" ref={ref}>
      <MessageBar intent={props.error.kind === "noTable" ? "warning" : "error"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{view.title}</MessageBarTitle>
          {view.detail && <div className={styles.part}>{view.detail}</div>}
          {view.next && <div className={styles.part}>{view.next}</div>}
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
