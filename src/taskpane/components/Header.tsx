/** Title bar: icon, name, one-line purpose, and the language switch. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../../strings";
import { useText } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    gap: "10px",
    padding: "10px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  subtitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  icon: { flexShrink: 0 },
});

export function Header(props: { locale: Locale; onLocale: (locale: Locale) => void }) {
  const t = useText();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <img className={styles.icon} src="assets/icon-32.png" alt="" width={28} height={28} />
      <div className={styles.titles}>
        <h1 className={styles.title}>{t("taskpane.title")}</h1>
        <p className={styles.subtitle}>{t("taskpane.subtitle")}</p>
      </div>
      <LanguageSwitch locale={props.locale} onChange={props.onLocale} />
    </header>
  );
}
