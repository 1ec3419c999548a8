/** Style fragments shared by the components. */
import type { GriffelStyle } from "@fluentui/react-components";

/** Read by screen readers, not shown. */
export const VISUALLY_HIDDEN: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
};
