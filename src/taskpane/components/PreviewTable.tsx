/** The first rows as the actions will read them, per mapped role. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { PreviewColumn } from "../contract";
import { formatValue } from "../format";
import { useText } from "../i18n";
import type { Planner } from "../usePlanner";
import { VISUALLY_HIDDEN } from "./styles";

export const PREVIEW_ROWS = 3;

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  // The disclosure above shows the same title.
  caption: VISUALLY_HIDDEN,
  th: {
    textAlign: "left",
    verticalAlign: "top",
    fontWeight: tokens.fontWeightSemibold,
    padding: "4px 6px 4px 0",
    width: "38%",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  header: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  td: {
    verticalAlign: "top",
    padding: "4px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function PreviewTable({ planner }: { planner: Planner }) {
  const t = useText();
  const styles = useStyles();
  const { table, mapping } = planner.state;
  const columns = useMemo<PreviewColumn[]>(() => {
    if (!table) return [];
    try {
      return planner.api.readPreview(table, mapping, PREVIEW_ROWS);
    } catch (e) {
      console.warn("KA Planner: no preview", e);
      return [];
    }
  }, [planner.api, table, mapping]);
  if (!table) return null;
  if (columns.length === 0) return <Text className={styles.muted}>{t("taskpane.preview.empty")}</Text>;

  return (
    <table className={styles.table} data-testid="preview">
      <caption className={styles.caption}>{t("taskpane.preview.caption", { n: PREVIEW_ROWS })}</caption>
      <tbody>
        {columns.map((c, i) => (
          <tr key={`${c.role}-${i}`}>
            <th scope="row" className={styles.th}>
              {roleLabel(t, c.role)}
              <span className={styles.header}>{c.header}</span>
            </th>
            <td className={styles.td}>{c.values.slice(0, PREVIEW_ROWS).map((v) => formatValue(v, t.locale, c.role)).join(" · ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function roleLabel(t: ReturnType<typeof useText>, role: string): string {
  try {
    return t(`taskpane.role.${role}`);
  } catch {
    return role;
  }
}
