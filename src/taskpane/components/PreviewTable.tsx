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
  header: {
    display: "block",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
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
  const totalRows = totalRowsText(t, columns);
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
            <td className={styles.td}>{previewValues(t, c)}</td>
          </tr>
        ))}
      </tbody>
      {totalRows && (
        <tfoot>
          <tr>
            <td colSpan={2} className={`${styles.td} ${styles.muted}`} data-testid="preview-total-rows">
              {t("taskpane.preview.totalRows", { rows: totalRows })}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** The first values; a total row the actions leave out says so. */
function previewValues(t: ReturnType<typeof useText>, c: PreviewColumn): string {
  const leftOut = new Set((c.totalRows ?? []).map((r) => r.index));
  return c.values
    .slice(0, PREVIEW_ROWS)
    .map((v, i) => {
      const s = formatValue(v, t.locale, c.role);
      return leftOut.has(i) ? `${s} (${t("taskpane.preview.totalRow")})` : s;
    })
    .join(" · ");
}

/** `row 13 "总计", row 40 "Total"` for the customer column's total rows in the sample, or null. */
function totalRowsText(t: ReturnType<typeof useText>, columns: readonly PreviewColumn[]): string | null {
  const rows = columns.find((c) => c.totalRows && c.totalRows.length > 0)?.totalRows;
  return rows ? rows.map((r) => `${t("position.row", { n: r.row })} "${r.name}"`).join(", ") : null;
}

function roleLabel(t: ReturnType<typeof useText>, role: string): string {
  try {
    return t(`taskpane.role.${role}`);
  } catch {
    return role;
  }
}
