/** Scrolls a message that just appeared into view (the pane is narrow and long; the user may be elsewhere). */
import { useEffect, useRef } from "react";

export function useRevealed<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, []);
  return ref;
}
