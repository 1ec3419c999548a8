/** The KA functions, for those who prefer formulas: folded away below the workflow. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useText } from "../i18n";
import { Disclosure } from "./Disclosure";

/**
 * The KA custom functions' ids in functions.ts's order, from the metadata the build generates
 * (webpack.config.js defines it): the functions are listed once, in src/functions/functions.ts.
 */
declare const KA_FUNCTION_IDS: readonly string[];

const useStyles = makeStyles({
  root: {
    padding: "4px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: { padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  code: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  summary: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  example: {
    margin: "0 0 8px",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

export function FunctionsList() {
  const t = useText();
  const styles = useStyles();
  return (
    <Disclosure title={t("taskpane.functions")} level={2} className={styles.root} testId="functions">
      <p className={styles.intro}>{t("taskpane.intro")}</p>
      <ul className={styles.list}>
        {KA_FUNCTION_IDS.map((name) => (
          <li key={name} className={styles.item}>
            <code className={styles.code}>KA.{name}</code>
            <span className={styles.summary}>{t(`taskpane.fn.${name}`)}</span>
          </li>
        ))}
      </ul>
      <p className={styles.example}>{t("taskpane.example")}</p>
    </Disclosure>
  );
}
