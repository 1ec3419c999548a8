/** Step 1: find the sales table around the selection, show its size, map its columns, preview. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useText } from "../i18n";
import { cellsOf } from "../format";
import { mappingProblems } from "../mapping";
import type { Planner } from "../usePlanner";
import { MappingTable } from "./MappingTable";
import { Disclosure } from "./Disclosure";
import { ErrorBar } from "./ErrorBar";
import { PREVIEW_ROWS, PreviewTable } from "./PreviewTable";
import { Step } from "./Step";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px" },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  problems: { margin: 0, paddingLeft: "18px" },
});

export function DataStep({ planner }: { planner: Planner }) {
  const t = useText();
  const styles = useStyles();
  const { table, finding, mappingSource, busy } = planner.state;
  const problems = table ? mappingProblems(planner.state.mapping) : [];

  return (
    <Step n={1} id="ka-step-data" title={t("taskpane.data.heading")}>
      {!table && <Text>{t("taskpane.data.intro")}</Text>}
      <div className={styles.row}>
        <Button appearance={table ? "secondary" : "primary"} disabled={finding || Boolean(busy)} onClick={() => void planner.findTable()}>
          {table ? t("taskpane.data.findAgain") : t("taskpane.data.find")}
        </Button>
        {finding && <Spinner size="tiny" label={t("taskpane.data.finding")} />}
      </div>
      {planner.state.error?.source === "find" && <ErrorBar error={planner.state.error} onDismiss={planner.dismissError} />}
      {table && (
        <>
          <div className={styles.summary} role="status" data-testid="table-summary">
            <Text weight="semibold">{t("taskpane.data.size", { rows: table.rowCount, columns: table.columnCount })}</Text>
            <Text size={200} className={styles.muted}>
              {table.source === "table" && table.tableName
                ? t("taskpane.data.sourceTable", { name: table.tableName, sheet: table.sheetName, address: cellsOf(table.address) })
                : t("taskpane.data.sourceRegion", { sheet: table.sheetName, address: cellsOf(table.address) })}
            </Text>
          </div>
          {mappingSource === "saved" && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t("taskpane.mapping.saved")}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={planner.proposeAgain} disabled={Boolean(busy)}>
                  {t("taskpane.mapping.proposeAgain")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <MappingTable planner={planner} />
          {problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <ul className={styles.problems}>
                  {problems.map((key) => (
                    <li key={key}>{t(key)}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Disclosure title={t("taskpane.preview.caption", { n: PREVIEW_ROWS })} testId="preview-disclosure">
            <PreviewTable planner={planner} />
          </Disclosure>
        </>
      )}
    </Step>
  );
}
