/** The pane's language, by hand (it follows Office's display language until used). */
import { Select, makeStyles, useId } from "@fluentui/react-components";
import { LOCALES, text, type Locale } from "../../strings";
import { useText } from "../i18n";
import { VISUALLY_HIDDEN } from "./styles";

const useStyles = makeStyles({
  root: { flexShrink: 0, width: "92px" },
  hidden: VISUALLY_HIDDEN,
});

export function LanguageSwitch(props: { locale: Locale; onChange: (locale: Locale) => void }) {
  const t = useText();
  const styles = useStyles();
  const id = useId("ka-language");
  return (
    <div className={styles.root}>
      <label htmlFor={id} className={styles.hidden}>
        {t("taskpane.language")}
      </label>
      <Select id={id} size="small" value={props.locale} onChange={(_, data) => props.onChange(data.value as Locale)}>
        {LOCALES.map((l) => (
          // Each language named in itself, so that anyone can find theirs.
          <option key={l} value={l} lang={l === "zh" ? "zh-CN" : "en"}>
            {text(l, "locale.name")}
          </option>
        ))}
      </Select>
    </div>
  );
}
