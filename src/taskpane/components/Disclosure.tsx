/**
 * A titled part of a step that opens on demand: a heading holding a button with aria-expanded
 * and aria-controls (the disclosure pattern), the part rendered only while open.
 * (Not Fluent's Accordion: its panel sets `inert` while collapsing, which React 18 warns about.)
 */
import { Button, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";

const useStyles = makeStyles({
  heading: { margin: 0 },
  button: {
    width: "100%",
    justifyContent: "flex-start",
    gap: "6px",
    paddingLeft: "2px",
    paddingRight: "2px",
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    minHeight: "32px",
    height: "auto",
  },
  chevron: { flexShrink: 0, transitionProperty: "transform", transitionDuration: tokens.durationFaster },
  open: { transform: "rotate(90deg)" },
  panel: { display: "flex", flexDirection: "column", gap: "10px", paddingTop: "4px" },
});

/** `forceOpen`: kept open while true (e.g. while a field inside needs correcting). */
export function Disclosure(props: {
  title: string;
  defaultOpen?: boolean;
  forceOpen?: boolean;
  level?: 2 | 3;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const styles = useStyles();
  const id = useId("ka-disclosure");
  const [open, setOpen] = useState(Boolean(props.defaultOpen));
  const shown = open || Boolean(props.forceOpen);
  const Heading = props.level === 2 ? "h2" : "h3";
  return (
    <div className={props.className} data-testid={props.testId}>
      <Heading className={styles.heading}>
        <Button
          appearance="transparent"
          className={styles.button}
          aria-expanded={shown}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!shown)}
        >
          <svg
            className={mergeClasses(styles.chevron, shown && styles.open)}
            width="12"
            height="12"
            viewBox="0 0 12 12"
            aria-hidden="true"
            focusable="false"
          >
            <path
              d="M4.5 2.5 8 6l-3.5 3.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span>{props.title}</span>
        </Button>
      </Heading>
      {shown && (
        <div id={`${id}-panel`} className={styles.panel}>
          {props.children}
        </div>
      )}
    </div>
  );
}
