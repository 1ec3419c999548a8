/** The column mapping: one dropdown per column of the table, proposed by the actions API, editable. */
import { Button, Select, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useText } from "../i18n";
import { cellText, columnLetter, formatValue } from "../format";
import { PANE_ROLES, isPaneRole, roleOfColumn } from "../mapping";
import type { Planner } from "../usePlanner";
import { VISUALLY_HIDDEN } from "./styles";

const useStyles = makeStyles({
  head: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "8px", flexWrap: "wrap" },
  again: { minWidth: 0, paddingLeft: "4px", paddingRight: "4px", color: tokens.colorBrandForeground1 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    alignItems: "center",
    gap: "8px",
    padding: "6px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  label: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, flexBasis: 0 },
  name: { display: "flex", alignItems: "center", gap: "6px", minWidth: 0 },
  header: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  sample: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  select: { width: "152px", flexShrink: 0 },
  hidden: VISUALLY_HIDDEN,
  letter: {
    flexShrink: 0,
    minWidth: "20px",
    padding: "0 4px",
    boxSizing: "border-box",
    textAlign: "center",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Data rows of the table's preview (a header row, if the API included one, is left out). */
function dataRows(headers: readonly string[], preview: readonly unknown[][]): readonly unknown[][] {
  const first = preview[0];
  if (first?.length === headers.length && first.every((v, i) => cellText(v) === headers[i])) return preview.slice(1);
  return preview;
}

export function MappingTable({ planner }: { planner: Planner }) {
  const t = useText();
  const styles = useStyles();
  const baseId = useId("ka-col");
  const { table, mapping, mappingSource, busy } = planner.state;
  if (!table) return null;
  const rows = dataRows(table.headers, table.preview);

  return (
    <div>
      <div className={styles.head}>
        <h3 className={styles.subheading} id={`${baseId}-heading`}>
          {t("taskpane.mapping.heading")}
        </h3>
        {mappingSource === "edited" && (
          <Button size="small" appearance="transparent" className={styles.again} onClick={planner.proposeAgain} disabled={Boolean(busy)}>
            {t("taskpane.mapping.proposeAgain")}
          </Button>
        )}
      </div>
      <Text size={200} className={styles.hint} block>
        {t("taskpane.mapping.hint")}
      </Text>
      <ul className={styles.list} aria-labelledby={`${baseId}-heading`}>
        {table.headers.map((header, col) => {
          const role = roleOfColumn(mapping, col);
          const id = `${baseId}-${col}`;
          const letter = columnLetter(table.address, col);
          const name = header.trim() || t("taskpane.mapping.noHeader");
          const sample = rows
            .slice(0, 3)
            .map((r) => formatValue(r[col], t.locale, role))
            .join(" · ");
          return (
            <li key={col} className={styles.item}>
              <div className={styles.label}>
                <label htmlFor={id} className={styles.name}>
                  {letter && (
                    <span className={styles.letter} aria-hidden="true">
                      {letter}
                    </span>
                  )}
                  {letter && <span className={styles.hidden}>{t("taskpane.mapping.columnLetter", { letter })} </span>}
                  <span className={styles.header} title={name}>
                    {name}
                  </span>
                </label>
                {sample && (
                  <span id={`${id}-sample`} className={styles.sample}>
                    {sample}
                  </span>
                )}
              </div>
              <Select
                id={id}
                aria-describedby={sample ? `${id}-sample` : undefined}
                className={styles.select}
                size="small"
                value={role}
                disabled={Boolean(busy)}
                onChange={(_, data) => planner.setColumnRole(col, data.value)}
              >
                <option value="">{t("taskpane.role.none")}</option>
                {PANE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`taskpane.role.${r}`)}
                  </option>
                ))}
                {role !== "" && !isPaneRole(role) && <option value={role}>{t("taskpane.role.other", { role })}</option>}
              </Select>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
